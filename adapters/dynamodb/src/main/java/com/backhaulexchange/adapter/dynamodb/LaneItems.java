package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.adapter.dynamodb.AttributeValues.n;
import static com.backhaulexchange.adapter.dynamodb.AttributeValues.s;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.adapter.dynamodb.document.LaneDocument;
import com.backhaulexchange.adapter.dynamodb.document.MatchDocument;
import com.backhaulexchange.adapter.dynamodb.document.MatchRunDocument;
import com.backhaulexchange.adapter.dynamodb.document.OptimisationPlanDocument;
import com.backhaulexchange.adapter.dynamodb.document.PackageDocument;
import com.backhaulexchange.adapter.dynamodb.document.PackageRunDocument;
import com.backhaulexchange.adapter.dynamodb.document.StoredDocument;
import com.backhaulexchange.lane.LaneKind;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.PendingMatchRequest;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.lane.CandidateKeys.CandidateKey;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.MatchRun;
import com.backhaulexchange.matching.MatchStatus;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.matching.OptimisationPlan;
import com.backhaulexchange.matching.chain.PackageMatch;
import com.backhaulexchange.matching.chain.PackageRun;
import com.backhaulexchange.matching.chain.PackageStatus;
import com.backhaulexchange.matching.chain.ReloadPackageId;
import com.backhaulexchange.partner.PartnerId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item layout of LanesTable (documented in infra/table-design.md).
 * <pre>
 * lane:            pk LANE#&lt;laneId&gt;    sk LANE                    gsi1pk OWNER#&lt;partnerId&gt; gsi1sk LANE#&lt;laneId&gt;
 * match run:       pk LANE#&lt;laneId&gt;    sk RUN
 * match link:      pk LANE#&lt;laneId&gt;    sk MATCH#&lt;rankKey&gt;         (one in each of the match's two lanes)
 * candidate entry: pk CANDIDATES#&lt;kind&gt;#&lt;equipment&gt;#&lt;cell&gt;#&lt;day&gt;  sk &lt;laneId&gt;
 * region entry:    pk REGION#&lt;kind&gt;#&lt;precision-2 cell&gt;     sk &lt;laneId&gt;
 * optimiser plan:  pk PLAN#&lt;precision-2 cell&gt;  sk PLAN
 * match:           pk MATCH#&lt;matchId&gt;  sk MATCH
 * package:         pk PACKAGE#&lt;packageId&gt;  sk PACKAGE
 * package link:    pk LANE#&lt;capacityLaneId&gt;  sk PACKAGE#&lt;rankKey&gt;  (the capacity lane's copy, rank order)
 * package pointer: pk LANE#&lt;loadLaneId&gt;  sk IN_PACKAGE#&lt;packageId&gt;  (ids only, one per load)
 * package run:     pk LANE#&lt;capacityLaneId&gt;  sk PACKAGE_RUN
 * outbox entry:    pk OUTBOX#&lt;laneId&gt;  sk OUTBOX                  gsi1pk OUTBOX  gsi1sk &lt;resendDueAt millis&gt;#&lt;laneId&gt;
 * idempotency:     pk IDEMPOTENCY#&lt;hash&gt; sk IDEMPOTENCY           (as in PartnersTable)
 * </pre>
 */
