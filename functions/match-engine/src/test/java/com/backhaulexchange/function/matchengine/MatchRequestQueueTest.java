package com.backhaulexchange.function.matchengine;

import com.backhaulexchange.testing.Postings;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.backhaulexchange.lane.PendingMatchRequest;
import com.backhaulexchange.adapter.sqs.MatchRequestMessages;
import com.backhaulexchange.testing.ElasticMqServer;
import com.backhaulexchange.testing.TemplateQueues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The match engine behind MatchRequestQueue as template.yaml declares it (redrive to the dead-letter queue
 * after maxReceiveCount receives), on ElasticMQ, consumed the way Lambda's event source mapping does:
 * receive a batch, invoke, delete every message not reported as failed. Only the visibility timeout is
 * shortened (1 s instead of 360 s) so that the retries happen within the test.
 */
class MatchRequestQueueTest {
    private static final int MAX_POLLS = 40;

    private final SqsClient sqs = ElasticMqServer.shared().client();
    private final TemplateQueues.FreshQueue queue = TemplateQueues.createFresh(sqs, "MatchRequestQueue", 1);
    private final MatchEngineFixture fixture = new MatchEngineFixture();

    @Test
    void aMalformedMessageEndsInTheDeadLetterQueueAfterMaxReceiveCountWhileTheOthersAreMatchedOnce() {
        var truck = fixture.postings.post(Postings.truck(fixture.carrier().id()));
        var load = fixture.postings.post(Postings.load(fixture.shipper().id()));
        send(MatchRequestMessages.encode(PendingMatchRequest.forNewLane(load, java.time.Duration.ZERO)));
        send("{\"laneId\": \"" + truck.laneId() + "\"}");
        send(MatchRequestMessages.encode(PendingMatchRequest.forNewLane(truck, java.time.Duration.ZERO)));
        Map<String, Integer> receives = new HashMap<>();

        List<Message> deadLetters = new ArrayList<>();
        for (int poll = 0; poll < MAX_POLLS && deadLetters.isEmpty(); poll++) {
            var batch = sqs.receiveMessage(request -> request.queueUrl(queue.url()).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            batch.forEach(message -> receives.merge(message.body(), 1, Integer::sum));
            if (!batch.isEmpty()) {
                var response = fixture.deliver(eventOf(batch));
                deleteAllBut(batch, response);
            }
            deadLetters.addAll(sqs.receiveMessage(request -> request.queueUrl(queue.deadLetterUrl())
                    .maxNumberOfMessages(10).waitTimeSeconds(0)).messages());
        }

        assertThat(deadLetters).singleElement().satisfies(message ->
                assertThat(message.body()).isEqualTo("{\"laneId\": \"" + truck.laneId() + "\"}"));
        assertThat(receives).containsEntry(deadLetters.getFirst().body(), queue.maxReceiveCount());
        assertThat(queue.maxReceiveCount()).isEqualTo(5);
        assertThat(receives.entrySet().stream().filter(entry -> !entry.getKey().equals(deadLetters.getFirst().body()))
                .map(Map.Entry::getValue).collect(Collectors.toSet())).as("the good ones, once each")
                .isEqualTo(Set.of(1));
        assertThat(fixture.matchItems()).isEqualTo(1);
        assertThat(sqs.receiveMessage(request -> request.queueUrl(queue.url()).waitTimeSeconds(2)).messages())
                .as("nothing left behind").isEmpty();
    }

    private void send(String body) {
        sqs.sendMessage(request -> request.queueUrl(queue.url()).messageBody(body));
    }

    private void deleteAllBut(List<Message> batch, SQSBatchResponse response) {
        Set<String> failed = response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
        batch.stream().filter(message -> !failed.contains(message.messageId())).forEach(message ->
                sqs.deleteMessage(request -> request.queueUrl(queue.url()).receiptHandle(message.receiptHandle())));
    }

    private SQSEvent eventOf(List<Message> batch) {
        SQSEvent event = new SQSEvent();
        event.setRecords(batch.stream().map(message -> {
            var record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setAttributes(new HashMap<>(message.attributesAsStrings()));
            record.setEventSource("aws:sqs");
            record.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:MatchRequestQueue");
            return record;
        }).toList());
        return event;
    }
}
