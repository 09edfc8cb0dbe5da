package com.backhaulexchange.adapter.dynamodb;

import com.backhaulexchange.kernel.idempotency.IdempotencyConflictException;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Reading why DynamoDB cancelled a transaction: one reason per action, in the order of the request. */
final class Transactions {
    static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    static final String TRANSACTION_CONFLICT = "TransactionConflict";
    /** Transactions that lose a race with another transaction on the same items are tried this often. */
    static final int ATTEMPTS = 4;

    private Transactions() {
    }

    /**
     * Runs a transaction, again when it only lost a race on an item with another transaction (then the
     * conditions decide: a retry against a changed item fails them); otherwise {@code failure} says why.
     */
    static void writeRetryingRaces(DynamoDbClient dynamoDb, List<TransactWriteItem> writes,
            Function<TransactionCanceledException, RuntimeException> failure) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(request -> request.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                boolean conditionFailed = e.cancellationReasons() != null && e.cancellationReasons().stream()
                        .anyMatch(reason -> CONDITIONAL_CHECK_FAILED.equals(reason.code()));
                if (!conditionFailed && conflicted(e) && attempt < ATTEMPTS) {
                    backOff(attempt);
                    continue;
                }
                throw failure.apply(e);
            }
        }
    }

    /**
     * Puts every item only if its key is absent, then the idempotency record if there is one, in one transaction.
     * A failed record is a retry of another request with the same key; any other failure is {@code exists}, with
     * the reasons appended.
     */
    static void putAllIfAbsent(DynamoDbClient dynamoDb, String tableName, List<Map<String, AttributeValue>> items,
            IdempotencyRecord idempotencyRecord, Supplier<String> exists) {
        List<TransactWriteItem> writes = new ArrayList<>();
        items.forEach(item -> writes.add(putIfAbsent(tableName, item)));
        if (idempotencyRecord != null) {
            writes.add(putIfAbsent(tableName, PartnerItems.idempotencyItem(idempotencyRecord)));
        }
        int idempotencyWrite = items.size();
        writeRetryingRaces(dynamoDb, writes, e -> {
            if (idempotencyRecord != null && failedAt(e, idempotencyWrite, CONDITIONAL_CHECK_FAILED)) {
                return new IdempotencyConflictException(idempotencyRecord.recordId());
            }
            return new IllegalStateException(exists.get() + ": " + reasons(e));
        });
    }

    private static TransactWriteItem putIfAbsent(String tableName, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    static boolean failedAt(TransactionCanceledException e, int index, String code) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && reasons.size() > index && code.equals(reasons.get(index).code());
    }

    /** A concurrent transaction held one of the items: trying again may succeed. */
    static boolean conflicted(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && reasons.stream().anyMatch(reason -> TRANSACTION_CONFLICT.equals(reason.code()));
    }

    static String reasons(TransactionCanceledException e) {
        return e.cancellationReasons() == null ? e.getMessage()
                : e.cancellationReasons().stream().map(CancellationReason::code).toList().toString();
    }

    /** A short, growing pause before trying a conflicted transaction again. */
    static void backOff(int attempt) {
        try {
            Thread.sleep(10L * (1L << attempt) + java.util.concurrent.ThreadLocalRandom.current().nextLong(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }
}
