package com.backhaulexchange.benchmarks.matching;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Sums the read capacity DynamoDB reports for every Query and GetItem the client sends, and the items the queries
 * return. The repositories do not ask for the capacity, so each such request is given
 * {@code ReturnConsumedCapacity=TOTAL} on its way out; DynamoDB Local answers with the units the real service would
 * charge. Counts each Query page as a query.
 * Thread-safe: the lane repository runs a posting's candidate queries in parallel.
 */
final class ConsumedCapacityMeter implements ExecutionInterceptor {
    private final DoubleAdder readUnits = new DoubleAdder();
    private final LongAdder queries = new LongAdder();
    private final LongAdder getItems = new LongAdder();
    private final LongAdder itemsQueried = new LongAdder();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes executionAttributes) {
        return switch (context.request()) {
            case QueryRequest query -> query.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case GetItemRequest get -> get.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            default -> context.request();
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes executionAttributes) {
        switch (context.response()) {
            case QueryResponse query -> {
                queries.increment();
                if (query.count() != null) {
                    itemsQueried.add(query.count());
                }
                add(query.consumedCapacity());
            }
            case GetItemResponse get -> {
                getItems.increment();
                add(get.consumedCapacity());
            }
            default -> {
            }
        }
    }

    private void add(ConsumedCapacity consumed) {
        if (consumed != null && consumed.capacityUnits() != null) {
            readUnits.add(consumed.capacityUnits());
        }
    }

    /** What was read since the last reset, and starts counting again. */
    Reading readAndReset() {
        return new Reading(readUnits.sumThenReset(), queries.sumThenReset(), getItems.sumThenReset(),
                itemsQueried.sumThenReset());
    }

    /** {@code itemsQueried}: the items every Query page returned, whatever the search that sent it. */
    record Reading(double readCapacityUnits, long queries, long getItems, long itemsQueried) {
    }
}
