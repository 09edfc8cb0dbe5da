package com.backhaulexchange.adapter.sqs;

import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationPublisher;
import com.backhaulexchange.notification.WebhookId;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends notifications to NotificationQueue, one message each; the webhook notifier delivers them. Bounded: a
 * send gives up after {@link #SEND_TIMEOUT} (the SDK's own retries included), and every failure — the SDK's,
 * or a notification that cannot be encoded — comes out as {@link NotificationNotPublishedException}, so a
 * producer that catches that one exception (see {@link NotificationPublisher}) can never be failed or held up
 * for long by a notification.
 */
public final class SqsNotificationPublisher implements NotificationPublisher {
    public static final Duration SEND_TIMEOUT = Duration.ofSeconds(2);

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsNotificationPublisher(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void publish(Notification notification) {
        send(notification, null);
    }

    @Override
    public void publishTo(Notification notification, WebhookId webhook) {
        send(notification, webhook);
    }

    private void send(Notification notification, WebhookId webhook) {
        try {
            String body = NotificationMessages.encode(notification, webhook);
            sqs.sendMessage(message -> message.queueUrl(queueUrl).messageBody(body)
                    .overrideConfiguration(override -> override.apiCallTimeout(SEND_TIMEOUT)));
        } catch (RuntimeException e) {
            throw new NotificationNotPublishedException("notification " + notification.eventId() + " ("
                    + notification.type() + ") was not published: " + e.getMessage(), e);
        }
    }
}
