package com.backhaulexchange.function.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.notification.WebhookSignature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deliveries to a real HTTP receiver on 127.0.0.1 through NotificationQueue on ElasticMQ. */
class WebhookDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NotifierFixture fixture = new NotifierFixture();
    private final Receiver receiver = new Receiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aNotificationIsPostedOnceSignedWithTheWebhooksSecretAndTheMessageIsDone() throws Exception {
        var partner = NotifierFixture.partner();
        var webhook = fixture.subscribe(partner, receiver);
        var notification = NotifierFixture.matchFound(partner);

        fixture.publisher.publish(notification);
        assertThat(fixture.pollUntil(() -> !receiver.requests().isEmpty(), 10)).isTrue();

        var request = receiver.requests().getFirst();
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("BHX-Event-Id")).isEqualTo(notification.eventId());
        assertThat(request.header("BHX-Event-Type")).isEqualTo("MATCH_FOUND");
        assertThat(request.header("BHX-Webhook-Id")).isEqualTo(webhook.id().value());
        assertThat(request.header("BHX-Delivery-Attempt")).isEqualTo("1");
        assertThat(WebhookSignature.verify(request.header("BHX-Signature"), request.body(), NotifierFixture.SECRET,
                Instant.now(), WebhookSignature.DEFAULT_TOLERANCE)).as("the receiver verifies the signature").isTrue();
        var body = JSON.readTree(request.body());
        assertThat(body.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("eventId", "type", "occurredAt", "data");
        assertThat(body.path("data").path("deadheadMiles").asInt()).isEqualTo(38);
        assertThat(fixture.pollUntil(fixture::queueIsEmpty, 5)).as("deleted once delivered").isTrue();
        Thread.sleep(1500);
        fixture.pollOnce();
        assertThat(receiver.requests()).as("delivered once").hasSize(1);
    }

    @Test
    void aReceiverThatFailsTwiceThenRecoversGetsItOnTheThirdReceiveAfterGrowingDelays() {
        receiver.answering(500, 503);
        var partner = NotifierFixture.partner();
        fixture.subscribe(partner, receiver);
        var notification = NotifierFixture.matchFound(partner);

        fixture.publisher.publish(notification);
        assertThat(fixture.pollUntil(() -> receiver.requests().size() >= 3 && fixture.queueIsEmpty(), 30)).isTrue();

        var requests = receiver.requests();
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(request -> request.header("BHX-Delivery-Attempt")).containsExactly("1", "2", "3");
        assertThat(requests).extracting(request -> request.header("BHX-Event-Id")).containsOnly(notification.eventId());
        assertThat(fixture.logLines("webhook delivery failed")).hasSize(2)
                .satisfiesExactly(first -> assertThat(first).contains("\"retryInSeconds\":1", "\"status\":500"),
                        second -> assertThat(second).contains("\"retryInSeconds\":2", "\"status\":503"));
        long firstGap = requests.get(1).receivedAtMillis() - requests.get(0).receivedAtMillis();
        long secondGap = requests.get(2).receivedAtMillis() - requests.get(1).receivedAtMillis();
        assertThat(firstGap).as("visibility set to 1 s").isGreaterThanOrEqualTo(900);
        assertThat(secondGap).as("visibility set to 2 s").isGreaterThanOrEqualTo(1900).isGreaterThan(firstGap);
        assertThat(fixture.deadLetters()).isEmpty();
    }

    @Test
    void aReceiverThatAlwaysFailsSeesMaxReceiveCountAttemptsThenTheMessageIsInTheDeadLetterQueue() {
        var fixture = new NotifierFixture(java.util.Map.of("WEBHOOK_RETRY_CAP_SECONDS", "1"));
        receiver.thenAnswering(500);
        var partner = NotifierFixture.partner();
        fixture.subscribe(partner, receiver);
        var notification = NotifierFixture.matchFound(partner);

        fixture.publisher.publish(notification);
        var deadLetters = new java.util.ArrayList<software.amazon.awssdk.services.sqs.model.Message>();
        fixture.pollUntil(() -> deadLetters.addAll(fixture.deadLetters()) || !deadLetters.isEmpty(), 60);

        assertThat(fixture.queue.maxReceiveCount()).isEqualTo(8);
        assertThat(deadLetters).singleElement().satisfies(message ->
                assertThat(message.body()).contains(notification.eventId()));
        assertThat(receiver.requests()).hasSize(fixture.queue.maxReceiveCount());
        assertThat(fixture.queueIsEmpty()).isTrue();
    }

    @Test
    void aTimeoutAndARedirectAreFailedDeliveriesToRetry() {
        var fixture = new NotifierFixture(java.util.Map.of("WEBHOOK_TIMEOUT_SECONDS", "1"));
        receiver.answering(302).slowBy(0);
        var partner = NotifierFixture.partner();
        fixture.subscribe(partner, receiver);

        fixture.publisher.publish(NotifierFixture.matchFound(partner));
        fixture.pollUntil(() -> receiver.requests().size() >= 1, 10);
        receiver.slowBy(2500);
        fixture.pollUntil(() -> receiver.requests().size() >= 2, 10);
        receiver.slowBy(0);
        assertThat(fixture.pollUntil(() -> receiver.requests().size() >= 3 && fixture.queueIsEmpty(), 20)).isTrue();

        assertThat(fixture.logLines("webhook delivery failed")).satisfiesExactly(
                redirect -> assertThat(redirect).contains("\"status\":302"),
                timeout -> assertThat(timeout).contains("\"status\":0", "timeout"));
        assertThat(fixture.logLines("webhook delivered")).hasSize(1);
    }

    @Test
    void severalWebhooksGetOneMessageEachAndAreRetriedIndependently() {
        try (var flaky = new Receiver().answering(500)) {
            var partner = NotifierFixture.partner();
            fixture.subscribe(partner, receiver);
            fixture.subscribe(partner, flaky);
            fixture.subscribe(partner, receiver.url(), Set.of(NotificationType.OFFER_RECEIVED));

            fixture.publisher.publish(NotifierFixture.matchFound(partner));
            assertThat(fixture.pollUntil(() -> flaky.requests().size() >= 2 && fixture.queueIsEmpty(), 20)).isTrue();

            assertThat(fixture.logLines("notification fanned out")).singleElement()
                    .satisfies(line -> assertThat(line).contains("\"fannedOutTo\":2"));
            assertThat(receiver.requests()).as("the healthy one, once; not the one subscribed to offers").hasSize(1);
            assertThat(flaky.requests()).hasSize(2);
            assertThat(flaky.requests().getFirst().header("BHX-Event-Id"))
                    .isEqualTo(receiver.requests().getFirst().header("BHX-Event-Id"));
        }
    }

    @Test
    void aNotificationOfATypeNoWebhookWantsIsDoneWithoutARequest() {
        var partner = NotifierFixture.partner();
        fixture.subscribe(partner, receiver.url(), Set.of(NotificationType.BOOKING_CANCELLED));

        fixture.publisher.publish(NotifierFixture.matchFound(partner));
        assertThat(fixture.pollUntil(fixture::queueIsEmpty, 10)).isTrue();

        assertThat(receiver.requests()).isEmpty();
        assertThat(fixture.logLines("notification done")).singleElement()
                .satisfies(line -> assertThat(line).contains("no webhook subscribed to the type"));
    }

    @Test
    void aNotificationForOneWebhookReachesItWhateverItSubscribedTo() {
        var partner = NotifierFixture.partner();
        var pinged = fixture.subscribe(partner, receiver.url(), Set.of(NotificationType.BOOKING_CANCELLED));
        try (var other = new Receiver()) {
            fixture.subscribe(partner, other);
            var ping = new com.backhaulexchange.notification.Notification(NotifierFixture.newId(),
                    NotificationType.WEBHOOK_TEST, partner, Instant.now(), "{}");

            fixture.publisher.publishTo(ping, pinged.id());
            assertThat(fixture.pollUntil(() -> !receiver.requests().isEmpty() && fixture.queueIsEmpty(), 10)).isTrue();

            assertThat(receiver.requests().getFirst().header("BHX-Event-Type")).isEqualTo("WEBHOOK_TEST");
            assertThat(other.requests()).isEmpty();
        }
    }

    @Test
    void anUnreachableReceiverIsRetried() {
        var partner = NotifierFixture.partner();
        receiver.close();
        fixture.subscribe(partner, receiver);

        fixture.publisher.publish(NotifierFixture.matchFound(partner));
        fixture.pollUntil(() -> !fixture.logLines("webhook delivery failed").isEmpty(), 10);

        assertThat(fixture.logLines("webhook delivery failed")).first().satisfies(line ->
                assertThat(line).contains("\"status\":0", "ConnectException", "\"retryInSeconds\":1"));
        assertThat(Duration.ofSeconds(1)).isNotNull();
    }
}
