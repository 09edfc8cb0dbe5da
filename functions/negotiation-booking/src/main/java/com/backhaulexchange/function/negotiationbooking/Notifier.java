package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationOutbox;
import com.backhaulexchange.notification.NotificationPublisher;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands notifications written with a change (the outbox) to the queue right after the commit. A failure is
 * logged and never reaches the caller's response: the outbox keeps the notification and the housekeeping
 * schedule hands it over later.
 */
final class Notifier {
    private final NotificationPublisher publisher;
    private final NotificationOutbox outbox;
    private final Consumer<String> warnings;

    Notifier(NotificationPublisher publisher, NotificationOutbox outbox, Consumer<String> warnings) {
        this.publisher = publisher;
        this.outbox = outbox;
        this.warnings = warnings;
    }

    /** Hands each over; returns how many reached the queue. */
    int handOver(List<Notification> notifications) {
        int handedOver = 0;
        for (Notification notification : notifications) {
            try {
                publisher.publish(notification);
                outbox.handedOver(notification.eventId());
                handedOver++;
            } catch (RuntimeException e) {
                warnings.accept("notification " + notification.eventId() + " (" + notification.type()
                        + ") left in the outbox: " + e.getMessage());
            }
        }
        return handedOver;
    }
}
