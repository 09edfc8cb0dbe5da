package com.backhaulexchange.function.notifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** What the notifier does to NotificationQueue besides what the event source mapping does for it. */
class NotificationQueueOperations {
    /** SQS caps a message's visibility timeout at 12 hours. */
    static final long MAX_VISIBILITY_SECONDS = 43_200;

    private final SqsClient sqs;
    private final String queueUrl;

    NotificationQueueOperations(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** Sends the bodies (at most 10) in one batch; throws unless every one was accepted. */
    void sendAll(List<String> bodies) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(bodies.get(i))
                    .build());
        }
        var response = sqs.sendMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
        if (!response.failed().isEmpty()) {
            throw new IllegalStateException(response.failed().size() + " of " + bodies.size()
                    + " fan-out messages were not sent: " + response.failed().getFirst().message());
        }
    }

    /** The message reappears after {@code delay} (rounded up to whole seconds) instead of the queue's timeout. */
    void retryAfter(String receiptHandle, Duration delay) {
        long seconds = Math.min(MAX_VISIBILITY_SECONDS, Math.max(0, (delay.toMillis() + 999) / 1000));
        sqs.changeMessageVisibility(request -> request.queueUrl(queueUrl).receiptHandle(receiptHandle)
                .visibilityTimeout((int) seconds));
    }
}