final class LaneItems {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String GSI1 = "gsi1";
    static final String GSI1_PK = "gsi1pk";
    static final String GSI1_SK = "gsi1sk";
    static final String TTL = "expiresAtEpochSeconds";
    static final String MATCHABLE_UNTIL = "matchableUntilEpochSeconds";
    static final String LANE_SK = "LANE";
    static final String RUN_SK = "RUN";
    static final String MATCH_SK = "MATCH";
    static final String MATCH_LINK_PREFIX = "MATCH#";
    static final String PACKAGE_SK = "PACKAGE";
    static final String PACKAGE_LINK_PREFIX = "PACKAGE#";
    static final String PACKAGE_POINTER_PREFIX = "IN_PACKAGE#";
    static final String PACKAGE_RUN_SK = "PACKAGE_RUN";
    static final String OUTBOX_SK = "OUTBOX";
    static final String OUTBOX_PARTITION = "OUTBOX";
    static final String CANDIDATE_INDEX = "candidateIndex";
    static final String RECOMMENDED_AT = "recommendedAt";
    static final String RECOMMENDED_IN = "recommendedInRegion";
    /** Lanes, runs and matches stay readable this long after their lanes stopped being matchable. */
    static final Duration RETENTION_AFTER_MATCHABLE = Duration.ofDays(30);
    /** An outbox entry the sweeper gave up on stays this long for an operator to inspect. */
    static final Duration OUTBOX_RETENTION = Duration.ofDays(7);
    /** The stored documents, maps, each beside its version in {@code <attribute>SchemaVersion}. */
    static final StoredDocument<LaneDocument> LANE = StoredDocument.asMap("lane", LaneDocument.SCHEMA_VERSION,
            LaneDocument.class);
    static final StoredDocument<MatchDocument> MATCH = StoredDocument.asMap("match", MatchDocument.SCHEMA_VERSION,
            MatchDocument.class);
    static final StoredDocument<MatchRunDocument> RUN = StoredDocument.asMap("run", MatchRunDocument.SCHEMA_VERSION,
            MatchRunDocument.class);
    static final StoredDocument<PackageDocument> PACKAGE = StoredDocument.asMap("package",
            PackageDocument.SCHEMA_VERSION, PackageDocument.class);
    static final StoredDocument<PackageRunDocument> PACKAGE_RUN = StoredDocument.asMap("packageRun",
            PackageRunDocument.SCHEMA_VERSION, PackageRunDocument.class);
    static final StoredDocument<OptimisationPlanDocument> PLAN = StoredDocument.asMap("plan",
            OptimisationPlanDocument.SCHEMA_VERSION, OptimisationPlanDocument.class);

    private LaneItems() {
    }

    static String lanePk(String laneId) {
        return "LANE#" + laneId;
    }

    static Map<String, AttributeValue> laneKey(String laneId) {
        return Map.of(PK, s(lanePk(laneId)), SK, s(LANE_SK));
    }

    static Map<String, AttributeValue> runKey(String laneId) {
        return Map.of(PK, s(lanePk(laneId)), SK, s(RUN_SK));
    }

    static String ownerPartition(PartnerId owner) {
        return "OWNER#" + owner.value();
    }

    static String candidatePartition(LaneKind kind, EquipmentType equipment, CandidateKey key) {
        return "CANDIDATES#" + kind.name() + "#" + equipment.name() + "#" + key.value();
    }

    /** Where the batch optimiser finds every lane of a region (see {@link MatchingRegion}). */
    static String regionPartition(LaneKind kind, MatchingRegion region) {
        return "REGION#" + kind.name() + "#" + region.value();
    }

    static Map<String, AttributeValue> planKey(MatchingRegion region) {
        return Map.of(PK, s("PLAN#" + region.value()), SK, s("PLAN"));
    }

    static Map<String, AttributeValue> planItem(OptimisationPlan plan) {
        Map<String, AttributeValue> item = new HashMap<>(planKey(plan.region()));
        item.put("entityType", s("OPTIMISATION_PLAN"));
        PLAN.put(item, OptimisationPlanDocument.of(plan));
        item.put(TTL, n(plan.computedAt().plus(RUN_RETENTION).getEpochSecond()));
        return item;
    }

    static OptimisationPlan planFrom(Map<String, AttributeValue> item) {
        return PLAN.read(item).toPlan();
    }

    static String equipmentOf(PostedLane lane) {
        return switch (lane) {
            case PostedLane.Capacity capacity -> capacity.lane().equipment().name();
            case PostedLane.Load load -> load.lane().equipment().name();
        };
    }

    static Map<String, AttributeValue> matchKey(MatchId id) {
        return Map.of(PK, s("MATCH#" + id.value()), SK, s(MATCH_SK));
    }

    static Map<String, AttributeValue> outboxKey(String laneId) {
        return Map.of(PK, s("OUTBOX#" + laneId), SK, s(OUTBOX_SK));
    }

    /** The outbox sort key: zero-padded epoch milliseconds sort as the instants do. */
    static String outboxSortKey(Instant resendDueAt, String laneId) {
        return String.format(Locale.ROOT, "%013d#%s", resendDueAt.toEpochMilli(), laneId);
    }

    static String outboxSortKeyBound(Instant inclusiveUpperBound) {
        return String.format(Locale.ROOT, "%013d", inclusiveUpperBound.toEpochMilli() + 1);
    }

