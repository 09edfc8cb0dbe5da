package com.backhaulexchange.settlement.collaboration;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One settlement period of a collaboration: number {@code index} (0 = the one starting on the agreement's
 * start date), covering [startsAt, endsAt) in UTC. It is settled once {@link #closesAt()} has passed.
 */
public record SettlementPeriod(long index, Instant startsAt, Instant endsAt) {

    /**
     * How long after a period ends it closes: events recorded late (a delivery entered the next morning) still
     * count in their own period. Events later than this are settled as adjustments in a later period.
     */
    public static final Duration GRACE = Duration.ofHours(6);

    public SettlementPeriod {
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (index < 0 || !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("not a period: " + index + " " + startsAt + ".." + endsAt);
        }
    }

    public Instant closesAt() {
        return endsAt.plus(GRACE);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(startsAt) && instant.isBefore(endsAt);
    }
}
