package com.backhaulexchange.adapter.dynamodb;

import com.backhaulexchange.deal.outcome.DeliveredOutcome;
import com.backhaulexchange.deal.outcome.LedgerEntry;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The outcome ledger's own update expressions ({@link OutcomeItems}, package-private to the adapter), as the
 * single-item requests the outcome benchmark sends: the same keys, ADD counters and attribute names a delivery's
 * transaction writes (day items and lane-pair day items), without the booking's items around them. Lives in the adapter's package for that access
 * only; nothing in the functions uses it.
 */
public final class OutcomeLedgerWrites {
    private OutcomeLedgerWrites() {
    }

    /** A delivery's updates: both parties' day items and lane-pair day items (ADR 45). */
    public static List<UpdateItemRequest> of(String tableName, DeliveredOutcome outcome) {
        return requests(OutcomeItems.updates(tableName, outcome));
    }

    public static List<UpdateItemRequest> of(String tableName, List<LedgerEntry> entries) {
        return requests(OutcomeItems.updates(tableName, entries));
    }

    private static List<UpdateItemRequest> requests(List<Update> updates) {
        return updates.stream()
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

    /** The sort key range of a partner's lane-pair day items, as the report's second query reads them. */
    public static String lanePairFromSortKey(java.time.LocalDate day) {
        return OutcomeItems.LANE_PAIR_DAY + day;
    }

    public static String lanePairToSortKey(java.time.LocalDate day) {
        return OutcomeItems.LANE_PAIR_DAY + day + OutcomeItems.AFTER_THE_DAYS_LANE_PAIRS;
    }

    /** Whether an update is of a lane-pair day item rather than of a day item. */
    public static boolean isLanePairDay(UpdateItemRequest update) {
        return update.key().get(DynamoDbDealStore.SK).s().startsWith(OutcomeItems.LANE_PAIR_DAY);
    }
}
