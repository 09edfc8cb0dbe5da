package com.backhaulexchange.tracking;

import java.time.Instant;
import java.util.Objects;

/**
 * One tracking event of a booking, numbered from 1 without gaps per booking. {@code occurredAt} is the time of the
 * report it was detected from; {@code recordedAt} when the exchange recorded it. {@code eta} (ETA_CHANGED, DELAYED)
 * is the arrival expected at {@code stop}, {@code previousEta} the one announced before (null for the first).
 */
public record TrackingEvent(long sequence, TrackingEventType type, StopKind stop, Instant occurredAt,
        Instant recordedAt, Instant eta, Instant previousEta) {

    public TrackingEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequences start at 1");
        }
    }
}
