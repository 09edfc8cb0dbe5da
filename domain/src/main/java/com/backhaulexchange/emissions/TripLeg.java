package com.backhaulexchange.emissions;

import java.util.Objects;

/** One leg of a truck's trip: road miles driven at one laden fraction. */
public record TripLeg(double miles, LadenFraction ladenFraction) {
    public TripLeg {
        if (!(miles >= 0) || Double.isInfinite(miles)) {
            throw new IllegalArgumentException("miles must be finite and non-negative, was " + miles);
        }
        Objects.requireNonNull(ladenFraction, "ladenFraction");
    }

    public static TripLeg empty(double miles) {
        return new TripLeg(miles, LadenFraction.EMPTY);
    }

    public static TripLeg laden(double miles, LadenFraction ladenFraction) {
        return new TripLeg(miles, ladenFraction);
    }
}
