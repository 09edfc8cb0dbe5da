package com.backhaulexchange.localstack.template;

/** A {@code Type: SQS} event: the event source mapping from a queue to a function. */
public record SqsSubscription(
        String functionLogicalId, String eventName, String queueLogicalId, int batchSize,
        int maximumBatchingWindowSeconds, boolean reportBatchItemFailures, boolean enabled) {
}
