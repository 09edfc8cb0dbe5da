package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.adapter.dynamodb.AttributeValues.n;
import static com.backhaulexchange.adapter.dynamodb.AttributeValues.s;

import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.tracking.TrackingLink;
import com.backhaulexchange.tracking.TrackingLinkId;
import com.backhaulexchange.tracking.TrackingLinkRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Tracking links in the table that owns bookings (NegotiationsTable, ADR 33):
 * <ul>
 * <li>the link, in the booking's partition: pk {@code BOOKING#<id>}, sk {@code TRACKING_LINK#<linkId>}, flat
 *     attributes with the token's SHA-256; its shipper lists them with one Query;</li>
 * <li>a pointer from the token's hash: pk {@code TRACKING_TOKEN#<sha256 hex>}, sk {@code TRACKING_TOKEN}, naming the
 *     booking and the link; the public view is two GetItems.</li>
 * </ul>
 * Both are written in one transaction and expire {@link #KEPT_AFTER_EXPIRY} after the link does, so the shipper
 * still sees a link it let expire for a while; a revocation updates the link alone, which both reads consult.
 */
public final class DynamoDbTrackingLinkStore implements TrackingLinkRepository {
    static final String LINK_PREFIX = "TRACKING_LINK#";
    static final String TOKEN_PREFIX = "TRACKING_TOKEN#";
    static final String TOKEN_SK = "TRACKING_TOKEN";
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(30);
    private static final String TTL = "expiresAtEpochSeconds";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbTrackingLinkStore(DynamoDbClient dynamoDb, String negotiationsTableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = negotiationsTableName;
    }

    @Override
    public void create(TrackingLink link, IdempotencyRecord idempotencyRecord) {
        long ttl = link.expiresAt().plus(KEPT_AFTER_EXPIRY).getEpochSecond();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(bookingPk(link.bookingId())));
        item.put("sk", s(LINK_PREFIX + link.id().value()));
        item.put("entityType", s("TRACKING_LINK"));
        item.put("linkId", s(link.id().value()));
        item.put("bookingId", s(link.bookingId().value()));
        item.put("shipperId", s(link.shipper().value()));
        item.put("tokenSha256", s(link.tokenSha256Hex()));
        item.put("createdAt", s(link.createdAt().toString()));
        item.put("linkExpiresAt", s(link.expiresAt().toString()));
        item.put(TTL, n(ttl));
        Map<String, AttributeValue> pointer = Map.of("pk", s(TOKEN_PREFIX + link.tokenSha256Hex()), "sk", s(TOKEN_SK),
                "entityType", s("TRACKING_TOKEN"), "bookingId", s(link.bookingId().value()),
                "linkId", s(link.id().value()), TTL, n(ttl));
        Transactions.putAllIfAbsent(dynamoDb, tableName, List.of(item, pointer), idempotencyRecord,
                () -> "tracking link " + link.id().value() + " or its token exists");
    }

    @Override
    public List<TrackingLink> list(BookingId bookingId) {
        return dynamoDb.queryPaginator(request -> request.tableName(tableName)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(bookingPk(bookingId)), ":prefix", s(LINK_PREFIX)))
                        .consistentRead(true))
                .items().stream().map(DynamoDbTrackingLinkStore::linkFrom)
                .sorted(Comparator.comparing(TrackingLink::createdAt).reversed()).toList();
    }

    @Override
    public Optional<TrackingLink> find(BookingId bookingId, TrackingLinkId id) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName).consistentRead(true)
                .key(Map.of("pk", s(bookingPk(bookingId)), "sk", s(LINK_PREFIX + id.value())))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(linkFrom(item));
    }

    @Override
    public Optional<TrackingLink> findByTokenSha256Hex(String tokenSha256Hex) {
        var pointer = dynamoDb.getItem(request -> request.tableName(tableName)
                .key(Map.of("pk", s(TOKEN_PREFIX + tokenSha256Hex), "sk", s(TOKEN_SK)))).item();
        if (pointer == null || pointer.isEmpty()) {
            return Optional.empty();
        }
        return find(new BookingId(pointer.get("bookingId").s()), new TrackingLinkId(pointer.get("linkId").s()))
                .filter(link -> link.tokenSha256Hex().equals(tokenSha256Hex));
    }

    @Override
    public void revoke(TrackingLink revoked) {
        try {
            dynamoDb.updateItem(request -> request.tableName(tableName)
                    .key(Map.of("pk", s(bookingPk(revoked.bookingId())), "sk", s(LINK_PREFIX + revoked.id().value())))
                    .updateExpression("SET revokedAt = :at")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(revokedAt)")
                    .expressionAttributeValues(Map.of(":at", s(revoked.revokedAt().toString()))));
        } catch (ConditionalCheckFailedException e) {
            // Revoked already (the first time stays) or gone with its retention: either way not live.
        }
    }

    private static TrackingLink linkFrom(Map<String, AttributeValue> item) {
        return new TrackingLink(new TrackingLinkId(item.get("linkId").s()), new BookingId(item.get("bookingId").s()),
                new PartnerId(item.get("shipperId").s()), item.get("tokenSha256").s(),
                Instant.parse(item.get("createdAt").s()), Instant.parse(item.get("linkExpiresAt").s()),
                item.containsKey("revokedAt") ? Instant.parse(item.get("revokedAt").s()) : null);
    }

    private static String bookingPk(BookingId id) {
        return "BOOKING#" + id.value();
    }
}
