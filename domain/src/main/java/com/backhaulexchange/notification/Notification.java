package com.backhaulexchange.notification;

import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened which one partner should hear about. {@code eventId} (a ULID) identifies it across
 * retries: receivers deduplicate on it (the BHX-Event-Id header), since delivery is at least once.
 * {@code dataJson} is the event's payload, already rendered as a JSON object by the producer's adapter (the
 * domain holds no JSON library); it becomes the {@code data} member of the webhook body.
 */
public record Notification(String eventId, NotificationType type, PartnerId recipient, Instant occurredAt,
        String dataJson) {

    public Notification {
        if (!Ulid.isValid(eventId)) {
            throw new IllegalArgumentException("eventId must be a ULID: " + eventId);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (dataJson == null || !dataJson.strip().startsWith("{")) {
            throw new IllegalArgumentException("dataJson must be a JSON object");
        }
    }
}
