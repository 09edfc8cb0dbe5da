package com.backhaulexchange.notification;

/**
 * The port producers (matching, negotiation, booking) hand notifications to; delivery to the recipient's
 * webhooks happens later, elsewhere (the webhook notifier, ADR 16).
 * <p>
 * <b>How a producer uses it.</b> Publish <em>after</em> the producer's own write has succeeded, and never let
 * a failed publish change the outcome of the request that caused the event:
 * <pre>{@code
 * var booking = bookings.accept(...);                  // the business write; its result is the response
 * try {
 *     notifications.publish(notification);
 * } catch (NotificationPublisher.NotificationNotPublishedException e) {
 *     log WARN "notification not published" eventId, type, e.getMessage();   // and answer as usual
 * }
 * }</pre>
 * An implementation throws nothing but {@link NotificationNotPublishedException}, and bounds the time it may
 * take (the SQS one: 2 s), so the caller's latency and status stay its own. A notification whose publish
 * failed is lost: webhooks are a convenience on top of the API, which stays the record (a producer for which
 * that is not good enough writes the notification in its own transaction as an outbox entry, as ADR 10 does).
 */
public interface NotificationPublisher {

    /** @throws NotificationNotPublishedException when the notification could not be handed over */
    void publish(Notification notification);

    /**
     * Like {@link #publish}, to one of the recipient's webhooks only, whatever types it subscribed to (the test
     * ping a partner asks for).
     *
     * @throws NotificationNotPublishedException when the notification could not be handed over
     */
    void publishTo(Notification notification, WebhookId webhook);

    /** The notification did not reach the queue; nothing else happened. */
    class NotificationNotPublishedException extends RuntimeException {
        public NotificationNotPublishedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
