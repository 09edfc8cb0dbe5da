package com.backhaulexchange.localstack.sqs;

import com.backhaulexchange.localstack.lambda.FunctionInvocationException;
import com.backhaulexchange.localstack.lambda.LocalFunction;
import com.backhaulexchange.localstack.support.ConsoleLog;
import com.backhaulexchange.localstack.template.QueueDefinition;
import com.backhaulexchange.localstack.template.SqsSubscription;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The Lambda event source mapping of one {@code Type: SQS} event, on its own thread: long-polls the queue,
 * gathers up to BatchSize messages (at most 10 per receive) within MaximumBatchingWindowInSeconds, invokes
 * the function with an {@code SQSEvent} and deletes what succeeded (see {@link BatchResult}); if the function
 * fails nothing is deleted. Messages left on the queue reappear after the visibility timeout, and the queue's
 * redrive policy moves them to the dead-letter queue after maxReceiveCount receives.
 */
public final class SqsEventSourcePoller implements AutoCloseable {

    /** Short polls keep close() fast; SQS allows up to 20 s. */
    private static final int WAIT_TIME_SECONDS = 1;
    private static final int MAX_MESSAGES_PER_RECEIVE = 10;

    private final SqsSubscription subscription;
    private final QueueDefinition queue;
    private final LocalFunction function;
    private final SqsClient sqs;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;

    private SqsEventSourcePoller(SqsSubscription subscription, QueueDefinition queue, LocalFunction function,
                                 SqsClient sqs, Clock clock) {
        this.subscription = subscription;
        this.queue = queue;
        this.function = function;
        this.sqs = sqs;
        this.clock = clock;
        this.thread = new Thread(this::pollUntilClosed,
                "sqs-" + subscription.functionLogicalId() + "-" + subscription.eventName());
        this.thread.setDaemon(true);
    }

    public static SqsEventSourcePoller start(SqsSubscription subscription, QueueDefinition queue, LocalFunction function,
                                             SqsClient sqs, Clock clock) {
        SqsEventSourcePoller poller = new SqsEventSourcePoller(subscription, queue, function, sqs, clock);
        poller.thread.start();
        return poller;
    }

    public SqsSubscription subscription() {
        return subscription;
    }

    private void pollUntilClosed() {
        while (running) {
            try {
                List<Message> batch = gatherBatch();
                if (!batch.isEmpty() && running) {
                    process(batch);
                }
            } catch (RuntimeException e) {
                if (running) {
                    ConsoleLog.error("SQS poller " + thread.getName() + " failed; retrying in 1 s", e);
                    sleep(1000);
                }
            }
        }
    }

    private List<Message> gatherBatch() {
        List<Message> batch = new ArrayList<>();
        long windowEnd = Long.MAX_VALUE;
        while (running && batch.size() < subscription.batchSize()) {
            long remaining = windowEnd - clock.millis();
            if (!batch.isEmpty() && remaining <= 0) {
                break;
            }
            int waitSeconds = batch.isEmpty() || remaining >= 1000 ? WAIT_TIME_SECONDS : 0;
            int wanted = Math.min(MAX_MESSAGES_PER_RECEIVE, subscription.batchSize() - batch.size());
            List<Message> received = sqs.receiveMessage(request -> request
                    .queueUrl(queue.queueUrl())
                    .maxNumberOfMessages(wanted)
                    .waitTimeSeconds(waitSeconds)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).messages();
            if (batch.isEmpty() && !received.isEmpty()) {
                windowEnd = clock.millis() + TimeUnit.SECONDS.toMillis(subscription.maximumBatchingWindowSeconds());
            }
            addOrRefresh(batch, received);
            if (received.isEmpty() && waitSeconds == 0) {
                sleep(Math.min(50, Math.max(1, remaining)));
            }
        }
        return batch;
    }

    /**
     * A message already in the batch comes back if its visibility timeout ran out while the batch was being
     * gathered; only its newest receipt handle can delete it, so that copy replaces the older one.
     */
    private static void addOrRefresh(List<Message> batch, List<Message> received) {
        for (Message message : received) {
            batch.removeIf(held -> held.messageId().equals(message.messageId()));
            batch.add(message);
        }
    }

    private void process(List<Message> batch) {
        Object result;
        try {
            result = function.invoke(SqsEventFactory.create(batch, queue.queueArn()));
        } catch (FunctionInvocationException e) {
            // Lambda leaves the whole batch on the queue; the function's log already shows the error.
            return;
        }
        delete(BatchResult.messagesToDelete(batch, result, subscription.reportBatchItemFailures()));
    }

    private void delete(List<Message> messages) {
        for (int start = 0; start < messages.size(); start += MAX_MESSAGES_PER_RECEIVE) {
            List<Message> chunk = messages.subList(start, Math.min(messages.size(), start + MAX_MESSAGES_PER_RECEIVE));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle())
                        .build());
            }
            DeleteMessageBatchResponse response = sqs.deleteMessageBatch(request -> request
                    .queueUrl(queue.queueUrl())
                    .entries(entries));
            response.failed().forEach(failure -> ConsoleLog.warn("Could not delete a message from " + queue.queueName()
                    + ": " + failure.message()));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops polling; an invocation in progress finishes first (bounded by the function's timeout). */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(WAIT_TIME_SECONDS + function.definition().timeoutSeconds() + 1L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
