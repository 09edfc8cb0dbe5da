package com.backhaulexchange.adapter.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One batch of an SQS event source with {@code ReportBatchItemFailures}: each message is processed on its own,
 * and only the messages that failed are reported, so SQS makes only those visible again (and dead-letters them
 * after the queue's maxReceiveCount) while the rest of the batch is deleted. The model is Powertools for AWS
 * Lambda's batch utility, without its aspects.
 *
 * <p>The work on one message returns an {@link Outcome}: whether it failed, and the log line that says what
 * became of it. An exception out of the work fails that message alone, logged at ERROR as
 * {@code failureMessage} with the exception. Every line carries the message's {@code messageId} and
 * {@code receiveCount}.
 *
 * <p>For standard queues: on a FIFO queue the messages after a failed one of the same group would also have to
 * be reported, which this does not do.
 */
public final class SqsBatch {

    /** A message as received; {@code receiveCount} (ApproximateReceiveCount, at least 1) numbers this attempt. */
    public record Message(String messageId, String receiptHandle, String body, int receiveCount) {

        public static Message of(SQSEvent.SQSMessage record) {
            return new Message(record.getMessageId(), record.getReceiptHandle(), record.getBody(),
                    receiveCount(record));
        }

        private static int receiveCount(SQSEvent.SQSMessage record) {
            String count = record.getAttributes() == null ? null : record.getAttributes().get("ApproximateReceiveCount");
            try {
                return count == null ? 1 : Math.max(1, Integer.parseInt(count));
            } catch (NumberFormatException e) {
                return 1;
            }
        }
    }

    /** What became of one message: whether SQS should deliver it again, and the line logged about it. */
    public record Outcome(boolean failed, String level, String logMessage, Map<String, Object> fields) {

        public Outcome {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** Done: deleted from the queue with the rest of the batch; logged at INFO. */
        public static Outcome done(String logMessage, Map<String, ?> fields) {
            return new Outcome(false, "INFO", logMessage, new LinkedHashMap<>(fields));
        }

        /** Failed: reported, so SQS delivers it again after its visibility timeout. */
        public static Outcome failed(String level, String logMessage, Map<String, ?> fields) {
            return new Outcome(true, level, logMessage, new LinkedHashMap<>(fields));
        }
    }

    /** The work on one message, done before the next one starts. */
    @FunctionalInterface
    public interface Work {
        Outcome process(Message message) throws Exception;
    }

    /** The work on one message, started for every message of the batch before any is awaited. */
    @FunctionalInterface
    public interface ConcurrentWork {
        CompletableFuture<Outcome> start(Message message);
    }

    private final String failureMessage;
    private final Work oneByOne;
    private final ConcurrentWork concurrent;

    private SqsBatch(String failureMessage, Work oneByOne, ConcurrentWork concurrent) {
        this.failureMessage = failureMessage;
        this.oneByOne = oneByOne;
        this.concurrent = concurrent;
    }

    /** The messages processed in turn; an exception fails its message, logged at ERROR as {@code failureMessage}. */
    public static SqsBatch oneByOne(String failureMessage, Work work) {
        return new SqsBatch(failureMessage, work, null);
    }

    /**
     * The messages' work started together and awaited in order, so a slow message delays its batch once, not once
     * per message; a future that completes exceptionally fails its message, as in {@link #oneByOne}.
     */
    public static SqsBatch concurrently(String failureMessage, ConcurrentWork work) {
        return new SqsBatch(failureMessage, null, work);
    }

    /** Processes the batch and reports the messages that failed. */
    public SQSBatchResponse process(SQSEvent event, Context context) {
        List<Message> messages = event.getRecords() == null ? List.of()
                : event.getRecords().stream().map(Message::of).toList();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        if (concurrent == null) {
            for (Message message : messages) {
                conclude(message, processed(message), failures, context);
            }
        } else {
            List<CompletableFuture<Outcome>> started = messages.stream().map(this::started).toList();
            for (int i = 0; i < messages.size(); i++) {
                conclude(messages.get(i), awaited(started.get(i)), failures, context);
            }
        }
        return new SQSBatchResponse(failures);
    }

    private Outcome processed(Message message) {
        try {
            return orFailure(oneByOne.process(message));
        } catch (Exception e) {
            return failure(e);
        }
    }

    private CompletableFuture<Outcome> started(Message message) {
        try {
            var outcome = concurrent.start(message);
            return outcome == null ? CompletableFuture.completedFuture(orFailure(null)) : outcome;
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(e));
        }
    }

    private Outcome awaited(CompletableFuture<Outcome> outcome) {
        try {
            return orFailure(outcome.get());
        } catch (ExecutionException e) {
            return failure(e.getCause() == null ? e : e.getCause());
        } catch (CancellationException e) {
            return failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(e);
        }
    }

    private Outcome orFailure(Outcome outcome) {
        return outcome != null ? outcome : failure(new IllegalStateException("the work gave no outcome"));
    }

    private Outcome failure(Throwable e) {
        return Outcome.failed("ERROR", failureMessage, Map.of("exception", e.toString()));
    }

    private static void conclude(Message message, Outcome outcome, List<SQSBatchResponse.BatchItemFailure> failures,
            Context context) {
        Map<String, Object> fields = new LinkedHashMap<>(outcome.fields());
        fields.put("messageId", message.messageId());
        fields.put("receiveCount", message.receiveCount());
        context.getLogger().log(StructuredLog.line(outcome.level(), outcome.logMessage(), fields));
        if (outcome.failed()) {
            failures.add(new SQSBatchResponse.BatchItemFailure(message.messageId()));
        }
    }
}
