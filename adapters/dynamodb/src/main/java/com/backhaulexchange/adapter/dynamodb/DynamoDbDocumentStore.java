package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.adapter.dynamodb.AttributeValues.n;
import static com.backhaulexchange.adapter.dynamodb.AttributeValues.s;

import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.document.BookingDocument;
import com.backhaulexchange.deal.document.DocumentContentType;
import com.backhaulexchange.deal.document.DocumentId;
import com.backhaulexchange.deal.document.DocumentKind;
import com.backhaulexchange.deal.document.DocumentRepository;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Documents of bookings in the table that owns bookings (NegotiationsTable, ADR 33), in the booking's partition:
 * pk {@code BOOKING#<id>}, sk {@code DOCUMENT#<documentId>}, flat attributes. A booking's documents are one Query
 * (at most 20 items); they expire with the booking's data, 400 days after they were requested.
 */
public final class DynamoDbDocumentStore implements DocumentRepository {
    static final String PREFIX = "DOCUMENT#";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbDocumentStore(DynamoDbClient dynamoDb, String negotiationsTableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = negotiationsTableName;
    }

    @Override
    public void create(BookingDocument document, IdempotencyRecord idempotencyRecord) {
        Transactions.putAllIfAbsent(dynamoDb, tableName, List.of(item(document)), idempotencyRecord,
                () -> "document " + document.id().value() + " exists");
    }

    @Override
    public void save(BookingDocument document) {
        dynamoDb.putItem(request -> request.tableName(tableName).item(item(document)));
    }

    private static Map<String, AttributeValue> item(BookingDocument document) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("BOOKING#" + document.bookingId().value()));
        item.put("sk", s(PREFIX + document.id().value()));
        item.put("entityType", s("DOCUMENT"));
        item.put("documentId", s(document.id().value()));
        item.put("bookingId", s(document.bookingId().value()));
        item.put("kind", s(document.kind().name()));
        item.put("contentType", s(document.contentType().name()));
        item.put("sizeBytes", n(document.sizeBytes()));
        item.put("uploadedBy", s(document.uploadedBy().value()));
        item.put("requestedAt", s(document.requestedAt().toString()));
        if (document.uploadedAt() != null) {
            item.put("uploadedAt", s(document.uploadedAt().toString()));
        }
        item.put("expiresAtEpochSeconds", n(document.requestedAt().plus(DealItems.RETENTION).getEpochSecond()));
        return item;
    }

    @Override
    public List<BookingDocument> list(BookingId bookingId) {
        return dynamoDb.queryPaginator(request -> request.tableName(tableName).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s("BOOKING#" + bookingId.value()),
                                ":prefix", s(PREFIX))))
                .items().stream().map(DynamoDbDocumentStore::documentFrom).toList();
    }

    @Override
    public Optional<BookingDocument> find(BookingId bookingId, DocumentId id) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName).consistentRead(true)
                .key(Map.of("pk", s("BOOKING#" + bookingId.value()), "sk", s(PREFIX + id.value())))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(documentFrom(item));
    }

    private static BookingDocument documentFrom(Map<String, AttributeValue> item) {
        return new BookingDocument(new DocumentId(item.get("documentId").s()), new BookingId(item.get("bookingId").s()),
                DocumentKind.valueOf(item.get("kind").s()), DocumentContentType.valueOf(item.get("contentType").s()),
                Long.parseLong(item.get("sizeBytes").n()), new PartnerId(item.get("uploadedBy").s()),
                Instant.parse(item.get("requestedAt").s()),
                item.containsKey("uploadedAt") ? Instant.parse(item.get("uploadedAt").s()) : null);
    }
}