    /** The attributes a lane and each of its candidate entries carry. */
    private static Map<String, AttributeValue> laneAttributes(PostedLane lane) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("laneId", s(lane.laneId()));
        item.put("kind", s(lane.kind().name()));
        item.put("ownerPartnerId", s(lane.owner().value()));
        item.put("status", s(lane.status().name()));
        item.put("equipment", s(equipmentOf(lane)));
        LANE.put(item, LaneDocument.of(lane));
        item.put("postedAt", s(lane.postedAt().toString()));
        item.put("updatedAt", s(lane.updatedAt().toString()));
        item.put(MATCHABLE_UNTIL, n(lane.matchableUntil().getEpochSecond()));
        return item;
    }

    static Map<String, AttributeValue> laneItem(PostedLane lane, List<String> candidatePartitions) {
        Map<String, AttributeValue> item = laneAttributes(lane);
        item.putAll(laneKey(lane.laneId()));
        item.put("entityType", s("LANE"));
        item.put(GSI1_PK, s(ownerPartition(lane.owner())));
        item.put(GSI1_SK, s("LANE#" + lane.laneId()));
        item.put(CANDIDATE_INDEX, AttributeValue.fromL(candidatePartitions.stream().map(AttributeValues::s).toList()));
        item.put(TTL, n(lane.matchableUntil().plus(RETENTION_AFTER_MATCHABLE).getEpochSecond()));
        return item;
    }

    /**
     * A candidate or region entry. It expires (TTL) when its lane stops being matchable; readers check that
     * time anyway.
     */
    static Map<String, AttributeValue> candidateItem(PostedLane lane, String partition) {
        Map<String, AttributeValue> item = laneAttributes(lane);
        item.put(PK, s(partition));
        item.put(SK, s(lane.laneId()));
        item.put("entityType", s(partition.startsWith("REGION#") ? "REGION_ENTRY" : "CANDIDATE"));
        item.put(TTL, n(lane.matchableUntil().getEpochSecond()));
        return item;
    }

    static PostedLane laneFrom(Map<String, AttributeValue> item) {
        return LANE.read(item, LaneDocument.typeOf(LaneKind.valueOf(item.get("kind").s()))).toLane(
                new LaneDocument.Identity(item.get("laneId").s(), new PartnerId(item.get("ownerPartnerId").s()),
                        LaneStatus.valueOf(item.get("status").s()), Instant.parse(item.get("postedAt").s()),
                        Instant.parse(item.get("updatedAt").s())));
    }

    static List<String> candidatePartitionsOf(Map<String, AttributeValue> laneItem) {
        AttributeValue index = laneItem.get(CANDIDATE_INDEX);
        return index == null || !index.hasL() ? List.of() : index.l().stream().map(AttributeValue::s).toList();
    }

    static Map<String, AttributeValue> outboxItem(PendingMatchRequest request) {
        Map<String, AttributeValue> item = new HashMap<>(outboxKey(request.laneId()));
        item.put("entityType", s("OUTBOX"));
        item.put("laneId", s(request.laneId()));
        item.put("kind", s(request.kind().name()));
        item.put("postedAt", s(request.postedAt().toString()));
        item.put("resendDueAt", s(request.resendDueAt().toString()));
        item.put("sendCount", n(request.sendCount()));
        item.put(GSI1_PK, s(OUTBOX_PARTITION));
        item.put(GSI1_SK, s(outboxSortKey(request.resendDueAt(), request.laneId())));
        item.put(TTL, n(request.postedAt().plus(OUTBOX_RETENTION).getEpochSecond()));
        return item;
    }

    static PendingMatchRequest outboxFrom(Map<String, AttributeValue> item) {
        return new PendingMatchRequest(item.get("laneId").s(), LaneKind.valueOf(item.get("kind").s()),
                Instant.parse(item.get("postedAt").s()), Instant.parse(item.get("resendDueAt").s()),
                Integer.parseInt(item.get("sendCount").n()));
    }

    /**
     * Sorts a lane's matches best first: surplus descending, then empty miles avoided descending (both
     * inverted into fixed-width digits), then the match id, which makes every key unique.
     */
    static String rankKey(Match match) {
        long surplus = Math.max(0, match.score().surplus().amountMinorUnits());
        long emptyMilesAvoidedTenths = Math.max(-99_999_999L, Math.min(99_999_999L,
                Math.round(match.score().emptyMilesAvoided() * 10)));
        return String.format(Locale.ROOT, "%019d#%09d#%s", Long.MAX_VALUE - surplus,
                100_000_000L - emptyMilesAvoidedTenths, match.id().value());
    }

    static Map<String, AttributeValue> matchAttributes(Match match, String rankKey, long version) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("matchId", s(match.id().value()));
        item.put("capacityLaneId", s(match.capacityLaneId().value()));
        item.put("loadLaneId", s(match.loadLaneId().value()));
        item.put("carrierPartnerId", s(match.carrier().value()));
        item.put("shipperPartnerId", s(match.shipper().value()));
        item.put("status", s(match.status().name()));
        item.put("version", n(version));
        item.put("rankKey", s(rankKey));
        MATCH.put(item, MatchDocument.of(match));
        item.put("computedAt", s(match.computedAt().toString()));
        item.put(MATCHABLE_UNTIL, n(match.matchableUntil().getEpochSecond()));
        if (match.retractedAt() != null) {
            item.put("retractedAt", s(match.retractedAt().toString()));
        }
        if (match.recommendation() != null) {
            item.put(RECOMMENDED_AT, s(match.recommendation().recommendedAt().toString()));
            item.put(RECOMMENDED_IN, s(match.recommendation().region().value()));
        }
        item.put(TTL, n(match.matchableUntil().plus(RETENTION_AFTER_MATCHABLE).getEpochSecond()));
        return item;
    }

    static Map<String, AttributeValue> matchItem(Match match, String rankKey, long version) {
        Map<String, AttributeValue> item = matchAttributes(match, rankKey, version);
        item.putAll(matchKey(match.id()));
        item.put("entityType", s("MATCH"));
        return item;
    }

    /** The copy of a match listed under one of its lanes, so that a lane's matches are one Query. */
    static Map<String, AttributeValue> matchLinkItem(Match match, String laneId, String rankKey, long version) {
        Map<String, AttributeValue> item = matchAttributes(match, rankKey, version);
        item.put(PK, s(lanePk(laneId)));
        item.put(SK, s(MATCH_LINK_PREFIX + rankKey));
        item.put("entityType", s("MATCH_LINK"));
        return item;
    }

    static Map<String, AttributeValue> matchLinkKey(String laneId, String rankKey) {
        return Map.of(PK, s(lanePk(laneId)), SK, s(MATCH_LINK_PREFIX + rankKey));
    }

    static Match matchFrom(Map<String, AttributeValue> item) {
        return MATCH.read(item).toMatch(MatchStatus.valueOf(item.get("status").s()),
                item.containsKey("retractedAt") ? Instant.parse(item.get("retractedAt").s()) : null,
                recommendationOf(item));
    }

    static Match.Recommendation recommendationOf(Map<String, AttributeValue> item) {
        return item.containsKey(RECOMMENDED_AT)
                ? new Match.Recommendation(Instant.parse(item.get(RECOMMENDED_AT).s()),
                        MatchingRegion.parse(item.get(RECOMMENDED_IN).s()))
                : null;
    }

    /** A run outlives any lane it can describe: lanes span at most 14 days, then stay 30 days. */
    static final Duration RUN_RETENTION = Duration.ofDays(45);

    static Map<String, AttributeValue> runItem(MatchRun run) {
        Map<String, AttributeValue> item = new HashMap<>(runKey(run.laneId()));
        item.put("entityType", s("MATCH_RUN"));
        item.put("laneId", s(run.laneId()));
        RUN.put(item, MatchRunDocument.of(run));
        item.put("computedAt", s(run.computedAt().toString()));
        item.put(TTL, n(run.computedAt().plus(RUN_RETENTION).getEpochSecond()));
        return item;
    }

    static MatchRun runFrom(Map<String, AttributeValue> item) {
        return RUN.read(item).toRun();
    }

    // ---- reload packages (ADR 25)

    static Map<String, AttributeValue> packageKey(ReloadPackageId id) {
        return Map.of(PK, s("PACKAGE#" + id.value()), SK, s(PACKAGE_SK));
    }

    static Map<String, AttributeValue> packageLinkKey(String capacityLaneId, String rankKey) {
        return Map.of(PK, s(lanePk(capacityLaneId)), SK, s(PACKAGE_LINK_PREFIX + rankKey));
    }

    static Map<String, AttributeValue> packagePointerKey(String loadLaneId, ReloadPackageId id) {
        return Map.of(PK, s(lanePk(loadLaneId)), SK, s(PACKAGE_POINTER_PREFIX + id.value()));
    }

    static Map<String, AttributeValue> packageRunKey(String capacityLaneId) {
        return Map.of(PK, s(lanePk(capacityLaneId)), SK, s(PACKAGE_RUN_SK));
    }

    /** A package's rank among its lane's packages: as a match's, {@link #rankKey(Match)}, with the package id. */
    static String rankKey(PackageMatch found) {
        long surplus = Math.max(0, found.score().surplus().amountMinorUnits());
        long emptyMilesAvoidedTenths = Math.max(-99_999_999L, Math.min(99_999_999L,
                Math.round(found.score().emptyMilesAvoided() * 10)));
        return String.format(Locale.ROOT, "%019d#%09d#%s", Long.MAX_VALUE - surplus,
                100_000_000L - emptyMilesAvoidedTenths, found.id().value());
    }

    private static Map<String, AttributeValue> packageAttributes(PackageMatch found, String rankKey, long version) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("packageId", s(found.id().value()));
        item.put("capacityLaneId", s(found.capacityLaneId().value()));
        item.put("loadLaneIds", AttributeValue.fromL(found.loadLaneIds().stream()
                .map(id -> s(id.value())).toList()));
        item.put("carrierPartnerId", s(found.carrier().value()));
        item.put("status", s(found.status().name()));
        item.put("version", n(version));
        item.put("rankKey", s(rankKey));
        PACKAGE.put(item, PackageDocument.of(found));
        item.put("computedAt", s(found.computedAt().toString()));
        item.put(MATCHABLE_UNTIL, n(found.matchableUntil().getEpochSecond()));
        if (found.retractedAt() != null) {
            item.put("retractedAt", s(found.retractedAt().toString()));
        }
        if (found.recommendation() != null) {
            item.put(RECOMMENDED_AT, s(found.recommendation().recommendedAt().toString()));
            item.put(RECOMMENDED_IN, s(found.recommendation().region().value()));
        }
        item.put(TTL, n(found.matchableUntil().plus(RETENTION_AFTER_MATCHABLE).getEpochSecond()));
        return item;
    }

    static Map<String, AttributeValue> packageItem(PackageMatch found, String rankKey, long version) {
        Map<String, AttributeValue> item = packageAttributes(found, rankKey, version);
        item.putAll(packageKey(found.id()));
        item.put("entityType", s("PACKAGE"));
        return item;
    }

    /** The capacity lane's copy of a package, so that the lane's packages are one Query in rank order. */
    static Map<String, AttributeValue> packageLinkItem(PackageMatch found, String rankKey, long version) {
        Map<String, AttributeValue> item = packageAttributes(found, rankKey, version);
        item.putAll(packageLinkKey(found.capacityLaneId().value(), rankKey));
        item.put("entityType", s("PACKAGE_LINK"));
        return item;
    }

    /** Under each load: which package it is in, so that withdrawing the load retracts the package. Ids only. */
    static Map<String, AttributeValue> packagePointerItem(PackageMatch found, String loadLaneId) {
        Map<String, AttributeValue> item = new HashMap<>(packagePointerKey(loadLaneId, found.id()));
        item.put("entityType", s("PACKAGE_POINTER"));
        item.put("packageId", s(found.id().value()));
        item.put("capacityLaneId", s(found.capacityLaneId().value()));
        item.put(TTL, n(found.matchableUntil().plus(RETENTION_AFTER_MATCHABLE).getEpochSecond()));
        return item;
    }

    static PackageMatch packageFrom(Map<String, AttributeValue> item) {
        return PACKAGE.read(item).toPackage(PackageStatus.valueOf(item.get("status").s()),
                item.containsKey("retractedAt") ? Instant.parse(item.get("retractedAt").s()) : null)
                .withRecommendation(recommendationOf(item));
    }

    static Map<String, AttributeValue> packageRunItem(PackageRun run) {
        Map<String, AttributeValue> item = new HashMap<>(packageRunKey(run.laneId()));
        item.put("entityType", s("PACKAGE_RUN"));
        item.put("laneId", s(run.laneId()));
        PACKAGE_RUN.put(item, PackageRunDocument.of(run));
        item.put("computedAt", s(run.computedAt().toString()));
        item.put(TTL, n(run.computedAt().plus(RUN_RETENTION).getEpochSecond()));
        return item;
    }

    static PackageRun packageRunFrom(Map<String, AttributeValue> item) {
        return PACKAGE_RUN.read(item).toRun();
    }
}
