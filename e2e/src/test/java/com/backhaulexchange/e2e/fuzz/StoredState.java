package com.backhaulexchange.e2e.fuzz;

import com.backhaulexchange.localstack.LocalStack;
import com.backhaulexchange.localstack.aws.AwsClients;
import com.backhaulexchange.testing.TableContents;
import com.backhaulexchange.e2e.Journeys;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Everything the stack has stored (every item of every table), to check that a rejected write wrote nothing. The
 * stack works on after a request returns (a posting's match request, a webhook's delivery), so a baseline is taken
 * only once two reads a moment apart agree.
 */
final class StoredState implements AutoCloseable {
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(15);
    private final DynamoDbClient dynamoDb;
    private final String[] tables;

    StoredState(LocalStack stack) {
        this.dynamoDb = AwsClients.dynamoDb(stack.dynamoDbEndpoint());
        this.tables = stack.tables().stream().map(outcome -> outcome.tableName()).toArray(String[]::new);
    }

    TableContents now() {
        return TableContents.of(dynamoDb, tables);
    }

    /** The state once the stack has stopped writing (or {@link #SETTLE_LIMIT} has passed). */
    TableContents settled() {
        Instant deadline = Instant.now().plus(SETTLE_LIMIT);
        TableContents previous = now();
        while (Instant.now().isBefore(deadline)) {
            Journeys.sleep(150);
            TableContents current = now();
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
        }
        return previous;
    }

    /** Which tables differ, and by how many items, for a failure message. */
    static String difference(TableContents before, TableContents after) {
        StringBuilder difference = new StringBuilder();
        before.items().forEach((table, items) -> {
            var later = after.items().get(table);
            long added = later.stream().filter(item -> !items.contains(item)).count();
            long removed = items.stream().filter(item -> !later.contains(item)).count();
            if (added + removed > 0) {
                difference.append(table).append(": ").append(added).append(" item(s) new or changed, ")
                        .append(removed).append(" gone or changed; ");
                later.stream().filter(item -> !items.contains(item)).limit(1)
                        .forEach(item -> difference.append("e.g. ").append(RawHttp.abbreviate(item.toString())));
            }
        });
        return difference.toString();
    }

    @Override
    public void close() {
        dynamoDb.close();
    }
}
