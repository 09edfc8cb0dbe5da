package com.backhaulexchange.adapter.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.notification.NotificationPublisher.NotificationNotPublishedException;
import com.backhaulexchange.notification.WebhookId;
import com.backhaulexchange.adapter.sqs.SqsClients;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.testing.ElasticMqServer;
import com.backhaulexchange.testing.TemplateQueues;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqsNotificationPublisherTest {

    @Test
    void aPublishedNotificationIsOneMessageOnTheQueue() {
        var sqs = ElasticMqServer.shared().client();
        var queue = TemplateQueues.createFresh(sqs, "NotificationQueue");
        var publisher = new SqsNotificationPublisher(sqs, queue.url());
        var webhook = new WebhookId("01JD0000000000000000000003");

        publisher.publish(NotificationMessagesTest.NOTIFICATION);
        publisher.publishTo(NotificationMessagesTest.NOTIFICATION, webhook);

        var messages = TemplateQueues.drain(sqs, queue.url());
        assertThat(messages).hasSize(2);
        assertThat(messages).extracting(message -> NotificationMessages.decode(message.body()).webhookId())
                .containsExactlyInAnyOrder(null, webhook);
    }

    @Test
    void anUnreachableQueueIsOneCatchableExceptionWithinTheSendTimeout() {
        var sqs = SqsClients.create(new FunctionEnvironment(Map.of("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test")));
        var publisher = new SqsNotificationPublisher(sqs, "http://127.0.0.1:9/000000000000/NotificationQueue");

        long started = System.nanoTime();
        assertThatThrownBy(() -> publisher.publish(NotificationMessagesTest.NOTIFICATION))
                .isInstanceOf(NotificationNotPublishedException.class)
                .hasMessageContaining(NotificationMessagesTest.NOTIFICATION.eventId());
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(SqsNotificationPublisher.SEND_TIMEOUT.plusSeconds(1));
    }
}
