package com.backhaulexchange.adapter.dynamodb;

import com.backhaulexchange.adapter.dynamodb.document.CollaborationDocument;
import com.backhaulexchange.adapter.dynamodb.document.SchemaVersions;
import com.backhaulexchange.adapter.dynamodb.document.SettlementDocument;
import com.backhaulexchange.settlement.collaboration.CollaborationStore;

import com.backhaulexchange.settlement.collaboration.Collaboration;
import com.backhaulexchange.settlement.collaboration.Member;
import com.backhaulexchange.settlement.collaboration.SettledPeriod;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.kernel.idempotency.IdempotencyConflictException;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * CollaborationsTable (infra/table-design.md): the collaboration document, a copy key under each party for
 * listing, the settlement schedule item (gsi1 {@code CLOSING} by the next period's close), and per settled
 * period its header and the gzipped chunks of its settlement, plus a marker per settled booking; the idempotency
 * record of a creation made with an Idempotency-Key (as in PartnersTable).
 */
public class DynamoDbCollaborationStore implements CollaborationStore {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String GSI1 = "gsi1";
    static final String CLOSING_PARTITION = "CLOSING";
    /** Largest chunk of a settlement document (gzipped), well below DynamoDB's 400 KB item limit. */
    static final int CHUNK_BYTES = 300_000;
    /** A transaction carries at most 4 MB and 100 actions: 12 chunks of 300 KB plus the header. */
    static final int MAX_CHUNKS = 12;
    static final int MAX_TRANSACTION_ACTIONS = 100;




    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbCollaborationStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    // ---- collaborations

    @Override
    public Optional<Versioned> find(String id) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName).key(key(collaborationPk(id), "COLLAB"))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Versioned(document(item), Long.parseLong(item.get("version").n())));
    }

    /**
     * Writes a new collaboration, its schedule item and a copy key under every party, in one transaction
     * (the copies beyond the transaction's 100 actions follow in batches: they are pointers, written again
     * by nothing else, and a Get by id never depends on them).
     */
    @Override
    public void create(Collaboration collaboration, Instant firstCloseAt, IdempotencyRecord idempotencyRecord) {
        List<TransactWriteItem> writes = new ArrayList<>();
        if (idempotencyRecord != null) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                    .item(PartnerItems.idempotencyItem(idempotencyRecord))
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
        }
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(collaborationItem(collaboration, 1)).conditionExpression("attribute_not_exists(pk)").build())
                .build());
        Map<String, AttributeValue> schedule = new HashMap<>(key(collaborationPk(collaboration.id()), "SCHEDULE"));
        schedule.put("collaborationId", s(collaboration.id()));
        schedule.put("lastSettledPeriod", n(-1));
        schedule.put("gsi1pk", s(CLOSING_PARTITION));
        schedule.put("gsi1sk", s(closingKey(firstCloseAt, collaboration.id())));
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(schedule)
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        List<Map<String, AttributeValue>> copies = parties(collaboration).stream()
                .map(party -> partyCopy(party, collaboration.id())).toList();
        int inTransaction = Math.min(copies.size(), MAX_TRANSACTION_ACTIONS - writes.size());
        copies.subList(0, inTransaction).forEach(copy -> writes.add(TransactWriteItem.builder()
                .put(Put.builder().tableName(tableName).item(copy).build()).build()));
        try {
            dynamoDb.transactWriteItems(request -> request.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (idempotencyRecord != null && (Transactions.failedAt(e, 0, Transactions.CONDITIONAL_CHECK_FAILED)
                    || Transactions.failedAt(e, 0, Transactions.TRANSACTION_CONFLICT))) {
                throw new IdempotencyConflictException(idempotencyRecord.recordId());
            }
            throw new StaleWriteException("collaboration " + collaboration.id() + " exists");
        }
        batchPut(copies.subList(inTransaction, copies.size()));
    }

    @Override
    public Optional<IdempotencyRecord> idempotencyRecord(String recordId) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName)
                .key(PartnerItems.idempotencyKey(recordId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PartnerItems.idempotencyFrom(item));
    }

    /** Replaces the collaboration if it is still at {@code expectedVersion}; else {@link StaleWriteException}. */
    @Override
    public void update(Collaboration next, long expectedVersion) {
        try {
            dynamoDb.putItem(request -> request.tableName(tableName).item(collaborationItem(next, expectedVersion + 1))
                    .conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion))));
        } catch (ConditionalCheckFailedException e) {
            throw new StaleWriteException("collaboration " + next.id() + " changed since version " + expectedVersion);
        }
    }

    /** The collaborations the partner organises or is (or was, or is invited as) a member of, newest first. */
    @Override
    public List<Collaboration> listFor(PartnerId party) {
        List<String> ids = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(request -> request.tableName(tableName)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s("PARTY#" + party.value()), ":prefix", s("COLLAB#")))
                    .scanIndexForward(false).exclusiveStartKey(from));
            page.items().forEach(item -> ids.add(item.get("collaborationId").s()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        Map<String, Collaboration> found = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 100) {
            List<Map<String, AttributeValue>> keys = ids.subList(i, Math.min(ids.size(), i + 100)).stream()
                    .map(id -> key(collaborationPk(id), "COLLAB")).toList();
            Map<String, KeysAndAttributes> pending = Map.of(tableName, KeysAndAttributes.builder().keys(keys)
                    .consistentRead(true).build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> ask = pending;
                var response = dynamoDb.batchGetItem(request -> request.requestItems(ask));
                response.responses().getOrDefault(tableName, List.of()).forEach(item -> {
                    Collaboration collaboration = document(item);
                    found.put(collaboration.id(), collaboration);
                });
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return ids.stream().filter(found::containsKey).map(found::get).toList();
    }

    // ---- the settlement schedule

    @Override
    public Optional<Schedule> schedule(String id) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName).key(key(collaborationPk(id), "SCHEDULE"))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Schedule(id, Long.parseLong(item.get("lastSettledPeriod").n())));
    }

    /** The collaborations whose next unsettled period closed before {@code now} (gsi1, oldest close first). */
    @Override
    public List<Schedule> closedBefore(Instant now) {
        List<Schedule> due = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(request -> request.tableName(tableName).indexName(GSI1)
                    .keyConditionExpression("gsi1pk = :closing AND gsi1sk <= :now")
                    .expressionAttributeValues(Map.of(":closing", s(CLOSING_PARTITION),
                            ":now", s(closingKey(now, "~"))))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> due.add(new Schedule(item.get("collaborationId").s(),
                    Long.parseLong(item.get("lastSettledPeriod").n()))));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return due;
    }

    /**
     * Records that {@code periodIndex} is settled completely: the schedule moves on to the next period's close.
     * Never moves back (a late, duplicate completion changes nothing).
     */
    @Override
    public void advance(String id, long periodIndex, Instant nextCloseAt) {
        try {
            dynamoDb.updateItem(request -> request.tableName(tableName).key(key(collaborationPk(id), "SCHEDULE"))
                    .updateExpression("SET lastSettledPeriod = :index, gsi1sk = :next")
                    .conditionExpression("attribute_exists(pk) AND lastSettledPeriod < :index")
                    .expressionAttributeValues(Map.of(":index", n(periodIndex),
                            ":next", s(closingKey(nextCloseAt, id)))));
        } catch (ConditionalCheckFailedException e) {
            // Already at or past this period: nothing to do.
        }
    }

    // ---- settled periods

    /**
     * The committed settlement of a period: its header (whose {@code settlementSchemaVersion} this code must
     * read) and its chunks, in one consistent Query.
     */
    @Override
    public Optional<SettledPeriod> period(String id, long index) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(request -> request.tableName(tableName).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(collaborationPk(id)), ":prefix", s(periodSk(index))))
                    .exclusiveStartKey(from));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        Map<String, AttributeValue> header = items.stream().filter(item -> item.get(SK).s().equals(periodSk(index)))
                .findFirst().orElse(null);
        if (header == null) {
            return Optional.empty();
        }
        SchemaVersions.require(header, SettlementDocument.DOCUMENT, SettlementDocument.SCHEMA_VERSION);
        int chunks = Integer.parseInt(header.get("chunkCount").n());
        var out = new java.io.ByteArrayOutputStream();
        for (int c = 0; c < chunks; c++) {
            String sk = chunkSk(index, c);
            var chunk = items.stream().filter(item -> item.get(SK).s().equals(sk)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("period " + index + " of " + id + " lacks " + sk));
            out.writeBytes(chunk.get("data").b().asByteArray());
        }
        return Optional.of(SettlementDocument.fromJsonBytes(Gzip.decompress(out.toByteArray())).toSettledPeriod());
    }

    /**
     * Commits a period's settlement: its header Put {@code attribute_not_exists} and its chunks (ids derived
     * from the period), all in one transaction. Returns false when the period was already committed (by an
     * earlier run, a duplicate message or a concurrent settler): nothing is written then.
     */
    @Override
    public boolean commitPeriod(SettledPeriod settlement, Instant settledAt) {
        String id = settlement.collaborationId();
        long index = settlement.periodIndex();
        SettlementDocument document = SettlementDocument.of(settlement);
        byte[] zipped = Gzip.compress(document.toJsonBytes());
        int chunks = Math.max(1, (zipped.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
        if (chunks > MAX_CHUNKS) {
            throw new IllegalStateException("the settlement of period " + index + " of " + id + " is "
                    + zipped.length + " bytes gzipped, more than " + MAX_CHUNKS + " chunks");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> header = new HashMap<>(key(collaborationPk(id), periodSk(index)));
        header.put("entityType", s("PERIOD"));
        header.put("collaborationId", s(id));
        header.put("periodIndex", n(index));
        header.put("outcome", s(document.outcome()));
        header.put("chunkCount", n(chunks));
        header.put("settledAt", s(settledAt.toString()));
        figures(document).forEach((name, value) -> header.put(name, n(value)));
        header.put(SchemaVersions.attributeOf(SettlementDocument.DOCUMENT),
                SchemaVersions.versionValue(SettlementDocument.versionOf(document)));
        writes.add(conditionalPut(header));
        for (int c = 0; c < chunks; c++) {
            Map<String, AttributeValue> chunk = new HashMap<>(key(collaborationPk(id), chunkSk(index, c)));
            chunk.put("entityType", s("PERIOD_CHUNK"));
            chunk.put("data", AttributeValue.fromB(SdkBytes.fromByteArray(java.util.Arrays.copyOfRange(zipped,
                    c * CHUNK_BYTES, Math.min(zipped.length, (c + 1) * CHUNK_BYTES)))));
            writes.add(conditionalPut(chunk));
        }
        try {
            dynamoDb.transactWriteItems(request -> request.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            boolean exists = e.cancellationReasons() != null && e.cancellationReasons().stream()
                    .anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()));
            if (exists) {
                return false;
            }
            throw e;
        }
    }

    /** The header's figures, for reading a period's totals without its chunks. */
    private static Map<String, Long> figures(SettlementDocument document) {
        Map<String, Long> figures = new LinkedHashMap<>();
        if (document.result() != null) {
            figures.put("realisedTotal", document.result().realisedTotal());
            figures.put("riskCostTotal", document.result().riskCostTotal());
            figures.put("finalTotal", document.result().finalTotal());
            figures.put("postingCount", (long) document.ledger().postings().size());
        }
        figures.put("settledBookingCount", (long) document.settledBookings().size());
        return figures;
    }

    /** Marks the bookings as settled in {@code index} (idempotent: a marker, once written, keeps its period). */
    @Override
    public void markSettled(String id, long index, Collection<String> bookingIds) {
        List<Map<String, AttributeValue>> markers = new ArrayList<>();
        for (String bookingId : new LinkedHashSet<>(bookingIds)) {
            Map<String, AttributeValue> marker = new HashMap<>(key(collaborationPk(id), "SETTLED#" + bookingId));
            marker.put("entityType", s("SETTLED_BOOKING"));
            marker.put("bookingId", s(bookingId));
            marker.put("periodIndex", n(index));
            markers.add(marker);
        }
        batchPut(markers);
    }

    /** Which of {@code bookingIds} carry a settled marker in this collaboration. */
    @Override
    public Set<String> settledAmong(String id, Collection<String> bookingIds) {
        Set<String> settled = new HashSet<>();
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(bookingIds));
        for (int i = 0; i < ids.size(); i += 100) {
            List<Map<String, AttributeValue>> keys = ids.subList(i, Math.min(ids.size(), i + 100)).stream()
                    .map(bookingId -> key(collaborationPk(id), "SETTLED#" + bookingId)).toList();
            Map<String, KeysAndAttributes> pending = Map.of(tableName, KeysAndAttributes.builder().keys(keys)
                    .consistentRead(true).build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> ask = pending;
                var response = dynamoDb.batchGetItem(request -> request.requestItems(ask));
                response.responses().getOrDefault(tableName, List.of())
                        .forEach(item -> settled.add(item.get("bookingId").s()));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return settled;
    }

    // ---- items

    private Map<String, AttributeValue> collaborationItem(Collaboration collaboration, long version) {
        Map<String, AttributeValue> item = new HashMap<>(key(collaborationPk(collaboration.id()), "COLLAB"));
        item.put("entityType", s("COLLABORATION"));
        item.put("collaborationId", s(collaboration.id()));
        item.put("version", n(version));
        item.put("document", s(CollaborationDocument.of(collaboration).toJsonString()));
        item.put(SchemaVersions.attributeOf("document"), SchemaVersions.versionValue(CollaborationDocument.SCHEMA_VERSION));
        return item;
    }

    private Map<String, AttributeValue> partyCopy(PartnerId party, String collaborationId) {
        Map<String, AttributeValue> item = new HashMap<>(key("PARTY#" + party.value(), "COLLAB#" + collaborationId));
        item.put("entityType", s("PARTY_COLLABORATION"));
        item.put("collaborationId", s(collaborationId));
        return item;
    }

    private static List<PartnerId> parties(Collaboration collaboration) {
        Set<PartnerId> parties = new LinkedHashSet<>();
        parties.add(collaboration.creator());
        collaboration.members().stream().map(Member::partner).forEach(parties::add);
        return List.copyOf(parties);
    }

    private static Collaboration document(Map<String, AttributeValue> item) {
        SchemaVersions.require(item, "document", CollaborationDocument.SCHEMA_VERSION);
        return CollaborationDocument.fromJsonString(item.get("document").s()).toCollaboration();
    }

    private TransactWriteItem conditionalPut(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private void batchPut(List<Map<String, AttributeValue>> items) {
        for (int i = 0; i < items.size(); i += 25) {
            List<WriteRequest> requests = items.subList(i, Math.min(items.size(), i + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(tableName, requests);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> ask = pending;
                var response = dynamoDb.batchWriteItem(request -> request.requestItems(ask));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    static String collaborationPk(String id) {
        return "COLLAB#" + id;
    }

    static String periodSk(long index) {
        return "PERIOD#" + String.format("%010d", index);
    }

    static String chunkSk(long index, int chunk) {
        return periodSk(index) + "#CHUNK#" + String.format("%03d", chunk);
    }

    static String closingKey(Instant closesAt, String id) {
        return String.format("%013d", Math.max(0, closesAt.toEpochMilli())) + "#" + id;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
