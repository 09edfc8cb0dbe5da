package com.backhaulexchange.function.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.dynamodb.DynamoDbWebhookDeliveryLog;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.notification.WebhookDeliveryAttempt;
import com.backhaulexchange.notification.WebhookDeliveryAttempt.DeliveryOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every delivery attempt is recorded as it happens, with its outcome, in the webhook's delivery log (ADR 40). */
class WebhookDeliveryRecordsTest {
    private final Receiver receiver = new Receiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private static List<WebhookDeliveryAttempt> recorded(NotifierFixture fixture,
            com.backhaulexchange.notification.WebhookSubscription webhook) {
        return new DynamoDbWebhookDeliveryLog(fixture.dynamoDb, fixture.partnersTable)
                .recent(webhook.partnerId(), webhook.id(), 100, null).items();
    }

    @Test
    void twoFailuresThenADeliveryAreThreeAttemptsNewestFirstEachFailureWithItsNextAttempt() {
        var fixture = new NotifierFixture();
        receiver.answering(500, 503);
        var partner = NotifierFixture.partner();
        var webhook = fixture.subscribe(partner, receiver);
        var notification = NotifierFixture.matchFound(partner);

        fixture.publisher.publish(notification);
        assertThat(fixture.pollUntil(() -> receiver.requests().size() >= 3 && fixture.queueIsEmpty(), 30)).isTrue();

        var attempts = recorded(fixture, webhook);
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(WebhookDeliveryAttempt::attemptNumber).containsExactly(3, 2, 1);
        assertThat(attempts).allSatisfy(attempt -> {
            assertThat(attempt.eventId()).isEqualTo(notification.eventId());
            assertThat(attempt.type()).isEqualTo(NotificationType.MATCH_FOUND);
        });
        assertThat(attempts.get(0).outcome()).isEqualTo(new DeliveryOutcome.Delivered(200));
        // The fixture's backoff: base 1 s, jitter at its maximum, so the waits are 1 s then 2 s.
        assertThat(attempts.get(1).outcome()).isEqualTo(new DeliveryOutcome.Failed(503, null,
                attempts.get(1).attemptedAt().plus(Duration.ofSeconds(2))));
        assertThat(attempts.get(2).outcome()).isEqualTo(new DeliveryOutcome.Failed(500, null,
                attempts.get(2).attemptedAt().plus(Duration.ofSeconds(1))));
        assertThat(attempts.get(1).attemptedAt()).isAfter(attempts.get(2).attemptedAt());
        assertThat(receiver.requests()).extracting(request -> request.header("BHX-Delivery-Attempt"))
                .containsExactly("1", "2", "3");
    }

    @Test
    void theLastAttemptTheQueueAllowsIsRecordedAsGivenUp() {
        var fixture = new NotifierFixture(Map.of("WEBHOOK_RETRY_CAP_SECONDS", "1"));
        receiver.thenAnswering(500);
        var partner = NotifierFixture.partner();
        var webhook = fixture.subscribe(partner, receiver);

        fixture.publisher.publish(NotifierFixture.matchFound(partner));
        var deadLetters = new java.util.ArrayList<software.amazon.awssdk.services.sqs.model.Message>();
        fixture.pollUntil(() -> deadLetters.addAll(fixture.deadLetters()) || !deadLetters.isEmpty(), 60);

        var attempts = recorded(fixture, webhook);
        assertThat(attempts).hasSize(fixture.queue.maxReceiveCount());
        assertThat(attempts.getFirst().attemptNumber()).isEqualTo(8);
        assertThat(attempts.getFirst().outcome()).isEqualTo(new DeliveryOutcome.GaveUp(500, null));
        assertThat(attempts.subList(1, attempts.size())).allSatisfy(attempt ->
                assertThat(attempt.outcome()).isInstanceOf(DeliveryOutcome.Failed.class));
    }

    @Test
    void anAttemptWithoutAnAnswerIsRecordedWithItsErrorAndNoStatus() {
        var fixture = new NotifierFixture();
        var partner = NotifierFixture.partner();
        receiver.close();
        var webhook = fixture.subscribe(partner, receiver);

        fixture.publisher.publish(NotifierFixture.matchFound(partner));
        fixture.pollUntil(() -> !recorded(fixture, webhook).isEmpty(), 10);

        assertThat(recorded(fixture, webhook).getFirst().outcome()).isInstanceOfSatisfying(DeliveryOutcome.Failed.class,
                failed -> {
                    assertThat(failed.statusCode()).isNull();
                    assertThat(failed.error()).contains("ConnectException");
                });
    }

    @Test
    void aNotificationNoWebhookWantsRecordsNoAttempt() {
        var fixture = new NotifierFixture();
        var partner = NotifierFixture.partner();
        var webhook = fixture.subscribe(partner, receiver.url(), java.util.Set.of(NotificationType.BOOKING_CANCELLED));

        fixture.publisher.publish(NotifierFixture.matchFound(partner));
        assertThat(fixture.pollUntil(fixture::queueIsEmpty, 10)).isTrue();

        assertThat(recorded(fixture, webhook)).isEmpty();
    }
}
