package com.backhaulexchange.adapter.dynamodb;

import com.backhaulexchange.deal.outcome.LedgerEntry;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The outcome ledger's own update expressions ({@link OutcomeItems}, package-private to the adapter), as the
 * single-item requests the outcome benchmark sends: the same keys, ADD counters and attribute names a delivery's
 * transaction writes, without the booking's items around them. Lives in the adapter's package for that access
 * only; nothing in the functions uses it.
 */
public final class OutcomeLedgerWrites {
    private OutcomeLedgerWrites() {
    }

    public static List<UpdateItemRequest> of(String tableName, List<LedgerEntry> entries) {
        return OutcomeItems.updates(tableName, entries).stream()
                .map(update -> UpdateItemRequest.builder().tableName(update.tableName()).key(update.key())
                        .updateExpression(update.updateExpression())
                        .expressionAttributeNames(update.expressionAttributeNames())
                        .expressionAttributeValues(update.expressionAttributeValues())
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                        .build())
                .toList();
    }

    /** The sort key range of a partner's day items, as the report's query reads them. */
    public static String partitionKey(com.backhaulexchange.partner.PartnerId partner) {
        return OutcomeItems.PREFIX + partner.value();
    }

    public static String sortKey(java.time.LocalDate day) {
        return OutcomeItems.DAY + day;
    }
}
