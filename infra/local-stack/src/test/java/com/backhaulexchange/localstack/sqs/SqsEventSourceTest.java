package com.backhaulexchange.localstack.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.FixtureStack;
import com.backhaulexchange.localstack.LocalStack;
import com.backhaulexchange.localstack.aws.AwsClients;
import com.backhaulexchange.localstack.fixture.RecordingSqsHandler;
import com.backhaulexchange.localstack.fixture.RecordingSqsHandler.Delivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The fixture's WorkQueue has a 2 s visibility timeout and redrives to WorkDeadLetterQueue after 2 receives; it
 * feeds WorkerFunction with a 1 s batching window, so messages sent together arrive in one batch. The function
 * reports "fail" messages as batch item failures and throws for batches with "crash". BatchQueue feeds it with
 * BatchSize 3, also with a 1 s window.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqsEventSourceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private LocalStack stack;
    private SqsClient sqs;
    private final List<String> deadLetters = new ArrayList<>();

    @BeforeAll
    void startStack() {
        stack = FixtureStack.start();
        sqs = AwsClients.sqs(stack.sqsEndpoint());
    }

    @AfterAll
    void stopStack() {
        sqs.close();
        stack.close();
    }

    @Test
    void aPartialBatchFailureDeletesOnlyTheSuccessfulMessagesAndThePoisonOneEndsInTheDeadLetterQueue() {
        String run = UUID.randomUUID().toString();
        sendBatch(run + "-ok-1", run + "-fail-2", run + "-ok-3");

        waitUntil(() -> deadLetterBodies().contains(run + "-fail-2"));

        assertThat(deliveriesOf(run + "-ok-1")).singleElement().extracting(Delivery::receiveCount).isEqualTo(1);
        assertThat(deliveriesOf(run + "-ok-3")).singleElement().extracting(Delivery::receiveCount).isEqualTo(1);
        assertThat(deliveriesOf(run + "-fail-2")).extracting(Delivery::receiveCount).containsExactly(1, 2);
        assertThat(deadLetterBodies()).doesNotContain(run + "-ok-1", run + "-ok-3");
    }

    @Test
    void aThrowingHandlerDeletesNothing() {
        String run = UUID.randomUUID().toString();
        sendBatch(run + "-crash", run + "-innocent");

        waitUntil(() -> deadLetterBodies().containsAll(List.of(run + "-crash", run + "-innocent")));

        assertThat(deliveriesOf(run + "-innocent")).extracting(Delivery::receiveCount).containsExactly(1, 2);
    }

    @Test
    void anItemIdentifierNotInTheBatchFailsTheWholeBatch() {
        String run = UUID.randomUUID().toString();
        sendBatch(run + "-bogus-id", run + "-fine");

        waitUntil(() -> deadLetterBodies().containsAll(List.of(run + "-bogus-id", run + "-fine")));

        assertThat(deliveriesOf(run + "-fine")).extracting(Delivery::receiveCount).containsExactly(1, 2);
    }

    @Test
    void recordsCarryTheMessageItsAttributesAndTheQueueArn() {
        String body = UUID.randomUUID() + "-attributes";
        sqs.sendMessage(request -> request.queueUrl(stack.queueUrl("WorkQueue")).messageBody(body)
                .messageAttributes(Map.of("tag", MessageAttributeValue.builder().dataType("String").stringValue("blue").build())));

        waitUntil(() -> !deliveriesOf(body).isEmpty());

        Delivery delivery = deliveriesOf(body).getFirst();
        assertThat(delivery.messageAttribute()).isEqualTo("blue");
        assertThat(delivery.eventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:WorkQueue");
        assertThat(delivery.messageId()).isNotBlank();
    }

    @Test
    void messagesArrivingWithinTheBatchingWindowAreDeliveredTogetherUpToTheBatchSize() throws InterruptedException {
        String run = UUID.randomUUID().toString();
        for (int i = 1; i <= 5; i++) {
            String body = run + "-window-" + i;
            sqs.sendMessage(request -> request.queueUrl(stack.queueUrl("BatchQueue")).messageBody(body));
            Thread.sleep(100);
        }

        waitUntil(() -> RecordingSqsHandler.DELIVERIES.stream().filter(delivery -> delivery.body().startsWith(run)).count() == 5);

        List<Integer> batchSizes = RecordingSqsHandler.DELIVERIES.stream()
                .filter(delivery -> delivery.body().startsWith(run))
                .map(Delivery::batchSize)
                .toList();
        assertThat(batchSizes).allMatch(size -> size <= 3).contains(3);
        assertThat(RecordingSqsHandler.DELIVERIES.stream().filter(delivery -> delivery.body().startsWith(run)))
                .allSatisfy(delivery -> {
                    assertThat(delivery.receiveCount()).isEqualTo(1);
                    assertThat(delivery.eventSourceArn()).endsWith(":BatchQueue");
                });
    }

    private void sendBatch(String... bodies) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(bodies[i]).build());
        }
        assertThat(sqs.sendMessageBatch(request -> request.queueUrl(stack.queueUrl("WorkQueue")).entries(entries))
                .failed()).isEmpty();
    }

    private static List<Delivery> deliveriesOf(String body) {
        return RecordingSqsHandler.DELIVERIES.stream().filter(delivery -> delivery.body().equals(body)).toList();
    }

    /** Drains the dead-letter queue into {@link #deadLetters} (nothing consumes it but this test). */
    private synchronized List<String> deadLetterBodies() {
        List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(stack.queueUrl("WorkDeadLetterQueue"))
                .maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
        messages.forEach(message -> {
            deadLetters.add(message.body());
            sqs.deleteMessage(request -> request.queueUrl(stack.queueUrl("WorkDeadLetterQueue"))
                    .receiptHandle(message.receiptHandle()));
        });
        return deadLetters;
    }

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within " + PATIENCE + "; deliveries: "
                        + RecordingSqsHandler.DELIVERIES);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
