package com.backhaulexchange.emissions;

import java.util.Objects;

/** A load's loaded miles and how full it makes the truck. */
public record CarriedLoad(double loadedMiles, LadenFraction ladenFraction) {
    public CarriedLoad {
        if (!(loadedMiles >= 0) || Double.isInfinite(loadedMiles)) {
            throw new IllegalArgumentException("loadedMiles must be finite and non-negative, was " + loadedMiles);
        }
        Objects.requireNonNull(ladenFraction, "ladenFraction");
    }
}
