package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.adapter.dynamodb.AttributeValues.n;
import static com.backhaulexchange.adapter.dynamodb.AttributeValues.s;
import static com.backhaulexchange.adapter.dynamodb.LaneItems.*;

import com.backhaulexchange.deal.network.NetworkActivity;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.MatchRepository;
import com.backhaulexchange.matching.MatchRun;
import com.backhaulexchange.matching.MatchStatus;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.matching.OptimisationPlan;
import com.backhaulexchange.matching.PlannedOption;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import java.time.Instant;
import java.util.ArrayList;
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
 * Matches in LanesTable: the match item (read by id) and a copy under each of its two lanes, sorted by rank,
 * so that a lane's matches are one Query in rank order. Match and copies change in one transaction that
 * also checks both lanes are still open: a lane's status change and a match of it are serialised on the lane
 * item, so a match is never stored after its lane was withdrawn (see infra/table-design.md).
 */
public final class DynamoDbMatchRepository implements MatchRepository {
    /** On a lane item: when its first match was stored (ADR 41), so the network counts it once. */
    static final String FIRST_MATCHED_AT = "firstMatchedAt";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    /** AnalyticsTable, for the network counters (ADR 41); null in a function that writes none. */
    private final String analyticsTableName;
    /** AnalyticsTable, for the plan's figures of each stored plan (ADR 48); null when none are written. */
    private final String planAnalyticsTableName;

    public DynamoDbMatchRepository(DynamoDbClient dynamoDb, String tableName) {
        this(dynamoDb, tableName, null);
    }

    /**
     * A repository whose new matches also count each lane's first match in the network counters of
     * {@code analyticsTableName} (ADR 41).
     */
    public DynamoDbMatchRepository(DynamoDbClient dynamoDb, String tableName, String analyticsTableName) {
        this(dynamoDb, tableName, analyticsTableName, null);
    }

    private DynamoDbMatchRepository(DynamoDbClient dynamoDb, String tableName, String analyticsTableName,
            String planAnalyticsTableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.analyticsTableName = analyticsTableName;
        this.planAnalyticsTableName = planAnalyticsTableName;
    }

    /**
     * This repository, storing each plan together with its week's plan figures in the network counters of
     * {@code planAnalyticsTableName}, in one transaction (ADR 48). New matches count first matches only as
     * before.
     */
    public DynamoDbMatchRepository countingPlansIn(String planAnalyticsTableName) {
        return new DynamoDbMatchRepository(dynamoDb, tableName, analyticsTableName, planAnalyticsTableName);
    }

    @Override
    public boolean save(Match match, Instant now) {
        String rankKey = rankKey(match);
        String capacityLane = match.capacityLaneId().value();
        String loadLane = match.loadLaneId().value();
        for (int attempt = 1; ; attempt++) {
            var stored = matchItemOf(match.id());
            if (!stored.isEmpty() && MatchStatus.RETRACTED.name().equals(stored.get("status").s())) {
                return false;
            }
            long version = stored.isEmpty() ? 0 : Long.parseLong(stored.get("version").n());
            String storedRankKey = stored.isEmpty() ? null : stored.get("rankKey").s();
            // A recomputation keeps the optimiser's recommendation: only the optimiser changes it.
            Match toStore = match.recommendation() == null && !stored.isEmpty()
                    ? match.withRecommendation(recommendationOf(stored)) : match;
            List<TransactWriteItem> writes = new ArrayList<>();
            // A lane's first match is counted once (ADR 41): its item is marked in the same transaction, on the
            // condition that no match marked it before.
            List<PostedLane> firstMatched = stored.isEmpty() && analyticsTableName != null
                    ? unmatchedLanes(capacityLane, loadLane) : List.of();
            for (String laneId : List.of(capacityLane, loadLane)) {
                var first = firstMatched.stream().filter(lane -> lane.laneId().equals(laneId)).findFirst();
                writes.add(first.isPresent() ? laneOpenAndFirstMatched(laneId, now) : laneStillOpen(laneId, now));
            }
            var matchPut = Put.builder().tableName(tableName).item(matchItem(toStore, rankKey, version + 1));
            if (stored.isEmpty()) {
                matchPut.conditionExpression("attribute_not_exists(pk)");
            } else {
                matchPut.conditionExpression("version = :version").expressionAttributeValues(Map.of(":version",
                        n(version)));
            }
            writes.add(TransactWriteItem.builder().put(matchPut.build()).build());
            if (storedRankKey != null && !storedRankKey.equals(rankKey)) {
                writes.add(delete(matchLinkKey(capacityLane, storedRankKey)));
                writes.add(delete(matchLinkKey(loadLane, storedRankKey)));
            }
            writes.add(put(matchLinkItem(toStore, capacityLane, rankKey, version + 1)));
            writes.add(put(matchLinkItem(toStore, loadLane, rankKey, version + 1)));
            NetworkItems.writes(analyticsTableName, firstMatched.stream()
                    .map(lane -> NetworkActivity.firstMatched(lane, now)).toList()).forEach(writes::add);
            try {
                dynamoDb.transactWriteItems(request -> request.transactItems(writes));
                return true;
            } catch (TransactionCanceledException e) {
                boolean laneFailed = Transactions.failedAt(e, 0, Transactions.CONDITIONAL_CHECK_FAILED)
                        || Transactions.failedAt(e, 1, Transactions.CONDITIONAL_CHECK_FAILED);
                if (laneFailed && !firstMatched.isEmpty() && attempt < Transactions.ATTEMPTS) {
                    continue; // another match marked the lane first: read again, and count nothing this time
                }
                if (laneFailed) {
                    return false;
                }
                boolean raced = Transactions.conflicted(e)
                        || Transactions.failedAt(e, 2, Transactions.CONDITIONAL_CHECK_FAILED);
                if (raced && attempt < Transactions.ATTEMPTS) {
                    Transactions.backOff(attempt);
                    continue;
                }
                throw new StaleWriteException("match " + match.id() + " could not be stored: "
                        + Transactions.reasons(e));
            }
        }
    }

