package com.backhaulexchange.adapter.dynamodb;

import com.backhaulexchange.deal.outcome.DeliveredOutcome;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Records a delivery in the outcome ledger with the adapter's own updates ({@link OutcomeItems}, package-private),
 * as the negotiation function's delivery transaction does, for the settlement function's tests.
 */
public final class OutcomeLedgerSeeding {
    private OutcomeLedgerSeeding() {
    }

    public static void record(DynamoDbClient dynamoDb, String negotiationsTable, DeliveredOutcome outcome) {
        dynamoDb.transactWriteItems(request -> request.transactItems(OutcomeItems.updates(negotiationsTable, outcome)
                .stream().map(update -> TransactWriteItem.builder().update(update).build()).toList()));
    }
}
