package com.backhaulexchange.tracking;

import com.backhaulexchange.kernel.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * The detention of one stop as {@link DetentionCalculator} computes it from tracking (ADR 38): the truck arrived at
 * {@code arrivedAt} and departed at {@code departedAt}; the clock started at {@code clockStartedAt} (the arrival, or
 * the window's opening if the truck came early); {@code dwellMinutes} (started minutes) from then to the departure, of which
 * {@code freeHours} are free; the rest is billed in started quarter hours ({@code billedMinutes}, a multiple of 15)
 * at {@code ratePerHour}, giving {@code charge}. All in whole minutes and minor units.
 */
public record Detention(StopKind stop, Instant arrivedAt, Instant departedAt, Instant clockStartedAt,
        long dwellMinutes, int freeHours, long billedMinutes, Money ratePerHour, Money charge) {

    public Detention {
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
        Objects.requireNonNull(departedAt, "departedAt");
        Objects.requireNonNull(clockStartedAt, "clockStartedAt");
        Objects.requireNonNull(ratePerHour, "ratePerHour");
        Objects.requireNonNull(charge, "charge");
        if (dwellMinutes < 0 || billedMinutes < 0 || charge.isNegative()) {
            throw new IllegalArgumentException("detention figures are never negative");
        }
    }

    public boolean isCharged() {
        return charge.amountMinorUnits() > 0;
    }
}