    @Override
    public Optional<Match> find(MatchId id) {
        var item = matchItemOf(id);
        return item.isEmpty() ? Optional.empty() : Optional.of(matchFrom(item));
    }

    @Override
    public Page<Match> rankedForLane(String laneId, Instant now, int limit, String cursor) {
        String partition = lanePk(laneId);
        QueryRequest query = QueryRequest.builder().tableName(tableName).consistentRead(true)
                .keyConditionExpression("pk = :lane AND begins_with(sk, :links)")
                .expressionAttributeValues(Map.of(":lane", s(partition), ":links", s(MATCH_LINK_PREFIX)))
                .build();
        var start = PageCursors.decode(cursor, Set.of(PK, SK), PK, partition);
        long nowEpochSeconds = now.getEpochSecond();
        return FilteredPages.page(dynamoDb, query, start,
                item -> MatchStatus.PROPOSED.name().equals(item.get("status").s())
                        && Long.parseLong(item.get(MATCHABLE_UNTIL).n()) > nowEpochSeconds,
                LaneItems::matchFrom, limit, List.of(PK, SK));
    }

    @Override
    public int retractAllOf(String laneId, Instant now) {
        List<Map<String, AttributeValue>> links = new ArrayList<>();
        dynamoDb.queryPaginator(request -> request.tableName(tableName).consistentRead(true)
                        .keyConditionExpression("pk = :lane AND begins_with(sk, :links)")
                        .expressionAttributeValues(Map.of(":lane", s(lanePk(laneId)), ":links",
                                s(MATCH_LINK_PREFIX))))
                .items().forEach(links::add);
        int retracted = 0;
        for (var link : links) {
            retract(link, now);
            retracted++;
        }
        return retracted;
    }

