package com.backhaulexchange.notification;

import java.time.Instant;
import java.util.List;

/**
 * Notifications written in the same transaction as the change that caused them, until they are handed to
 * the {@link NotificationPublisher}: right after the commit by the request that wrote them, or later by a
 * sweeper when that did not happen (the request's process died, or the queue was unreachable). Handing one
 * over twice is harmless: receivers deduplicate on the event id.
 */
public interface NotificationOutbox {

    /** Notifications written before {@code writtenBefore} and not yet handed over, oldest first. */
    List<Notification> pending(Instant writtenBefore, int limit);

    /** The notification reached the queue: forget it. */
    void handedOver(String eventId);
}
