package com.backhaulexchange.lane;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A closed interval of time at a place, [opensAt, closesAt]: arriving exactly at {@code closesAt} is in
 * time. {@code zone} is the place's time zone, for showing local times; the rules compare instants. The
 * order of the two ends is a posting rule ({@link LanePostingPolicies}), not a construction error, so that
 * a bad window can be reported with a pointer.
 */
public record TimeWindow(Instant opensAt, Instant closesAt, ZoneId zone) {

    public TimeWindow {
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(zone, "zone");
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(opensAt) && !instant.isAfter(closesAt);
    }

    public Duration length() {
        return Duration.between(opensAt, closesAt);
    }

    public ZonedDateTime opensAtLocal() {
        return opensAt.atZone(zone);
    }

    public ZonedDateTime closesAtLocal() {
        return closesAt.atZone(zone);
    }
}
