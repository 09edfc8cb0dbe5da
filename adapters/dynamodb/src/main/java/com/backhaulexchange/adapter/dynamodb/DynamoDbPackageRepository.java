package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.adapter.dynamodb.AttributeValues.n;
import static com.backhaulexchange.adapter.dynamodb.AttributeValues.s;
import static com.backhaulexchange.adapter.dynamodb.LaneItems.*;

import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.chain.PackageMatch;
import com.backhaulexchange.matching.chain.PackageRepository;
import com.backhaulexchange.matching.chain.PackageRun;
import com.backhaulexchange.matching.chain.PackageStatus;
import com.backhaulexchange.matching.chain.ReloadPackageId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Reload packages in LanesTable (ADR 25): the package item (read by id), a copy under its capacity lane sorted by
 * rank (a lane's packages are one Query, best first), and a pointer under each of its loads (so withdrawing a load
 * finds the packages it is in). Package, copy and pointers change in one transaction that also checks every lane
 * of the package is still open: as for matches, a package is never stored after one of its lanes was withdrawn,
 * and the same package found again (a redelivered message, another load's posting) is the same item.
 */
public final class DynamoDbPackageRepository implements PackageRepository {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbPackageRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean save(PackageMatch proposed, Instant now) {
        String rankKey = rankKey(proposed);
        String capacityLane = proposed.capacityLaneId().value();
        List<String> lanes = new ArrayList<>();
        lanes.add(capacityLane);
        proposed.loadLaneIds().forEach(id -> lanes.add(id.value()));
        for (int attempt = 1; ; attempt++) {
            var stored = packageItemOf(proposed.id());
            if (!stored.isEmpty() && PackageStatus.RETRACTED.name().equals(stored.get("status").s())) {
                return false;
            }
            long version = stored.isEmpty() ? 0 : Long.parseLong(stored.get("version").n());
            String storedRankKey = stored.isEmpty() ? null : stored.get("rankKey").s();
            // A recomputation keeps the optimiser's recommendation: only the optimiser changes it (ADR 39).
            PackageMatch toStore = proposed.recommendation() == null && !stored.isEmpty()
                    ? proposed.withRecommendation(recommendationOf(stored)) : proposed;
            List<TransactWriteItem> writes = new ArrayList<>();
            lanes.forEach(lane -> writes.add(laneStillOpen(lane, now)));
            var packagePut = Put.builder().tableName(tableName).item(packageItem(toStore, rankKey, version + 1));
            if (stored.isEmpty()) {
                packagePut.conditionExpression("attribute_not_exists(pk)");
            } else {
                packagePut.conditionExpression("version = :version")
                        .expressionAttributeValues(Map.of(":version", n(version)));
            }
            int packageWrite = writes.size();
            writes.add(TransactWriteItem.builder().put(packagePut.build()).build());
            if (storedRankKey != null && !storedRankKey.equals(rankKey)) {
                writes.add(delete(packageLinkKey(capacityLane, storedRankKey)));
            }
            writes.add(put(packageLinkItem(toStore, rankKey, version + 1)));
            proposed.loadLaneIds().forEach(load -> writes.add(put(packagePointerItem(proposed, load.value()))));
            try {
                dynamoDb.transactWriteItems(request -> request.transactItems(writes));
                return true;
            } catch (TransactionCanceledException e) {
                for (int lane = 0; lane < lanes.size(); lane++) {
                    if (Transactions.failedAt(e, lane, Transactions.CONDITIONAL_CHECK_FAILED)) {
                        return false;
                    }
                }
                boolean raced = Transactions.conflicted(e)
                        || Transactions.failedAt(e, packageWrite, Transactions.CONDITIONAL_CHECK_FAILED);
                if (raced && attempt < Transactions.ATTEMPTS) {
                    Transactions.backOff(attempt);
                    continue;
                }
                throw new StaleWriteException("package " + proposed.id() + " could not be stored: "
                        + Transactions.reasons(e));
            }
        }
    }

    @Override
    public Optional<PackageMatch> find(ReloadPackageId id) {
        var item = packageItemOf(id);
        return item.isEmpty() ? Optional.empty() : Optional.of(packageFrom(item));
    }

    @Override
    public Page<PackageMatch> rankedForLane(String capacityLaneId, Instant now, int limit, String cursor) {
        String partition = lanePk(capacityLaneId);
        QueryRequest query = QueryRequest.builder().tableName(tableName).consistentRead(true)
                .keyConditionExpression("pk = :lane AND begins_with(sk, :links)")
                .expressionAttributeValues(Map.of(":lane", s(partition), ":links", s(PACKAGE_LINK_PREFIX)))
                .build();
        var start = PageCursors.decode(cursor, Set.of(PK, SK), PK, partition);
        long nowEpochSeconds = now.getEpochSecond();
        return FilteredPages.page(dynamoDb, query, start,
                item -> PackageStatus.PROPOSED.name().equals(item.get("status").s())
                        && Long.parseLong(item.get(MATCHABLE_UNTIL).n()) > nowEpochSeconds,
                LaneItems::packageFrom, limit, List.of(PK, SK));
    }

    @Override
    public int retractAllOf(String laneId, Instant now) {
        Set<String> packageIds = new LinkedHashSet<>();
        for (String prefix : List.of(PACKAGE_LINK_PREFIX, PACKAGE_POINTER_PREFIX)) {
            dynamoDb.queryPaginator(request -> request.tableName(tableName).consistentRead(true)
                            .keyConditionExpression("pk = :lane AND begins_with(sk, :prefix)")
                            .expressionAttributeValues(Map.of(":lane", s(lanePk(laneId)), ":prefix", s(prefix))))
                    .items().forEach(item -> packageIds.add(item.get("packageId").s()));
        }
        int retracted = 0;
        for (String packageId : packageIds) {
            if (retract(new ReloadPackageId(packageId), now)) {
                retracted++;
            }
        }
        return retracted;
    }

    /** The package becomes RETRACTED and leaves its lane's listing and its loads' pointers, in one transaction. */
    private boolean retract(ReloadPackageId id, Instant now) {
        for (int attempt = 1; ; attempt++) {
            var stored = packageItemOf(id);
            if (stored.isEmpty()) {
                return false;
            }
            String capacityLane = stored.get("capacityLaneId").s();
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(tableName).key(packageKey(id))
                    .updateExpression("SET #status = :retracted, retractedAt = :now, version = version + :one")
                    .conditionExpression("version = :version")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":retracted", s(PackageStatus.RETRACTED.name()),
                            ":now", s(now.toString()), ":one", n(1), ":version", stored.get("version")))
                    .build()).build());
            writes.add(delete(packageLinkKey(capacityLane, stored.get("rankKey").s())));
            stored.get("loadLaneIds").l().forEach(load -> writes.add(delete(packagePointerKey(load.s(), id))));
            try {
                dynamoDb.transactWriteItems(request -> request.transactItems(writes));
                return true;
            } catch (TransactionCanceledException e) {
                if ((Transactions.conflicted(e) || Transactions.failedAt(e, 0, Transactions.CONDITIONAL_CHECK_FAILED))
                        && attempt < Transactions.ATTEMPTS) {
                    Transactions.backOff(attempt);
                    continue;
                }
                throw new StaleWriteException("package " + id + " could not be retracted: " + Transactions.reasons(e));
            }
        }
    }

    @Override
    public boolean recommend(ReloadPackageId id, Match.Recommendation recommendation) {
        for (int attempt = 1; ; attempt++) {
            var stored = packageItemOf(id);
            if (stored.isEmpty() || !PackageStatus.PROPOSED.name().equals(stored.get("status").s())) {
                return false;
            }
            String change = recommendation == null ? "REMOVE " + RECOMMENDED_AT + ", " + RECOMMENDED_IN
                    : "SET " + RECOMMENDED_AT + " = :at, " + RECOMMENDED_IN + " = :region";
            Map<String, AttributeValue> values = recommendation == null ? Map.of() : Map.of(
                    ":at", s(recommendation.recommendedAt().toString()), ":region", s(recommendation.region().value()));
            Map<String, AttributeValue> packageValues = new java.util.HashMap<>(values);
            packageValues.put(":version", stored.get("version"));
            List<TransactWriteItem> writes = List.of(
                    update(packageKey(id), change, "version = :version", packageValues),
                    update(packageLinkKey(stored.get("capacityLaneId").s(), stored.get("rankKey").s()), change,
                            "attribute_exists(pk)", values));
            try {
                dynamoDb.transactWriteItems(request -> request.transactItems(writes));
                return true;
            } catch (TransactionCanceledException e) {
                if (attempt < Transactions.ATTEMPTS && (Transactions.conflicted(e)
                        || Transactions.failedAt(e, 0, Transactions.CONDITIONAL_CHECK_FAILED))) {
                    Transactions.backOff(attempt);
                    continue;
                }
                return false;
            }
        }
    }

    private TransactWriteItem update(Map<String, AttributeValue> key, String expression, String condition,
            Map<String, AttributeValue> values) {
        var update = Update.builder().tableName(tableName).key(key).updateExpression(expression)
                .conditionExpression(condition);
        if (!values.isEmpty()) {
            update.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }

    @Override
    public void saveRun(PackageRun run) {
        dynamoDb.putItem(request -> request.tableName(tableName).item(packageRunItem(run)));
    }

    @Override
    public Optional<PackageRun> findRun(String capacityLaneId) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName).key(packageRunKey(capacityLaneId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(packageRunFrom(item));
    }

    private Map<String, AttributeValue> packageItemOf(ReloadPackageId id) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName).key(packageKey(id))
                .consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    /** The lane is still OPEN and its time has not passed: a package of it may be stored. */
    private TransactWriteItem laneStillOpen(String laneId, Instant now) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(tableName)
                .key(laneKey(laneId))
                .conditionExpression("#status = :open AND #until > :now")
                .expressionAttributeNames(Map.of("#status", "status", "#until", MATCHABLE_UNTIL))
                .expressionAttributeValues(Map.of(":open", s("OPEN"), ":now", n(now.getEpochSecond())))
                .build()).build();
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item).build()).build();
    }

    private TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(tableName).key(key).build()).build();
    }
}
