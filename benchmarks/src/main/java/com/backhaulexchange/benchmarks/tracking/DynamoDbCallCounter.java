package com.backhaulexchange.benchmarks.tracking;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Counts the DynamoDB calls and the items they write or read, of every SDK client of the JVM: the SDK loads it
 * through {@code software/amazon/awssdk/global/handlers/execution.interceptors} of this module's class path, so the
 * clients a handler builds for itself are counted too. An increment per call: it changes no timing measurably.
 */
public final class DynamoDbCallCounter implements ExecutionInterceptor {
    private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();
    private static final LongAdder ITEMS_WRITTEN = new LongAdder();
    private static final LongAdder ITEMS_READ_BY_KEY = new LongAdder();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        Object request = context.request();
        CALLS.computeIfAbsent(request.getClass().getSimpleName().replace("Request", ""), name -> new LongAdder())
                .increment();
        switch (request) {
            case PutItemRequest put -> ITEMS_WRITTEN.increment();
            case UpdateItemRequest update -> ITEMS_WRITTEN.increment();
            case DeleteItemRequest delete -> ITEMS_WRITTEN.increment();
            case TransactWriteItemsRequest transaction -> ITEMS_WRITTEN.add(transaction.transactItems().size());
            case BatchWriteItemRequest batch -> batch.requestItems().values()
                    .forEach(writes -> ITEMS_WRITTEN.add(writes.size()));
            case GetItemRequest get -> ITEMS_READ_BY_KEY.increment();
            case BatchGetItemRequest batch -> batch.requestItems().values()
                    .forEach(keys -> ITEMS_READ_BY_KEY.add(keys.keys().size()));
            case QueryRequest query -> {
                // Counted as a call; the items it returns are not keyed reads.
            }
            default -> {
            }
        }
    }

    /** What was counted since the last reset. */
    record Snapshot(Map<String, Long> calls, long itemsWritten, long itemsReadByKey) {
    }

    static Snapshot snapshot() {
        Map<String, Long> calls = new java.util.TreeMap<>();
        CALLS.forEach((name, count) -> calls.put(name, count.sum()));
        return new Snapshot(calls, ITEMS_WRITTEN.sum(), ITEMS_READ_BY_KEY.sum());
    }

    static void reset() {
        CALLS.clear();
        ITEMS_WRITTEN.reset();
        ITEMS_READ_BY_KEY.reset();
    }
}
