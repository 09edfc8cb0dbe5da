package com.backhaulexchange.adapter.dynamodb;

import com.backhaulexchange.kernel.geo.Coordinates;

import static com.backhaulexchange.lane.LaneExamples.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.emissions.FleetFuelEconomy;
import com.backhaulexchange.emissions.Fuel;
import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.kernel.idempotency.IdempotencyConflictException;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.lane.PendingMatchRequest;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.lane.CandidateKeys;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchEvaluation;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.MatchRun;
import com.backhaulexchange.matching.MatchStatus;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.matching.OptimisationPlan;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.kernel.persistence.InvalidCursorException;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.partner.PartnerExamples;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What {@link DynamoDbLaneRepository} and {@link DynamoDbMatchRepository} promise, whatever DynamoDB they
 * talk to: DynamoDB Local (always), LocalStack (where Docker runs), real AWS (on request). Each test posts
 * lanes with fresh ids, so tests share one LanesTable per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LaneRepositoryContract {
    private static final Money COST_PER_MILE = Money.of(226, "USD");
    private static final Duration RESEND_AFTER = Duration.ofMinutes(2);
    private static final CandidateKeys KEYS = new CandidateKeys(GeoCellScheme.DEFAULT, RoadDistanceModel.DEFAULT);
    /** Ids a millisecond apart, so that lanes list in the order the test posts them. */
    private final Ulid ids = new Ulid(new TickingClock(), new SecureRandom());

    private static final class TickingClock extends Clock {
        private final java.util.concurrent.atomic.AtomicLong millis = new java.util.concurrent.atomic.AtomicLong(
                NOW.toEpochMilli());

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.incrementAndGet());
        }
    }

    private DynamoDbClient dynamoDb;
    private String tableName;
    private DynamoDbLaneRepository lanes;
    private DynamoDbMatchRepository matches;

    protected abstract DynamoDbClient dynamoDb();

    /** Creates an empty LanesTable as template.yaml declares it and returns its name. */
    protected abstract String createLanesTable(DynamoDbClient dynamoDb);

    protected void deleteTable(DynamoDbClient dynamoDb, String tableName) {
        // in-memory and container tables vanish with their server
    }

    @BeforeAll
    void createTable() {
        dynamoDb = dynamoDb();
        tableName = createLanesTable(dynamoDb);
        lanes = new DynamoDbLaneRepository(dynamoDb, tableName);
        matches = new DynamoDbMatchRepository(dynamoDb, tableName);
    }

    @AfterAll
    void dropTable() {
        deleteTable(dynamoDb, tableName);
    }

    private PostedLane.Capacity capacity(PartnerId carrier) {
        CapacityLane base = LaneExamples.capacityBuilder().id(new CapacityLaneId(ids.next())).build();
        return new PostedLane.Capacity(new CapacityLane(base.id(), carrier, base.emptyAt(), base.mustEndAt(),
                base.availableFrom(), base.mustArriveBy(), base.equipment(), base.weightCapacityLbs(),
                base.palletCapacity(), base.maxOriginDeadheadMiles(), base.maxDestinationDeadheadMiles(),
                base.minimumRatePerLoadedMile(), base.status()), NOW, NOW);
    }

    private PostedLane.Capacity capacity() {
        return capacity(PartnerExamples.newPartnerId());
    }

    private PostedLane.Load load(PartnerId shipper, EquipmentType equipment) {
        LoadLane base = LaneExamples.loadBuilder().id(new LoadLaneId(ids.next())).equipment(equipment).build();
        return new PostedLane.Load(new LoadLane(base.id(), shipper, base.origin(), base.destination(),
                base.pickupWindow(), base.deliveryWindow(), base.weightLbs(), base.pallets(), base.equipment(),
                base.commodity(), base.budget(), base.status()), NOW, NOW);
    }

    private PostedLane.Load loadFrom(Place origin, EquipmentType equipment) {
        PostedLane.Load base = load(PartnerExamples.newPartnerId(), equipment);
        LoadLane lane = base.lane();
        return new PostedLane.Load(new LoadLane(lane.id(), lane.shipper(), origin, LaneExamples.northOfOrigin(700),
                lane.pickupWindow(), lane.deliveryWindow(), lane.weightLbs(), lane.pallets(), lane.equipment(),
                lane.commodity(), lane.budget(), lane.status()), NOW, NOW);
    }

    private PostedLane.Load load() {
        return load(PartnerExamples.newPartnerId(), EquipmentType.DRY_VAN);
    }

    private PostedLane post(PostedLane lane) {
        lanes.post(lane, indexKeys(lane), PendingMatchRequest.forNewLane(lane, RESEND_AFTER), null);
        return lane;
    }

    private static List<CandidateKeys.CandidateKey> indexKeys(PostedLane lane) {
        return switch (lane) {
            case PostedLane.Capacity capacity -> KEYS.capacityIndexKeys(capacity.lane());
            case PostedLane.Load load -> KEYS.loadIndexKeys(load.lane());
        };
    }

    private int itemsInPartition(String pk) {
        return dynamoDb.query(request -> request.tableName(tableName).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).count();
    }

    @Nested
    class Lanes {
        @Test
        void aPostedLaneReadsBackAsItWasPosted() {
            var capacity = post(capacity());
            var load = post(load());

            assertThat(lanes.findLane(capacity.laneId())).contains(capacity);
            assertThat(lanes.findLane(load.laneId())).contains(load);
            assertThat(lanes.findLane(ids.next())).isEmpty();
        }

        @Test
        void aLaneKeepsTheFleetFuelEconomyItWasPostedWithAndSoDoItsMatches() {
            var fleet = FleetFuelEconomy.byLoad(Fuel.DIESEL, 7.4, 5.6);
            var base = capacity();
            var capacity = (PostedLane.Capacity) post(new PostedLane.Capacity(
                    base.lane().withFleetFuelEconomy(fleet), base.postedAt(), base.updatedAt()));
            var load = (PostedLane.Load) post(load());

            assertThat(lanes.findLane(capacity.laneId())).contains(capacity);
            assertThat(lanes.findLanes(List.of(capacity.laneId())).get(capacity.laneId())).isEqualTo(capacity);
            var evaluation = MatchEvaluator.evaluate(capacity.lane(), COST_PER_MILE, load.lane(), MatchingConfig.DEFAULT);
            var match = Match.proposed(capacity, load, (MatchEvaluation.Feasible) evaluation, NOW);
            assertThat(matches.save(match, NOW)).isTrue();
            assertThat(matches.find(match.id())).hasValueSatisfying(stored -> {
                assertThat(stored.explanation().co2eAvoided()).isEqualTo(match.explanation().co2eAvoided());
                assertThat(stored.explanation().co2eAvoided().fleetFuelEconomy()).isEqualTo(fleet);
            });
        }

        @Test
        void manyLanesReadInBatchesByIdAndUnknownIdsAreLeftOut() {
            List<PostedLane> posted = new ArrayList<>();
            for (int i = 0; i < 105; i++) {
                posted.add(post(i % 3 == 0 ? capacity() : load()));
            }
            List<String> wanted = new ArrayList<>(posted.stream().map(PostedLane::laneId).toList());
            wanted.add(ids.next());
            wanted.add(posted.getFirst().laneId());

            var found = lanes.findLanes(wanted);

            assertThat(found).hasSize(105);
            posted.forEach(lane -> assertThat(found.get(lane.laneId())).isEqualTo(lane));
            assertThat(lanes.findLanes(List.of())).isEmpty();
        }

        @Test
        void postingWritesOneCandidateEntryPerIndexKeyAndThePendingMatchRequest() {
            var load = (PostedLane.Load) post(load());

            var keys = KEYS.loadIndexKeys(load.lane());
            assertThat(keys).hasSizeGreaterThan(0);
            for (var key : keys) {
                assertThat(itemsInPartition("CANDIDATES#LOAD#DRY_VAN#" + key.value())).isPositive();
            }
            assertThat(lanes.pendingMatchRequest(load.laneId())).hasValueSatisfying(request -> {
                assertThat(request.kind()).isEqualTo(load.kind());
                assertThat(request.resendDueAt()).isEqualTo(NOW.plus(RESEND_AFTER));
                assertThat(request.sendCount()).isZero();
            });
        }

        @Test
        void aPostingWhoseIdempotencyRecordIsTakenWritesNothing() {
            var record = new IdempotencyRecord("record-" + ids.next(), "fingerprint", "sealed", NOW,
                    NOW.plus(Duration.ofHours(24)));
            var first = load();
            lanes.post(first, indexKeys(first), PendingMatchRequest.forNewLane(first, RESEND_AFTER), record);
            var second = load();

            assertThatThrownBy(() -> lanes.post(second, indexKeys(second),
                    PendingMatchRequest.forNewLane(second, RESEND_AFTER), record))
                    .isInstanceOf(IdempotencyConflictException.class);
            assertThat(lanes.findLane(second.laneId())).isEmpty();
            assertThat(lanes.pendingMatchRequest(second.laneId())).isEmpty();
            assertThat(lanes.find(record.recordId())).contains(record);
        }

        @Test
        void anOwnerListsItsOwnLanesNewestFirstInPages() {
            var owner = PartnerExamples.newPartnerId();
            List<String> posted = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                posted.add(post(i % 2 == 0 ? capacity(owner) : load(owner, EquipmentType.REEFER)).laneId());
            }
            post(capacity());

            List<String> listed = new ArrayList<>();
            Page<PostedLane> page = lanes.listOwnedBy(owner, null, NOW, 2, null);
            int pages = 1;
            listed.addAll(page.items().stream().map(PostedLane::laneId).toList());
            while (page.nextCursor() != null) {
                page = lanes.listOwnedBy(owner, null, NOW, 2, page.nextCursor());
                listed.addAll(page.items().stream().map(PostedLane::laneId).toList());
                pages++;
            }

            assertThat(listed).isEqualTo(posted.reversed());
            assertThat(pages).isEqualTo(3);
        }

        @Test
        void theStatusFilterUsesTheStatusAtTheTimeOfReading() {
            var owner = PartnerExamples.newPartnerId();
            var load = post(load(owner, EquipmentType.DRY_VAN));
            var capacity = post(capacity(owner));
            var withdrawn = post(capacity(owner));
            lanes.changeStatus(withdrawn.withStatus(LaneStatus.WITHDRAWN, NOW), LaneStatus.OPEN);
            Instant afterLoadPickupClosed = load.matchableUntil().plusSeconds(1);

            assertThat(lanes.listOwnedBy(owner, LaneStatus.OPEN, NOW, 10, null).items())
                    .extracting(PostedLane::laneId).containsExactly(capacity.laneId(), load.laneId());
            assertThat(lanes.listOwnedBy(owner, LaneStatus.OPEN, afterLoadPickupClosed, 10, null).items())
                    .extracting(PostedLane::laneId).containsExactly(capacity.laneId());
            assertThat(lanes.listOwnedBy(owner, LaneStatus.EXPIRED, afterLoadPickupClosed, 10, null).items())
                    .extracting(PostedLane::laneId).containsExactly(load.laneId());
            assertThat(lanes.listOwnedBy(owner, LaneStatus.WITHDRAWN, NOW, 10, null).items())
                    .extracting(PostedLane::laneId).containsExactly(withdrawn.laneId());
        }

        @Test
        void aFilteredPageIsFullAndItsCursorContinuesAfterTheLastLaneShown() {
            var owner = PartnerExamples.newPartnerId();
            List<String> open = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                var lane = post(capacity(owner));
                if (i % 2 == 0) {
                    lanes.changeStatus(lane.withStatus(LaneStatus.WITHDRAWN, NOW), LaneStatus.OPEN);
                } else {
                    open.add(lane.laneId());
                }
            }

            var first = lanes.listOwnedBy(owner, LaneStatus.OPEN, NOW, 2, null);
            var second = lanes.listOwnedBy(owner, LaneStatus.OPEN, NOW, 2, first.nextCursor());

            assertThat(first.items()).extracting(PostedLane::laneId).containsExactlyElementsOf(
                    open.reversed().subList(0, 2));
            assertThat(second.items()).extracting(PostedLane::laneId).containsExactly(open.get(0));
            assertThat(second.nextCursor()).isNull();
        }

        @Test
        void aCursorOfAnotherOwnersListingIsRefused() {
            var owner = PartnerExamples.newPartnerId();
            post(capacity(owner));
            post(capacity(owner));
            String cursor = lanes.listOwnedBy(owner, null, NOW, 1, null).nextCursor();

            assertThat(cursor).isNotNull();
            assertThatThrownBy(() -> lanes.listOwnedBy(PartnerExamples.newPartnerId(), null, NOW, 1, cursor))
                    .isInstanceOf(InvalidCursorException.class);
        }

        @Test
        void withdrawingRemovesTheLaneFromTheCandidateIndexAndNeedsTheExpectedStatus() {
            var load = (PostedLane.Load) post(load());
            var keys = KEYS.loadIndexKeys(load.lane());
            assertThat(lanes.loads(keys, Set.of(EquipmentType.DRY_VAN)).lanes()).extracting(PostedLane::laneId)
                    .contains(load.laneId());

            var withdrawn = load.withStatus(LaneStatus.WITHDRAWN, NOW.plusSeconds(60));
            lanes.changeStatus(withdrawn, LaneStatus.OPEN);

            assertThat(lanes.findLane(load.laneId())).contains(withdrawn);
            assertThat(lanes.loads(keys, Set.of(EquipmentType.DRY_VAN)).lanes()).extracting(PostedLane::laneId)
                    .doesNotContain(load.laneId());
            assertThatThrownBy(() -> lanes.changeStatus(withdrawn, LaneStatus.OPEN))
                    .isInstanceOf(StaleWriteException.class);
        }
    }

    @Nested
    class Candidates {
        @Test
        void aSearchReadsEveryLaneIndexedUnderItsKeysAndEquipmentOnceAndNothingElse() {
            var dryVan = (PostedLane.Load) post(load(PartnerExamples.newPartnerId(), EquipmentType.DRY_VAN));
            var reefer = (PostedLane.Load) post(load(PartnerExamples.newPartnerId(), EquipmentType.REEFER));
            var flatbed = (PostedLane.Load) post(load(PartnerExamples.newPartnerId(), EquipmentType.FLATBED));
            var truck = (PostedLane.Capacity) post(capacity());
            var keys = KEYS.loadsNear(truck.lane());

            var found = lanes.loads(keys, Set.of(EquipmentType.DRY_VAN, EquipmentType.REEFER));

            assertThat(found.lanes()).extracting(PostedLane::laneId)
                    .contains(dryVan.laneId(), reefer.laneId())
                    .doesNotContain(flatbed.laneId(), truck.laneId())
                    .doesNotHaveDuplicates();
            assertThat(found.lanes()).filteredOn(lane -> lane.laneId().equals(dryVan.laneId())).singleElement()
                    .isEqualTo(dryVan);
            assertThat(found.queries()).isEqualTo(Set.copyOf(keys).size() * 2);
            assertThat(found.entriesRead()).isGreaterThanOrEqualTo(found.lanes().size());
        }

        @Test
        void aLaneIndexedUnderSeveralDaysIsReturnedOnce() {
            var truck = (PostedLane.Capacity) post(capacity());
            var load = (PostedLane.Load) post(load());
            var keys = KEYS.capacitiesNear(load.lane(), 300);

            var found = lanes.capacities(keys, Set.of(EquipmentType.DRY_VAN));

            assertThat(KEYS.capacityIndexKeys(truck.lane())).hasSizeGreaterThan(1);
            assertThat(found.lanes()).extracting(PostedLane::laneId).containsOnlyOnce(truck.laneId());
        }
        @Test
        void aBudgetedSearchReadsTheNearestCellFirstAndSaysWhenItStoppedShort() {
            // Step-deck loads only here, so the other tests' lanes in these cells do not count.
            List<String> near = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                near.add(post(loadFrom(LaneExamples.northOfOrigin(0), EquipmentType.STEP_DECK)).laneId());
            }
            List<String> far = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                far.add(post(loadFrom(LaneExamples.northOfOrigin(140), EquipmentType.STEP_DECK)).laneId());
            }
            var truck = LaneExamples.capacityBuilder().equipment(EquipmentType.STEP_DECK).deadheadLimits(200, 150)
                    .build();
            var keys = KEYS.loadsNear(truck);
            var stepDeck = Set.of(EquipmentType.STEP_DECK);

            var tight = lanes.loads(keys, stepDeck, 5);
            var roomy = lanes.loads(keys, stepDeck, 1_000);
            var unlimited = lanes.loads(keys, stepDeck);

            assertThat(tight.complete()).isFalse();
            assertThat(tight.entriesRead()).isEqualTo(5);
            assertThat(tight.lanes()).extracting(PostedLane::laneId).hasSize(5).isSubsetOf(near);
            assertThat(roomy.complete()).isTrue();
            assertThat(roomy.lanes()).extracting(PostedLane::laneId).containsExactlyInAnyOrderElementsOf(
                    concat(near, far));
            assertThat(unlimited.complete()).isTrue();
            assertThat(unlimited.lanes()).extracting(PostedLane::laneId).containsExactlyInAnyOrderElementsOf(
                    concat(near, far));
        }

        @Test
        void aBudgetSpentInTheNearestCellStillReadsAllOfItBeforeGoingFarther() {
            List<String> near = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                near.add(post(loadFrom(LaneExamples.northOfOrigin(0), EquipmentType.CONESTOGA)).laneId());
            }
            var far = post(loadFrom(LaneExamples.northOfOrigin(140), EquipmentType.CONESTOGA)).laneId();
            var truck = LaneExamples.capacityBuilder().equipment(EquipmentType.CONESTOGA).deadheadLimits(200, 150)
                    .build();

            // The nearest cell has three day partitions (one with all six loads): the unused shares of the
            // two empty days go to the full one, not to the farther cell.
            var found = lanes.loads(KEYS.loadsNear(truck), Set.of(EquipmentType.CONESTOGA), 6);

            assertThat(found.lanes()).extracting(PostedLane::laneId).containsExactlyInAnyOrderElementsOf(near)
                    .doesNotContain(far);
            assertThat(found.complete()).isFalse();
        }

        private static List<String> concat(List<String> first, List<String> second) {
            List<String> all = new ArrayList<>(first);
            all.addAll(second);
            return all;
        }
    }

    @Nested
    class Regions {
        @Test
        void aRegionHoldsItsTrucksAndLoadsUntilTheyAreWithdrawnAndNothingOfOtherRegions() {
            var truck = post(capacity());
            var load = post(load());
            var region = MatchingRegion.of(truck);

            assertThat(lanes.region(region).capacities()).contains((PostedLane.Capacity) truck);
            assertThat(lanes.region(MatchingRegion.of(load)).loads()).contains((PostedLane.Load) load);
            assertThat(lanes.region(region).loads()).as("the load is picked up 100 miles north, in the next region")
                    .doesNotContain((PostedLane.Load) load);
            var elsewhere = lanes.region(MatchingRegion.of(new com.backhaulexchange.kernel.geo.Coordinates(47.6, -122.3)));
            assertThat(elsewhere.capacities()).doesNotContain((PostedLane.Capacity) truck);

            lanes.changeStatus(truck.withStatus(LaneStatus.WITHDRAWN, NOW), LaneStatus.OPEN);
            assertThat(lanes.region(region).capacities()).extracting(PostedLane::laneId).doesNotContain(truck.laneId());
        }
    }

    @Nested
    class Outbox {
        @Test
        void dueRequestsAreFoundUntilRescheduledAndGoneWhenCompleteOrAbandoned() {
            var lane = post(load());
            var request = lanes.pendingMatchRequest(lane.laneId()).orElseThrow();
            Instant due = request.resendDueAt();

            assertThat(lanes.dueForResend(due.minusMillis(1), 100)).extracting(PendingMatchRequest::laneId)
                    .doesNotContain(lane.laneId());
            assertThat(lanes.dueForResend(due, 100)).extracting(PendingMatchRequest::laneId)
                    .contains(lane.laneId());

            lanes.rescheduled(request, due.plus(RESEND_AFTER));
            assertThat(lanes.dueForResend(due, 100)).extracting(PendingMatchRequest::laneId)
                    .doesNotContain(lane.laneId());
            assertThat(lanes.pendingMatchRequest(lane.laneId()).orElseThrow().sendCount()).isEqualTo(1);

            lanes.abandon(request, due);
            assertThat(lanes.dueForResend(due.plus(Duration.ofDays(1)), 100)).extracting(PendingMatchRequest::laneId)
                    .doesNotContain(lane.laneId());
            assertThat(lanes.pendingMatchRequest(lane.laneId())).isPresent();

            lanes.complete(lane.laneId());
            lanes.complete(lane.laneId());
            assertThat(lanes.pendingMatchRequest(lane.laneId())).isEmpty();
        }

        @Test
        void dueRequestsComeOldestFirst() {
            var later = post(new PostedLane.Load(load().lane(), NOW.plusSeconds(30), NOW.plusSeconds(30)));
            var earlier = post(load());

            var due = lanes.dueForResend(NOW.plus(Duration.ofHours(1)), 100).stream().map(PendingMatchRequest::laneId)
                    .filter(id -> id.equals(later.laneId()) || id.equals(earlier.laneId())).toList();

            assertThat(due).containsExactly(earlier.laneId(), later.laneId());
        }

        @Test
        void reschedulingOrAbandoningACompletedRequestChangesNothing() {
            var lane = post(load());
            var request = lanes.pendingMatchRequest(lane.laneId()).orElseThrow();
            lanes.complete(lane.laneId());

            lanes.rescheduled(request, NOW.plus(RESEND_AFTER));
            lanes.abandon(request, NOW);

            assertThat(lanes.pendingMatchRequest(lane.laneId())).isEmpty();
        }
    }

    @Nested
    class Matches {
        private Match matchOf(PostedLane.Capacity capacity, PostedLane.Load load, Money costPerMile, Instant at) {
            var evaluation = MatchEvaluator.evaluate(capacity.lane(), costPerMile, load.lane(), MatchingConfig.DEFAULT);
            assertThat(evaluation).isInstanceOf(MatchEvaluation.Feasible.class);
            return Match.proposed(capacity, load, (MatchEvaluation.Feasible) evaluation, at);
        }

        private int matchItemsOf(MatchId id) {
            return itemsInPartition("MATCH#" + id.value());
        }

        @Test
        void aPairIsStoredOnceHoweverOftenItIsSavedAndReadsBackAsComputed() {
            var capacity = (PostedLane.Capacity) post(capacity());
            var load = (PostedLane.Load) post(load());
            var match = matchOf(capacity, load, COST_PER_MILE, NOW);

            assertThat(matches.save(match, NOW)).isTrue();
            assertThat(matches.save(match, NOW)).isTrue();
            assertThat(matches.save(matchOf(capacity, load, COST_PER_MILE, NOW.plusSeconds(5)), NOW)).isTrue();

            assertThat(matchItemsOf(match.id())).isEqualTo(1);
            assertThat(matches.rankedForLane(capacity.laneId(), NOW, 10, null).items()).singleElement()
                    .extracting(Match::id).isEqualTo(match.id());
            assertThat(matches.rankedForLane(load.laneId(), NOW, 10, null).items()).hasSize(1);
            assertThat(matches.find(match.id())).hasValueSatisfying(stored -> {
                assertThat(stored.explanation()).isEqualTo(match.explanation());
                assertThat(stored.score()).isEqualTo(match.score());
                assertThat(stored.route()).isEqualTo(match.route());
                assertThat(stored.computedAt()).isEqualTo(NOW.plusSeconds(5));
            });
        }

        @Test
        void aRecomputedMatchWithAnotherScoreMovesInTheRankingWithoutLeavingACopyBehind() {
            var capacity = (PostedLane.Capacity) post(capacity());
            var load = (PostedLane.Load) post(load());
            matches.save(matchOf(capacity, load, COST_PER_MILE, NOW), NOW);

            var dearer = matchOf(capacity, load, Money.of(300, "USD"), NOW);
            matches.save(dearer, NOW);

            assertThat(matches.rankedForLane(capacity.laneId(), NOW, 10, null).items()).singleElement()
                    .satisfies(stored -> assertThat(stored.score()).isEqualTo(dearer.score()));
            assertThat(itemsInPartition("LANE#" + load.laneId())).as("lane, and one match copy").isEqualTo(2);
        }

        @Test
        void aLanesMatchesListBestFirstInPages() {
            var capacity = (PostedLane.Capacity) post(capacity());
            List<Match> saved = new ArrayList<>();
            for (int budget : new int[] {140_000, 180_000, 150_000}) {
                var base = load();
                var load = new PostedLane.Load(LaneExamples.loadBuilder().id(base.lane().id())
                        .budget(Money.of(budget, "USD")).build(), NOW, NOW);
                post(load);
                var match = matchOf(capacity, load, COST_PER_MILE, NOW);
                matches.save(match, NOW);
                saved.add(match);
            }

            var first = matches.rankedForLane(capacity.laneId(), NOW, 2, null);
            var second = matches.rankedForLane(capacity.laneId(), NOW, 2, first.nextCursor());

            assertThat(first.items()).extracting(Match::id).containsExactly(saved.get(1).id(), saved.get(2).id());
            assertThat(second.items()).extracting(Match::id).containsExactly(saved.get(0).id());
            assertThat(second.nextCursor()).isNull();
            assertThatThrownBy(() -> matches.rankedForLane(ids.next(), NOW, 2, first.nextCursor()))
                    .isInstanceOf(InvalidCursorException.class);
        }

        @Test
        void noMatchIsStoredForALaneThatIsNoLongerOpenOrWhoseTimeHasPassed() {
            var capacity = (PostedLane.Capacity) post(capacity());
            var load = (PostedLane.Load) post(load());
            var match = matchOf(capacity, load, COST_PER_MILE, NOW);

            assertThat(matches.save(match, load.matchableUntil())).isFalse();
            lanes.changeStatus(capacity.withStatus(LaneStatus.WITHDRAWN, NOW), LaneStatus.OPEN);
            assertThat(matches.save(match, NOW)).isFalse();

            assertThat(matches.find(match.id())).isEmpty();
            assertThat(matches.rankedForLane(load.laneId(), NOW, 10, null).items()).isEmpty();
        }

        @Test
        void retractionReachesBothPartiesAndARetractedPairIsNeverProposedAgain() {
            var capacity = (PostedLane.Capacity) post(capacity());
            var load = (PostedLane.Load) post(load());
            var otherLoad = (PostedLane.Load) post(load());
            var match = matchOf(capacity, load, COST_PER_MILE, NOW);
            var other = matchOf(capacity, otherLoad, COST_PER_MILE, NOW);
            matches.save(match, NOW);
            matches.save(other, NOW);

            lanes.changeStatus(load.withStatus(LaneStatus.WITHDRAWN, NOW), LaneStatus.OPEN);
            assertThat(matches.retractAllOf(load.laneId(), NOW.plusSeconds(1))).isEqualTo(1);
            assertThat(matches.retractAllOf(load.laneId(), NOW.plusSeconds(2))).isZero();

            assertThat(matches.rankedForLane(capacity.laneId(), NOW, 10, null).items()).extracting(Match::id)
                    .containsExactly(other.id());
            assertThat(matches.rankedForLane(load.laneId(), NOW, 10, null).items()).isEmpty();
            assertThat(matches.find(match.id())).hasValueSatisfying(stored -> {
                assertThat(stored.status()).isEqualTo(MatchStatus.RETRACTED);
                assertThat(stored.retractedAt()).isEqualTo(NOW.plusSeconds(1));
            });
            assertThat(matches.save(match, NOW)).isFalse();
            assertThat(matches.find(match.id()).orElseThrow().status()).isEqualTo(MatchStatus.RETRACTED);
        }

        @Test
        void aMatchPastItsLanesTimeIsNoLongerListed() {
            var capacity = (PostedLane.Capacity) post(capacity());
            var load = (PostedLane.Load) post(load());
            var match = matchOf(capacity, load, COST_PER_MILE, NOW);
            matches.save(match, NOW);

            assertThat(matches.rankedForLane(capacity.laneId(), match.matchableUntil(), 10, null).items()).isEmpty();
            assertThat(matches.find(match.id()).orElseThrow().effectiveStatus(match.matchableUntil()))
                    .isEqualTo("EXPIRED");
        }

        @Test
        void aRecommendationReachesBothPartiesSurvivesARecomputationAndCanBeTakenBack() {
            var capacity = (PostedLane.Capacity) post(capacity());
            var load = (PostedLane.Load) post(load());
            var match = matchOf(capacity, load, COST_PER_MILE, NOW);
            matches.save(match, NOW);
            var recommendation = new Match.Recommendation(NOW.plusSeconds(60), MatchingRegion.of(capacity));

            assertThat(matches.recommend(match.id(), recommendation)).isTrue();
            matches.save(matchOf(capacity, load, Money.of(300, "USD"), NOW.plusSeconds(120)), NOW);

            assertThat(matches.find(match.id()).orElseThrow().recommendation()).isEqualTo(recommendation);
            assertThat(matches.rankedForLane(load.laneId(), NOW, 10, null).items()).singleElement()
                    .satisfies(listed -> assertThat(listed.recommendation()).isEqualTo(recommendation));
            assertThat(matches.recommend(match.id(), null)).isTrue();
            assertThat(matches.rankedForLane(capacity.laneId(), NOW, 10, null).items().getFirst().recommendation())
                    .isNull();
            assertThat(matches.recommend(MatchId.of(capacity.lane().id(), LaneExamples.loadId(99)), recommendation))
                    .as("no such match").isFalse();
        }

        @Test
        void aPlanReadsBackAsItWasSaved() {
            var region = MatchingRegion.parse("9v");
            var plan = new OptimisationPlan(region, NOW, 12, 30, 100, 40,
                    List.of(MatchId.of(LaneExamples.capacityId(1), LaneExamples.loadId(1))),
                    List.of(Money.of(123_456, "USD")), List.of(Money.of(120_000, "USD")));

            matches.savePlan(plan);

            assertThat(matches.findPlan(region)).contains(plan);
            assertThat(matches.findPlan(MatchingRegion.parse("c2"))).isEmpty();
        }

        @Test
        void aRunReadsBackAsItWasSaved() {
            var lane = post(load());
            var run = new MatchRun(lane.laneId(), lane.kind(), NOW, 12, 30, true, 28, 0, 0, List.of(
                    new MatchRun.NearestRejection(12.5, 600, 80.25, List.of(
                            new Decision.Rejected("OVERWEIGHT", "The load weighs 46000 lbs.", "/load/weightLbs"),
                            new Decision.Rejected("NO_SURPLUS", "No surplus.", null)))));

            matches.saveRun(run);

            assertThat(matches.findRun(lane.laneId())).contains(run);
            assertThat(matches.findRun(ids.next())).isEmpty();
        }
    }
}
