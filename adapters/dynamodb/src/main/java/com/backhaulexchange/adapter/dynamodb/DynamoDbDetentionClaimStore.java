package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.adapter.dynamodb.AttributeValues.n;
import static com.backhaulexchange.adapter.dynamodb.AttributeValues.s;

import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.tracking.Detention;
import com.backhaulexchange.tracking.DetentionClaim;
import com.backhaulexchange.tracking.DetentionClaimRepository;
import com.backhaulexchange.tracking.StopKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Detention claims in the table that owns bookings (NegotiationsTable, ADR 38), in the booking's partition: pk
 * {@code BOOKING#<id>}, sk {@code DETENTION#<PICKUP|DELIVERY>}, flat attributes with the figures as claimed. A
 * claim moves CLAIMED → CONFIRMED or DISPUTED by a Put conditioned on the status it was read in, in one transaction
 * with its outbox notifications; it expires with the booking's data, 400 days after it was claimed.
 */
public final class DynamoDbDetentionClaimStore implements DetentionClaimRepository {
    static final String PREFIX = "DETENTION#";
    static final int SCHEMA_VERSION = 1;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbDetentionClaimStore(DynamoDbClient dynamoDb, String negotiationsTableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = negotiationsTableName;
    }

    @Override
    public List<DetentionClaim> claims(BookingId id) {
        return dynamoDb.query(request -> request.tableName(tableName).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s("BOOKING#" + id.value()), ":prefix", s(PREFIX))))
                .items().stream().map(DynamoDbDetentionClaimStore::claimFrom)
                .sorted(Comparator.comparing(DetentionClaim::stop)).toList();
    }

    @Override
    public void save(DetentionClaim next, DetentionClaim.Status expected, List<Notification> notifications) {
        var put = Put.builder().tableName(tableName).item(item(next));
        if (expected == null) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("claimStatus = :expected")
                    .expressionAttributeValues(Map.of(":expected", s(expected.name())));
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(put.build()).build());
        writes.addAll(DynamoDbDealStore.outboxWrites(tableName, notifications));
        Transactions.writeRetryingRaces(dynamoDb, writes, e -> new StaleWriteException("detention of booking "
                + next.bookingId().value() + " at " + next.stop() + " is no longer " + expected + ": "
                + Transactions.reasons(e)));
    }

    private static Map<String, AttributeValue> item(DetentionClaim claim) {
        Detention detention = claim.detention();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("BOOKING#" + claim.bookingId().value()));
        item.put("sk", s(PREFIX + claim.stop().name()));
        item.put("entityType", s("DETENTION_CLAIM"));
        item.put("detentionSchemaVersion", n(SCHEMA_VERSION));
        item.put("bookingId", s(claim.bookingId().value()));
        item.put("stop", s(claim.stop().name()));
        item.put("claimStatus", s(claim.status().name()));
        item.put("arrivedAt", s(detention.arrivedAt().toString()));
        item.put("departedAt", s(detention.departedAt().toString()));
        item.put("clockStartedAt", s(detention.clockStartedAt().toString()));
        item.put("dwellMinutes", n(detention.dwellMinutes()));
        item.put("freeHours", n(detention.freeHours()));
        item.put("billedMinutes", n(detention.billedMinutes()));
        item.put("ratePerHourMinorUnits", n(detention.ratePerHour().amountMinorUnits()));
        item.put("chargeMinorUnits", n(detention.charge().amountMinorUnits()));
        item.put("currency", s(detention.charge().currency().getCurrencyCode()));
        item.put("claimedAt", s(claim.claimedAt().toString()));
        if (claim.decidedAt() != null) {
            item.put("decidedAt", s(claim.decidedAt().toString()));
        }
        if (claim.disputeReason() != null) {
            item.put("disputeReason", s(claim.disputeReason()));
        }
        item.put("expiresAtEpochSeconds", n(claim.claimedAt().plus(DealItems.RETENTION).getEpochSecond()));
        return item;
    }

    private static DetentionClaim claimFrom(Map<String, AttributeValue> item) {
        int schema = Integer.parseInt(item.get("detentionSchemaVersion").n());
        if (schema != SCHEMA_VERSION) {
            throw new IllegalStateException("detention schema version " + schema + " is not known here");
        }
        Currency currency = Currency.getInstance(item.get("currency").s());
        Detention detention = new Detention(StopKind.valueOf(item.get("stop").s()), instant(item, "arrivedAt"),
                instant(item, "departedAt"), instant(item, "clockStartedAt"),
                Long.parseLong(item.get("dwellMinutes").n()), Integer.parseInt(item.get("freeHours").n()),
                Long.parseLong(item.get("billedMinutes").n()),
                new Money(Long.parseLong(item.get("ratePerHourMinorUnits").n()), currency),
                new Money(Long.parseLong(item.get("chargeMinorUnits").n()), currency));
        return new DetentionClaim(new BookingId(item.get("bookingId").s()), detention,
                DetentionClaim.Status.valueOf(item.get("claimStatus").s()), instant(item, "claimedAt"),
                instant(item, "decidedAt"), item.containsKey("disputeReason") ? item.get("disputeReason").s() : null);
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Instant.parse(item.get(name).s()) : null;
    }
}
