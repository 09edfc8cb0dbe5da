package com.backhaulexchange.function.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.backhaulexchange.testing.SampleEventFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The handler on the events/webhook-notifier samples, invoked directly. */
class WebhookNotifierBatchTest {
    private final NotifierFixture fixture = new NotifierFixture();
    private final Receiver receiver = new Receiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aMalformedMessageIsReportedAloneLoggedAsAnErrorAndTheOthersAreDelivered() {
        var partner = NotifierFixture.partner();
        fixture.subscribe(partner, receiver);

        var response = fixture.deliver(fixture.event("notifications-with-a-malformed-one.json", Map.of(
                "EVENT_ID", NotifierFixture.newId(), "EVENT_ID_2", NotifierFixture.newId(),
                "RECIPIENT", partner.value())));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("6e8f0a2b-4c6d-4e8f-a0b2-c4d6e8f0a222");
        assertThat(receiver.requests()).hasSize(2);
        assertThat(fixture.logLines("malformed notification")).singleElement().satisfies(line ->
                assertThat(line).startsWith("{\"level\":\"ERROR\"").contains("6e8f0a2b-4c6d-4e8f-a0b2-c4d6e8f0a222"));
    }

    @Test
    void aPingForADeletedWebhookIsDoneWithoutARequest() {
        var partner = NotifierFixture.partner();
        var webhook = fixture.subscribe(partner, receiver);
        fixture.webhooks.remove(partner, webhook.id());

        var response = fixture.deliver(fixture.event("test-ping-to-one-webhook.json", Map.of(
                "EVENT_ID", NotifierFixture.newId(), "RECIPIENT", partner.value(), "WEBHOOK_ID", webhook.id().value())));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(receiver.requests()).isEmpty();
        assertThat(fixture.logLines("notification done")).singleElement()
                .satisfies(line -> assertThat(line).contains("webhook deleted"));
    }

    @Test
    void theAttemptNumberIsTheReceiveCount() {
        var partner = NotifierFixture.partner();
        var webhook = fixture.subscribe(partner, receiver);

        fixture.deliver(fixture.event("test-ping-to-one-webhook.json", Map.of(
                "EVENT_ID", NotifierFixture.newId(), "RECIPIENT", partner.value(), "WEBHOOK_ID", webhook.id().value())));

        assertThat(receiver.requests()).singleElement()
                .satisfies(request -> assertThat(request.header("BHX-Delivery-Attempt")).isEqualTo("3"));
    }

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(NotifierFixture.EVENTS)) {
            List<Path> list = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
            assertThat(list).hasSizeGreaterThanOrEqualTo(3);
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachSampleIsABatchFromNotificationQueue(Path sample) {
        Map<String, String> values = new HashMap<>();
        SampleEventFiles.placeholders(SampleEventFiles.read(sample)).forEach(name -> values.put(name, name));
        var event = SampleEventFiles.load(sample, com.amazonaws.services.lambda.runtime.events.SQSEvent.class, values);

        assertThat(event.getRecords()).isNotEmpty().hasSizeLessThanOrEqualTo(10).allSatisfy(record -> {
            assertThat(record.getEventSource()).isEqualTo("aws:sqs");
            assertThat(record.getEventSourceArn()).contains("NotificationQueue");
            assertThat(record.getAttributes()).containsKeys("ApproximateReceiveCount", "SentTimestamp");
        });
    }
}