    /** The match becomes RETRACTED for both parties and leaves both lanes' listings, in one transaction. */
    private void retract(Map<String, AttributeValue> link, Instant now) {
        String rankKey = link.get("rankKey").s();
        var matchId = new MatchId(link.get("matchId").s());
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().update(Update.builder().tableName(tableName).key(matchKey(matchId))
                        .updateExpression("SET #status = :retracted, retractedAt = :now, version = version + :one")
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":retracted", s(MatchStatus.RETRACTED.name()),
                                ":now", s(now.toString()), ":one", n(1)))
                        .build()).build(),
                delete(matchLinkKey(link.get("capacityLaneId").s(), rankKey)),
                delete(matchLinkKey(link.get("loadLaneId").s(), rankKey)));
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(request -> request.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                if (Transactions.conflicted(e) && attempt < Transactions.ATTEMPTS) {
                    Transactions.backOff(attempt);
                    continue;
                }
                throw new StaleWriteException("match " + matchId + " could not be retracted: "
                        + Transactions.reasons(e));
            }
        }
    }

    @Override
    public void saveRun(MatchRun run) {
        dynamoDb.putItem(request -> request.tableName(tableName).item(runItem(run)));
    }

    @Override
    public Optional<MatchRun> findRun(String laneId) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName).key(runKey(laneId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(runFrom(item));
    }

    @Override
    public boolean recommend(MatchId id, Match.Recommendation recommendation) {
        for (int attempt = 1; ; attempt++) {
            var stored = matchItemOf(id);
            if (stored.isEmpty() || !MatchStatus.PROPOSED.name().equals(stored.get("status").s())) {
                return false;
            }
            String rankKey = stored.get("rankKey").s();
            long version = Long.parseLong(stored.get("version").n());
            String change = recommendation == null ? "REMOVE " + RECOMMENDED_AT + ", " + RECOMMENDED_IN
                    : "SET " + RECOMMENDED_AT + " = :at, " + RECOMMENDED_IN + " = :region";
            Map<String, AttributeValue> values = recommendation == null ? Map.of() : Map.of(
                    ":at", s(recommendation.recommendedAt().toString()), ":region", s(recommendation.region().value()));
            Map<String, AttributeValue> matchValues = new java.util.HashMap<>(values);
            matchValues.put(":version", n(version));
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(update(matchKey(id), change, "version = :version", matchValues));
            for (String lane : List.of(stored.get("capacityLaneId").s(), stored.get("loadLaneId").s())) {
                writes.add(update(matchLinkKey(lane, rankKey), change, "attribute_exists(pk)", values));
            }
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

    @Override
    public void savePlan(OptimisationPlan plan) {
        dynamoDb.putItem(request -> request.tableName(tableName).item(planItem(plan)));
    }

    /** The plan and its figures in one transaction, so a stored plan is counted exactly once (ADR 48). */
    @Override
    public void savePlan(OptimisationPlan plan, List<PlannedOption> newlyRecommended) {
        if (planAnalyticsTableName == null) {
            savePlan(plan);
            return;
        }
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(planItem(plan)).build())
                        .build(),
                NetworkItems.write(planAnalyticsTableName,
                        NetworkActivity.planned(plan.region(), plan.computedAt(), newlyRecommended)));
        dynamoDb.transactWriteItems(request -> request.transactItems(writes));
    }

    @Override
    public Optional<OptimisationPlan> findPlan(MatchingRegion region) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName).key(planKey(region))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(planFrom(item));
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

    private Map<String, AttributeValue> matchItemOf(MatchId id) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName).key(matchKey(id))
                .consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    /** The lane is still OPEN and its time has not passed: a match of it may be stored. */
    /**
     * The lanes of a new match that no match has marked yet, as stored. A lane that is not OPEN is left out
     * unread: the match's condition on it fails anyway, and its item need not be readable by this release.
     */
    private List<PostedLane> unmatchedLanes(String... laneIds) {
        List<PostedLane> lanes = new ArrayList<>();
        for (String laneId : laneIds) {
            var item = dynamoDb.getItem(request -> request.tableName(tableName).key(laneKey(laneId))
                    .consistentRead(true)).item();
            if (item != null && !item.isEmpty() && !item.containsKey(FIRST_MATCHED_AT) && item.containsKey("status")
                    && "OPEN".equals(item.get("status").s())) {
                lanes.add(laneFrom(item));
            }
        }
        return lanes;
    }

    private TransactWriteItem laneOpenAndFirstMatched(String laneId, Instant now) {
        return TransactWriteItem.builder().update(Update.builder().tableName(tableName).key(laneKey(laneId))
                .updateExpression("SET #first = :now")
                .conditionExpression("#status = :open AND #until > :nowSeconds AND attribute_not_exists(#first)")
                .expressionAttributeNames(Map.of("#status", "status", "#until", MATCHABLE_UNTIL,
                        "#first", FIRST_MATCHED_AT))
                .expressionAttributeValues(Map.of(":open", s("OPEN"), ":nowSeconds", n(now.getEpochSecond()),
                        ":now", s(now.toString())))
                .build()).build();
    }

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
