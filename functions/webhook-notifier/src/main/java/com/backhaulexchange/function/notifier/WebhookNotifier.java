package com.backhaulexchange.function.notifier;

import com.backhaulexchange.adapter.lambda.SqsBatch.Message;
import com.backhaulexchange.adapter.lambda.SqsBatch.Outcome;
import com.backhaulexchange.adapter.sqs.NotificationMessages;
import com.backhaulexchange.adapter.sqs.NotificationMessages.MalformedNotificationException;
import com.backhaulexchange.adapter.sqs.NotificationMessages.NotificationMessage;
import com.backhaulexchange.notification.DeliveryBackoff;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.WebhookDeliveryAttempt;
import com.backhaulexchange.notification.WebhookDeliveryLog;
import com.backhaulexchange.notification.WebhookRetryPolicy;
import com.backhaulexchange.notification.WebhookSubscription;
import com.backhaulexchange.notification.WebhookSubscriptionRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the notifier does with one message of NotificationQueue (ADR 16), each on its own:
 * <ul>
 * <li>malformed → failed, logged ERROR; it never succeeds and ends in the dead-letter queue;</li>
 * <li>for the recipient's webhooks (no {@code webhookId}): the webhooks that subscribed to its type are read;
 * none → done; one → delivered from this message; several → <b>fanned out</b>, one message per webhook with
 * its {@code webhookId}, so each delivery is retried and dead-lettered on its own;</li>
 * <li>for one webhook: delivered to it (done if it has been deleted meanwhile);</li>
 * <li>a delivery answered 2xx → done; anything else (status, timeout, refused address), or a failure to read
 * the webhooks or fan out → the message's visibility is set to the {@link DeliveryBackoff} delay for its
 * receive count and it is reported failed; SQS dead-letters it after maxReceiveCount receives.</li>
 * <li>every delivery attempt is recorded in the webhook's {@link WebhookDeliveryLog} as it happens (ADR 40), one
 * write, its outcome by the {@link WebhookRetryPolicy}; a record that cannot be written is logged and the
 * delivery goes on as if it had been: the log is for the partner's eyes, the queue decides the retries.</li>
 * </ul>
 * Deliveries are asynchronous: the handler starts every message of a batch before awaiting any, so a slow
 * receiver delays its batch by one timeout, not ten.
 */
final class WebhookNotifier {

    private final WebhookSubscriptionRepository webhooks;
    private final NotificationQueueOperations queue;
    private final WebhookDelivery delivery;
    private final DeliveryBackoff backoff;
    private final WebhookDeliveryLog deliveryLog;
    private final WebhookRetryPolicy retryPolicy;
    private final Clock clock;

    WebhookNotifier(WebhookSubscriptionRepository webhooks, NotificationQueueOperations queue,
            WebhookDelivery delivery, DeliveryBackoff backoff, WebhookDeliveryLog deliveryLog,
            WebhookRetryPolicy retryPolicy, Clock clock) {
        this.webhooks = webhooks;
        this.queue = queue;
        this.delivery = delivery;
        this.backoff = backoff;
        this.deliveryLog = deliveryLog;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
    }

    /** Starts the work on one message; its outcome says whether it failed, and what to log about it. */
    CompletableFuture<Outcome> start(Message received) {
        NotificationMessage message;
        try {
            message = NotificationMessages.decode(received.body());
        } catch (MalformedNotificationException e) {
            return done(Outcome.failed("ERROR", "malformed notification", fields(received, "problem", e.getMessage())));
        }
        var notification = message.notification();
        Map<String, Object> fields = fields(received, "eventId", notification.eventId(), "type",
                notification.type().name(), "recipient", notification.recipient().value());
        List<WebhookSubscription> targets;
        try {
            targets = targets(message);
            if (targets.size() > 1) {
                queue.sendAll(targets.stream().map(webhook -> NotificationMessages.encode(notification, webhook.id()))
                        .toList());
                fields.put("fannedOutTo", targets.size());
                return done(Outcome.done("notification fanned out", fields));
            }
        } catch (RuntimeException e) {
            fields.put("exception", e.toString());
            return done(retryLater(received, backoff.delayAfter(Math.max(1, received.receiveCount())),
                    "notification not dispatched", fields));
        }
        if (targets.isEmpty()) {
            fields.put("skipped", message.isForOneWebhook() ? "webhook deleted" : "no webhook subscribed to the type");
            return done(Outcome.done("notification done", fields));
        }
        WebhookSubscription webhook = targets.getFirst();
        fields.put("webhookId", webhook.id().value());
        fields.put("host", webhook.url().getHost());
        int attempt = Math.max(1, received.receiveCount());
        Instant attemptedAt = clock.instant();
        return delivery.deliver(notification, webhook, received.receiveCount()).thenApply(result -> {
            fields.put("status", result.status());
            fields.put("millis", result.millis());
            Duration delay = result.delivered() ? Duration.ZERO : backoff.delayAfter(attempt);
            record(notification, webhook, attempt, attemptedAt, result, delay, fields);
            if (result.delivered()) {
                return Outcome.done("webhook delivered", fields);
            }
            if (result.error() != null) {
                fields.put("error", result.error());
            }
            return retryLater(received, delay, "webhook delivery failed", fields);
        });
    }

    private void record(Notification notification, WebhookSubscription webhook, int attempt, Instant attemptedAt,
            WebhookDelivery.Result result, Duration delay, Map<String, Object> fields) {
        try {
            deliveryLog.record(new WebhookDeliveryAttempt(webhook.id(), webhook.partnerId(), notification.eventId(),
                    notification.type(), attemptedAt, attempt, retryPolicy.outcomeOf(attempt, result.status(),
                            result.error(), attemptedAt, delay)));
        } catch (RuntimeException e) {
            fields.put("attemptNotRecorded", e.toString());
        }
    }

    private List<WebhookSubscription> targets(NotificationMessage message) {
        var notification = message.notification();
        if (message.isForOneWebhook()) {
            return webhooks.find(notification.recipient(), message.webhookId()).stream().toList();
        }
        return webhooks.listFor(notification.recipient()).stream()
                .filter(webhook -> webhook.wants(notification.type())).toList();
    }

    private Outcome retryLater(Message received, Duration delay, String message, Map<String, Object> fields) {
        fields.put("retryInSeconds", (delay.toMillis() + 999) / 1000);
        try {
            queue.retryAfter(received.receiptHandle(), delay);
        } catch (RuntimeException e) {
            // It still comes back, after the queue's own visibility timeout.
            fields.put("visibilityNotChanged", e.toString());
        }
        return Outcome.failed("WARN", message, fields);
    }

    private static Map<String, Object> fields(Message received, Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("messageId", received.messageId());
        fields.put("receiveCount", received.receiveCount());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static CompletableFuture<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
