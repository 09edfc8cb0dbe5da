package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.adapter.dynamodb.AttributeValues.n;
import static com.backhaulexchange.adapter.dynamodb.AttributeValues.s;
import static com.backhaulexchange.adapter.dynamodb.LaneItems.*;

import com.backhaulexchange.deal.network.NetworkActivity;
import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.GeoCell;
import com.backhaulexchange.kernel.idempotency.IdempotencyConflictException;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.kernel.idempotency.IdempotencyStore;
import com.backhaulexchange.lane.LaneKind;
import com.backhaulexchange.lane.LaneRepository;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.MatchRequestOutbox;
import com.backhaulexchange.lane.PendingMatchRequest;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.lane.CandidateKeys.CandidateKey;
import com.backhaulexchange.matching.CandidateSource;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Lanes, their candidate index, the match-request outbox and posting idempotency records in LanesTable.
 * No request path scans: every read is a GetItem or a Query on a key (see infra/table-design.md).
 */
public final class DynamoDbLaneRepository implements LaneRepository, MatchRequestOutbox, CandidateSource,
        IdempotencyStore {
    /** Candidate keys are read in parallel: a search touches tens of keys, each a small Query. */
    static final int CANDIDATE_QUERY_PARALLELISM = 16;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    /** AnalyticsTable, for the network counters (ADR 41); null in a function that writes none. */
    private final String analyticsTableName;
    private ExecutorService candidateQueries;

    public DynamoDbLaneRepository(DynamoDbClient dynamoDb, String tableName) {
        this(dynamoDb, tableName, null);
    }

    /** A repository whose postings also ADD to the network counters of {@code analyticsTableName} (ADR 41). */
    public DynamoDbLaneRepository(DynamoDbClient dynamoDb, String tableName, String analyticsTableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.analyticsTableName = analyticsTableName;
    }

    @Override
    public void post(PostedLane lane, List<CandidateKey> indexKeys, PendingMatchRequest matchRequest,
            IdempotencyRecord idempotencyRecord) {
        EquipmentType equipment = EquipmentType.valueOf(equipmentOf(lane));
        List<String> partitions = new ArrayList<>(indexKeys.stream()
                .map(key -> candidatePartition(lane.kind(), equipment, key)).distinct().toList());
        partitions.add(regionPartition(lane.kind(), MatchingRegion.of(lane)));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(putIfAbsent(laneItem(lane, partitions)));
        partitions.forEach(partition -> writes.add(put(candidateItem(lane, partition))));
        writes.add(putIfAbsent(outboxItem(matchRequest)));
        if (analyticsTableName != null) {
            writes.add(NetworkItems.write(analyticsTableName, NetworkActivity.posted(lane)));
        }
        if (idempotencyRecord != null) {
            writes.add(putIfAbsent(PartnerItems.idempotencyItem(idempotencyRecord)));
        }
        try {
            dynamoDb.transactWriteItems(request -> request.transactItems(writes));
        } catch (TransactionCanceledException e) {
            int last = writes.size() - 1;
            if (idempotencyRecord != null && (Transactions.failedAt(e, last, Transactions.CONDITIONAL_CHECK_FAILED)
                    || Transactions.failedAt(e, last, Transactions.TRANSACTION_CONFLICT))) {
                throw new IdempotencyConflictException(idempotencyRecord.recordId());
            }
            throw new StaleWriteException("lane " + lane.laneId() + " could not be posted: " + Transactions.reasons(e));
        }
    }

    @Override
    public Optional<PostedLane> findLane(String laneId) {
        var item = laneItemOf(laneId);
        return item.isEmpty() ? Optional.empty() : Optional.of(laneFrom(item));
    }

    /** BatchGetItem, 100 keys a call, unprocessed keys retried with backoff. */
    @Override
    public Map<String, PostedLane> findLanes(Collection<String> laneIds) {
        Map<String, PostedLane> found = new HashMap<>();
        List<String> ids = laneIds.stream().distinct().toList();
        for (int start = 0; start < ids.size(); start += 100) {
            List<Map<String, AttributeValue>> keys = ids.subList(start, Math.min(ids.size(), start + 100)).stream()
                    .map(LaneItems::laneKey).toList();
            Map<String, KeysAndAttributes> pending = Map.of(tableName, KeysAndAttributes.builder().keys(keys).build());
            for (int round = 1; !pending.isEmpty(); round++) {
                if (round > 8) {
                    throw new IllegalStateException("DynamoDB kept throttling the lane reads");
                }
                var batch = pending;
                var response = dynamoDb.batchGetItem(request -> request.requestItems(batch));
                for (var item : response.responses().getOrDefault(tableName, List.of())) {
                    PostedLane lane = laneFrom(item);
                    found.put(lane.laneId(), lane);
                }
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (!pending.isEmpty()) {
                    Transactions.backOff(round);
                }
            }
        }
        return found;
    }

    @Override
    public Page<PostedLane> listOwnedBy(PartnerId owner, LaneStatus status, Instant now, int limit, String cursor) {
        String partition = ownerPartition(owner);
        QueryRequest query = QueryRequest.builder().tableName(tableName).indexName(GSI1)
                .keyConditionExpression("gsi1pk = :owner AND begins_with(gsi1sk, :lanes)")
                .expressionAttributeValues(Map.of(":owner", s(partition), ":lanes", s("LANE#")))
                .scanIndexForward(false)
                .build();
        var start = PageCursors.decode(cursor, Set.of(PK, SK, GSI1_PK, GSI1_SK), GSI1_PK, partition);
        return FilteredPages.page(dynamoDb, query, start,
                item -> status == null || laneFrom(item).effectiveStatus(now) == status,
                LaneItems::laneFrom, limit, List.of(PK, SK, GSI1_PK, GSI1_SK));
    }

    @Override
    public void changeStatus(PostedLane changed, LaneStatus previousStatus) {
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> stored = laneItemOf(changed.laneId());
            if (stored.isEmpty()) {
                throw new StaleWriteException("lane " + changed.laneId() + " does not exist");
            }
            List<TransactWriteItem> writes = new ArrayList<>();
            boolean leavesIndex = !changed.status().isOpenForMatching();
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                    .key(laneKey(changed.laneId()))
                    .updateExpression("SET #status = :next, updatedAt = :now" + (leavesIndex ? " REMOVE "
                            + CANDIDATE_INDEX : ""))
                    .conditionExpression("#status = :previous")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":next", s(changed.status().name()),
                            ":now", s(changed.updatedAt().toString()), ":previous", s(previousStatus.name())))
                    .build()).build());
            if (leavesIndex) {
                candidatePartitionsOf(stored).forEach(partition -> writes.add(TransactWriteItem.builder()
                        .delete(Delete.builder().tableName(tableName)
                                .key(Map.of(PK, s(partition), SK, s(changed.laneId()))).build()).build()));
            }
            try {
                dynamoDb.transactWriteItems(request -> request.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                if (Transactions.conflicted(e) && attempt < Transactions.ATTEMPTS) {
                    Transactions.backOff(attempt);
                    continue;
                }
                throw new StaleWriteException("lane " + changed.laneId() + " is no longer " + previousStatus + ": "
                        + Transactions.reasons(e));
            }
        }
    }

    @Override
    public Candidates<PostedLane.Load> loads(List<CandidateKey> keys, Set<EquipmentType> equipment, int readBudget) {
        return candidates(LaneKind.LOAD, keys, equipment, readBudget, PostedLane.Load.class);
    }

    @Override
    public Candidates<PostedLane.Capacity> capacities(List<CandidateKey> keys, Set<EquipmentType> equipment,
            int readBudget) {
        return candidates(LaneKind.CAPACITY, keys, equipment, readBudget, PostedLane.Capacity.class);
    }

    /**
     * Reads the keys' partitions nearest cell first (the keys' order): first the nearest cell alone, then
     * waves of whole cells of at most {@value #CANDIDATE_QUERY_PARALLELISM} partitions, each wave's
     * partitions in parallel. The partitions of a wave share what is left of the budget equally (at least one
     * entry each); a partition that had more goes on reading, with what the others left, before any farther
     * cell is read. So a dense nearby cell uses the budget before distant cells, and a search reads at most
     * the budget plus one wave's rounding.
     */
    private <L extends PostedLane> Candidates<L> candidates(LaneKind kind, List<CandidateKey> keys,
            Set<EquipmentType> equipment, int readBudget, Class<L> type) {
        if (readBudget < 1) {
            throw new IllegalArgumentException("readBudget must be positive, was " + readBudget);
        }
        Map<GeoCell, Set<String>> partitionsByCell = new LinkedHashMap<>();
        for (CandidateKey key : keys) {
            for (EquipmentType each : equipment) {
                partitionsByCell.computeIfAbsent(key.cell(), cell -> new LinkedHashSet<>())
                        .add(candidatePartition(kind, each, key));
            }
        }
        var cells = new ArrayList<>(partitionsByCell.values());
        Map<String, L> lanes = new LinkedHashMap<>();
        long remaining = readBudget;
        int entriesRead = 0;
        int partitionsRead = 0;
        int next = 0;
        while (next < cells.size() && remaining > 0) {
            List<PartitionRead> pending = new ArrayList<>();
            cells.get(next++).forEach(partition -> pending.add(PartitionRead.start(partition)));
            while (next > 1 && next < cells.size()
                    && pending.size() + cells.get(next).size() <= CANDIDATE_QUERY_PARALLELISM) {
                cells.get(next++).forEach(partition -> pending.add(PartitionRead.start(partition)));
            }
            partitionsRead += pending.size();
            while (!pending.isEmpty() && remaining > 0) {
                int limit = (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining / pending.size()));
                List<Future<PartitionRead>> reads = new ArrayList<>(pending.size());
                ExecutorService pool = candidateQueryPool();
                pending.forEach(read -> reads.add(pool.submit(() -> nextPage(read, limit))));
                pending.clear();
                for (var future : reads) {
                    PartitionRead read = await(future);
                    entriesRead += read.entries().size();
                    remaining -= read.entries().size();
                    for (var entry : read.entries()) {
                        lanes.computeIfAbsent(entry.get("laneId").s(), id -> type.cast(laneFrom(entry)));
                    }
                    if (read.continueFrom() != null) {
                        pending.add(read);
                    }
                }
            }
            if (!pending.isEmpty()) {
                return new Candidates<>(List.copyOf(lanes.values()), entriesRead, partitionsRead, false);
            }
        }
        return new Candidates<>(List.copyOf(lanes.values()), entriesRead, partitionsRead, next == cells.size());
    }

    @Override
    public RegionLanes region(MatchingRegion region) {
        List<PostedLane.Capacity> capacities = new ArrayList<>();
        List<PostedLane.Load> loads = new ArrayList<>();
        entriesOf(regionPartition(LaneKind.CAPACITY, region))
                .forEach(entry -> capacities.add((PostedLane.Capacity) laneFrom(entry)));
        entriesOf(regionPartition(LaneKind.LOAD, region)).forEach(entry -> loads.add((PostedLane.Load) laneFrom(entry)));
        return new RegionLanes(capacities, loads);
    }

    /**
     * One candidate key, strongly consistent: a lane posted a moment ago is seen by the search of a lane
     * posted just after it, so of any two postings at least one finds the other (ADR 10).
     */
    private List<Map<String, AttributeValue>> entriesOf(String partition) {
        List<Map<String, AttributeValue>> entries = new ArrayList<>();
        dynamoDb.queryPaginator(request -> request.tableName(tableName).consistentRead(true)
                        .keyConditionExpression("pk = :partition")
                        .expressionAttributeValues(Map.of(":partition", s(partition))))
                .items().forEach(entries::add);
        return entries;
    }

    /** One Query of up to {@code limit} entries of a partition, from where the previous read stopped. */
    private PartitionRead nextPage(PartitionRead previous, int limit) {
        var page = dynamoDb.query(request -> request.tableName(tableName).consistentRead(true)
                .keyConditionExpression("pk = :partition")
                .expressionAttributeValues(Map.of(":partition", s(previous.partition())))
                .exclusiveStartKey(previous.continueFrom())
                .limit(limit));
        boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
        return new PartitionRead(previous.partition(), page.items(), more ? page.lastEvaluatedKey() : null);
    }

    /** What one Query of a partition returned and, when DynamoDB says more may follow, where to go on. */
    private record PartitionRead(String partition, List<Map<String, AttributeValue>> entries,
            Map<String, AttributeValue> continueFrom) {
        static PartitionRead start(String partition) {
            return new PartitionRead(partition, List.of(), null);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading candidates", e);
        }
    }

    private synchronized ExecutorService candidateQueryPool() {
        if (candidateQueries == null) {
            candidateQueries = Executors.newFixedThreadPool(CANDIDATE_QUERY_PARALLELISM, task -> {
                Thread thread = new Thread(task, "candidate-query");
                thread.setDaemon(true);
                return thread;
            });
        }
        return candidateQueries;
    }

    @Override
    public List<PendingMatchRequest> dueForResend(Instant now, int limit) {
        var response = dynamoDb.query(request -> request.tableName(tableName).indexName(GSI1)
                .keyConditionExpression("gsi1pk = :outbox AND gsi1sk < :bound")
                .expressionAttributeValues(Map.of(":outbox", s(OUTBOX_PARTITION),
                        ":bound", s(outboxSortKeyBound(now))))
                .limit(limit));
        return response.items().stream().map(LaneItems::outboxFrom).toList();
    }

    @Override
    public void rescheduled(PendingMatchRequest request, Instant nextDueAt) {
        var next = request.resent(nextDueAt);
        updateOutboxIfPresent(request.laneId(),
                "SET sendCount = :count, resendDueAt = :due, gsi1sk = :sortKey",
                Map.of(":count", n(next.sendCount()), ":due", s(nextDueAt.toString()),
                        ":sortKey", s(outboxSortKey(nextDueAt, request.laneId()))));
    }

    @Override
    public void abandon(PendingMatchRequest request, Instant now) {
        // Leaving the sparse index is what stops the sweeper from finding it again.
        updateOutboxIfPresent(request.laneId(), "SET abandonedAt = :now REMOVE gsi1pk, gsi1sk",
                Map.of(":now", s(now.toString())));
    }

    @Override
    public void complete(String laneId) {
        dynamoDb.deleteItem(request -> request.tableName(tableName).key(outboxKey(laneId)));
    }

    /** Pending requests, for tests and operators: the entry of one lane, if it is still there. */
    public Optional<PendingMatchRequest> pendingMatchRequest(String laneId) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName).key(outboxKey(laneId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(outboxFrom(item));
    }

    private void updateOutboxIfPresent(String laneId, String update, Map<String, AttributeValue> values) {
        try {
            dynamoDb.updateItem(request -> request.tableName(tableName).key(outboxKey(laneId))
                    .updateExpression(update)
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException completedMeanwhile) {
            // The match engine finished the request while it was being re-sent: nothing left to track.
        }
    }

    @Override
    public Optional<IdempotencyRecord> find(String recordId) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName)
                .key(PartnerItems.idempotencyKey(recordId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PartnerItems.idempotencyFrom(item));
    }

    private Map<String, AttributeValue> laneItemOf(String laneId) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName).key(laneKey(laneId))
                .consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(new HashMap<>(item)).build())
                .build();
    }
}
