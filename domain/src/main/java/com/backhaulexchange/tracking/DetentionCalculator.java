package com.backhaulexchange.tracking;

import com.backhaulexchange.deal.negotiation.AccessorialTerms;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.TimeWindow;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Detention at a stop, after the common US truckload practice (docs/reference/freight-conventions.md, "Detention";
 * ADR 38):
 * <ul>
 * <li>the clock starts at the later of the arrival and the opening of the stop's window (its appointment): a truck
 *     that comes early waits on its own time, one that comes late starts the clock when it arrives;</li>
 * <li>dwell = departure - clock start, counted in started minutes (a report's time is kept to the millisecond;
 *     the parties read minutes, and a started minute is a minute the truck was held);</li>
 * <li>the offer's {@code detentionFreeHours} are free; what is beyond is billed per <b>started quarter hour</b>
 *     (1 minute over is 15 billed minutes);</li>
 * <li>charge = billed quarter hours x {@code detentionRatePerHour} / 4, rounded half up to the minor unit, in
 *     exact integer arithmetic; never negative, never more per hour than the rate.</li>
 * </ul>
 * Nothing is computed before the truck has departed from the stop.
 */
public final class DetentionCalculator {
    public static final long BILLING_INCREMENT_MINUTES = 15;

    private DetentionCalculator() {
    }

    public static Optional<Detention> compute(StopKind stop, TimeWindow window, StopProgress progress,
            AccessorialTerms terms) {
        if (progress.arrivedAt() == null || progress.departedAt() == null) {
            return Optional.empty();
        }
        Instant clockStartedAt = progress.arrivedAt().isAfter(window.opensAt()) ? progress.arrivedAt()
                : window.opensAt();
        long dwellMillis = Math.max(0, Duration.between(clockStartedAt, progress.departedAt()).toMillis());
        long dwellMinutes = (dwellMillis + 59_999) / 60_000;
        long freeMinutes = Math.max(0, terms.detentionFreeHours()) * 60L;
        long beyondMinutes = Math.max(0, dwellMinutes - freeMinutes);
        long quarters = (beyondMinutes + BILLING_INCREMENT_MINUTES - 1) / BILLING_INCREMENT_MINUTES;
        Money rate = terms.detentionRatePerHour();
        long rateMinor = Math.max(0, rate.amountMinorUnits());
        // quarters x rate / 4, half up; BigInteger so that no product overflows.
        long charge = BigInteger.valueOf(quarters).multiply(BigInteger.valueOf(rateMinor)).add(BigInteger.TWO)
                .divide(BigInteger.valueOf(4)).longValueExact();
        return Optional.of(new Detention(stop, progress.arrivedAt(), progress.departedAt(), clockStartedAt,
                dwellMinutes, terms.detentionFreeHours(), quarters * BILLING_INCREMENT_MINUTES, rate,
                new Money(charge, rate.currency())));
    }

    /** Both stops' detention as far as known, for a booking's tracking. */
    public static Optional<Detention> compute(TrackedStop stop, StopProgress progress, AccessorialTerms terms) {
        return compute(stop.kind(), stop.window(), progress, terms);
    }
}
