package com.backhaulexchange.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.backhaulexchange.adapter.lambda.SqsBatch.Outcome;
import com.backhaulexchange.testing.RecordingContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SqsBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingContext context = new RecordingContext();

    private static SQSEvent.SQSMessage message(String id, String body, String receiveCount) {
        var message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setReceiptHandle("handle-" + id);
        message.setBody(body);
        if (receiveCount != null) {
            message.setAttributes(Map.of("ApproximateReceiveCount", receiveCount, "SentTimestamp", "1700000000000"));
        }
        return message;
    }

    private static SQSEvent batch(SQSEvent.SQSMessage... messages) {
        var event = new SQSEvent();
        event.setRecords(new ArrayList<>(Arrays.asList(messages)));
        return event;
    }

    private static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    private List<JsonNode> logs() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : context.logLines()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static Outcome upperCase(SqsBatch.Message message) {
        if (message.body().isBlank()) {
            throw new IllegalArgumentException("an empty body");
        }
        return Outcome.done("echoed", Map.of("echo", message.body().toUpperCase()));
    }

    @Test
    void aBadMessageIsReportedAloneAndTheRestOfTheBatchIsDone() throws Exception {
        var batch = SqsBatch.oneByOne("echo failed", SqsBatchTest::upperCase);

        var response = batch.process(batch(message("m-1", "one", "1"), message("m-2", " ", "3"),
                message("m-3", "three", null)), context);

        assertThat(failed(response)).containsExactly("m-2");
        var logs = logs();
        assertThat(logs).hasSize(3);
        assertThat(logs.get(0).path("level").asText()).isEqualTo("INFO");
        assertThat(logs.get(0).path("message").asText()).isEqualTo("echoed");
        assertThat(logs.get(0).path("echo").asText()).isEqualTo("ONE");
        assertThat(logs.get(0).path("messageId").asText()).isEqualTo("m-1");
        assertThat(logs.get(1).path("level").asText()).isEqualTo("ERROR");
        assertThat(logs.get(1).path("message").asText()).isEqualTo("echo failed");
        assertThat(logs.get(1).path("messageId").asText()).isEqualTo("m-2");
        assertThat(logs.get(1).path("receiveCount").asInt()).isEqualTo(3);
        assertThat(logs.get(1).path("exception").asText())
                .isEqualTo("java.lang.IllegalArgumentException: an empty body");
        assertThat(logs.get(2).path("receiveCount").asInt()).as("no attribute: the first receive").isEqualTo(1);
    }

    @Test
    void aFailedOutcomeIsReportedAndLoggedAtItsOwnLevel() throws Exception {
        var batch = SqsBatch.oneByOne("unused", message -> message.body().equals("later")
                ? Outcome.failed("WARN", "retry later", Map.of("retryInSeconds", 15))
                : Outcome.done("done", Map.of()));

        var response = batch.process(batch(message("m-1", "later", "2"), message("m-2", "now", "1")), context);

        assertThat(failed(response)).containsExactly("m-1");
        assertThat(logs().getFirst().path("level").asText()).isEqualTo("WARN");
        assertThat(logs().getFirst().path("message").asText()).isEqualTo("retry later");
        assertThat(logs().getFirst().path("retryInSeconds").asInt()).isEqualTo(15);
    }

    @Test
    void workThatGivesNoOutcomeFailsItsMessage() {
        var batch = SqsBatch.oneByOne("no outcome", message -> null);

        assertThat(failed(batch.process(batch(message("m-1", "x", "1")), context))).containsExactly("m-1");
        assertThat(context.logLines()).singleElement().asString().contains("\"level\":\"ERROR\"");
    }

    @Test
    void aGarbledReceiveCountCountsAsTheFirst() {
        assertThat(SqsBatch.Message.of(message("m-1", "x", "many")).receiveCount()).isEqualTo(1);
        assertThat(SqsBatch.Message.of(message("m-1", "x", "0")).receiveCount()).isEqualTo(1);
        assertThat(SqsBatch.Message.of(message("m-1", "x", "4")).receiveCount()).isEqualTo(4);
    }

    @Test
    void anEventWithoutRecordsReportsNothing() {
        var batch = SqsBatch.oneByOne("unused", SqsBatchTest::upperCase);

        assertThat(batch.process(new SQSEvent(), context).getBatchItemFailures()).isEmpty();
        assertThat(batch.process(batch(), context).getBatchItemFailures()).isEmpty();
        assertThat(context.logLines()).isEmpty();
    }

    @Test
    void concurrentWorkIsStartedForEveryMessageBeforeAnyIsAwaited() throws Exception {
        List<String> started = new CopyOnWriteArrayList<>();
        CompletableFuture<Outcome> slow = new CompletableFuture<>();
        var batch = SqsBatch.concurrently("delivery failed", message -> {
            started.add(message.messageId());
            return switch (message.body()) {
                // The first message completes only once the last one has been started.
                case "slow" -> slow;
                case "broken" -> CompletableFuture.failedFuture(new IllegalStateException("connection refused"));
                case "throws" -> throw new IllegalArgumentException("not even started");
                default -> {
                    slow.complete(Outcome.done("delivered", Map.of("after", String.join(",", started))));
                    yield CompletableFuture.completedFuture(Outcome.done("delivered", Map.of()));
                }
            };
        });

        var response = batch.process(batch(message("m-1", "slow", "1"), message("m-2", "broken", "1"),
                message("m-3", "throws", "1"), message("m-4", "fast", "1")), context);

        assertThat(failed(response)).containsExactly("m-2", "m-3");
        var logs = logs();
        assertThat(logs).extracting(line -> line.path("messageId").asText()).containsExactly("m-1", "m-2", "m-3", "m-4");
        assertThat(logs.get(0).path("after").asText()).isEqualTo("m-1,m-2,m-3,m-4");
        assertThat(logs.get(1).path("message").asText()).isEqualTo("delivery failed");
        assertThat(logs.get(1).path("exception").asText()).isEqualTo("java.lang.IllegalStateException: connection refused");
        assertThat(logs.get(2).path("exception").asText()).contains("not even started");
    }
}
