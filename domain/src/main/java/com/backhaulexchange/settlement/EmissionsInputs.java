package com.backhaulexchange.settlement;

import com.backhaulexchange.emissions.EmissionsMethod;
import com.backhaulexchange.settlement.allocation.AssignmentMarket;
import java.util.Map;
import java.util.Objects;

/**
 * What a period's emissions game is built from (ADR 35): the emissions market of the period's
 * {@link PeriodPairings} (the money market's lanes and pairings, weighed in grams of CO₂e avoided, well-to-wheel)
 * and the grams each realised booking avoided, all computed with one factor set and version ({@code method}).
 * The realised bookings' grams sum to v(N) of the emissions game, as their gains sum to v(N) of the money's.
 */
public record EmissionsInputs(EmissionsMethod method, AssignmentMarket market,
        Map<String, Long> co2eAvoidedGramsByBooking) {

    public EmissionsInputs {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(market, "market");
        co2eAvoidedGramsByBooking = Map.copyOf(co2eAvoidedGramsByBooking);
    }

    /** Kilograms (as the factor sets give them) to the whole grams the game is played in. */
    public static long grams(double kilograms) {
        if (!Double.isFinite(kilograms)) {
            throw new IllegalArgumentException("CO2e must be finite, was " + kilograms + " kg");
        }
        return Math.round(kilograms * 1_000);
    }
}
