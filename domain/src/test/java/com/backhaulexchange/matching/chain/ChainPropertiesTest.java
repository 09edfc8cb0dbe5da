package com.backhaulexchange.matching.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.TimeWindow;
import com.backhaulexchange.matching.DrivePlan;
import com.backhaulexchange.matching.MatchingConfig;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random lanes in the Midwest (about 250 × 330 miles around Indianapolis) over a few days, dense enough that
 * many chains are feasible and many are not, for each reason. Each try draws its lanes from one seed.
 */
class ChainPropertiesTest {

    private static final MatchingConfig CONFIG = MatchingConfig.DEFAULT;
    private static final RoadDistanceModel ROADS = CONFIG.roadDistance();
    private static final ZonedDateTime MONDAY = LaneExamples.MONDAY_6AM;

    @Property(tries = 300)
    @Label("the chain's miles are the sum of its legs; empty miles avoided never exceed the baseline")
    void milesAddUp(@ForAll long seed, @ForAll @IntRange(min = 2, max = 3) int length) {
        var lanes = new Lanes(seed);
        CapacityLane capacity = lanes.capacity();
        List<LoadLane> loads = lanes.loads(length);
        ChainExplanation explanation = ChainEvaluator.evaluate(capacity, lanes.costPerMile(), loads,
                lanes.preferences(), CONFIG).explanation();

        double legs = 0;
        Coordinates at = capacity.emptyAt().coordinates();
        for (LoadLane load : loads) {
            legs += ROADS.roadMiles(at, load.origin().coordinates())
                    + ROADS.roadMiles(load.origin().coordinates(), load.destination().coordinates());
            at = load.destination().coordinates();
        }
        legs += ROADS.roadMiles(at, capacity.mustEndAt().coordinates());
        ChainMiles miles = explanation.miles();
        assertThat(miles.routeMiles()).isCloseTo(legs, within(1e-6));
        assertThat(miles.totalDeadheadMiles() + miles.loadedMiles()).isCloseTo(legs, within(1e-6));
        assertThat(miles.emptyMilesAvoided()).isLessThanOrEqualTo(miles.baselineEmptyMiles());
        assertThat(miles.outOfRouteMiles()).isGreaterThanOrEqualTo(0);
        double attributed = 0;
        for (int i = 0; i < loads.size(); i++) {
            attributed += miles.attributableMiles(i);
        }
        assertThat(attributed).isCloseTo(miles.routeMiles(), within(1e-6));
    }

    @Property(tries = 300)
    @Label("the loads' cost shares and surpluses add up exactly to the chain's")
    void moneyAddsUp(@ForAll long seed, @ForAll @IntRange(min = 2, max = 3) int length) {
        var lanes = new Lanes(seed);
        ChainEconomics economics = ChainEvaluator.evaluate(lanes.capacity(), lanes.costPerMile(),
                lanes.loads(length), lanes.preferences(), CONFIG).explanation().economics();

        Money costs = Money.zero(economics.surplus().currency());
        Money surpluses = Money.zero(economics.surplus().currency());
        for (ChainEconomics.LoadShare share : economics.perLoad()) {
            costs = costs.plus(share.carrierCostShare());
            surpluses = surpluses.plus(share.surplus());
            assertThat(share.surplus()).isEqualTo(share.shipperPrice().minus(share.carrierCostShare()));
        }
        assertThat(costs).isEqualTo(economics.carrierIncrementalCost());
        assertThat(surpluses).isEqualTo(economics.surplus());
    }

    @Property(tries = 500)
    @Label("a feasible chain keeps every window, every deadhead limit and beats each of its loads alone")
    void aFeasibleChainBreaksNoRule(@ForAll long seed, @ForAll @IntRange(min = 2, max = 3) int length) {
        var lanes = new Lanes(seed);
        CapacityLane capacity = lanes.capacity();
        List<LoadLane> loads = lanes.loads(length);
        ReloadPreferences preferences = lanes.preferences();
        ChainEvaluation evaluation = ChainEvaluator.evaluate(capacity, lanes.costPerMile(), loads, preferences,
                CONFIG);
        if (!(evaluation instanceof ChainEvaluation.Feasible feasible)) {
            return;
        }
        assertWithinEveryRule(capacity, loads, preferences, feasible);
    }

    @Property(tries = 60)
    @Label("the search returns only feasible chains, best first, never twice, and the same as trying every order")
    void theSearchIsSoundAndComplete(@ForAll long seed) {
        var lanes = new Lanes(seed);
        CapacityLane capacity = lanes.capacity();
        Money cost = lanes.costPerMile();
        ReloadPreferences preferences = lanes.preferences();
        List<LoadLane> candidates = lanes.loads(9);
        var search = new ChainSearch(CONFIG, preferences, ChainSearch.Bounds.DEFAULT);

        ChainSearch.Result result = search.search(capacity, cost, candidates, 10_000);

        assertThat(result.stats().truncated()).isFalse();
        Set<ReloadPackageId> seen = new HashSet<>();
        for (ChainEvaluation.Feasible chain : result.best()) {
            assertThat(seen.add(chain.packageId())).isTrue();
            List<LoadLane> loads = chain.explanation().loadLaneIds().stream()
                    .map(id -> candidates.stream().filter(load -> load.id().equals(id)).findFirst().orElseThrow())
                    .toList();
            assertWithinEveryRule(capacity, loads, preferences, chain);
        }
        assertThat(result.best()).extracting(ChainEvaluation.Feasible::score)
                .isSortedAccordingTo(ChainScorer.BEST_FIRST);
        assertThat(result.nearestRejected()).noneMatch(rejected -> seen.contains(rejected.packageId()));

        Set<ReloadPackageId> everyOrder = new HashSet<>();
        var evaluator = new ChainEvaluator(CONFIG, preferences);
        for (List<LoadLane> order : orders(candidates)) {
            if (evaluator.evaluate(new ReloadPackage(capacity, order), cost) instanceof ChainEvaluation.Feasible f) {
                everyOrder.add(f.packageId());
            }
        }
        assertThat(seen).isEqualTo(everyOrder);
    }

    @Example
    @Label("the random lanes give feasible chains often enough for the properties to mean something")
    void theLanesAreDenseEnough() {
        int feasible = 0;
        int triples = 0;
        for (long seed = 0; seed < 40; seed++) {
            var lanes = new Lanes(seed);
            var result = new ChainSearch(CONFIG, lanes.preferences(), ChainSearch.Bounds.DEFAULT)
                    .search(lanes.capacity(), lanes.costPerMile(), lanes.loads(9), 10_000);
            feasible += result.best().size();
            triples += (int) result.best().stream().filter(chain -> chain.explanation().loadLaneIds().size() == 3)
                    .count();
        }
        assertThat(feasible).isGreaterThanOrEqualTo(20);
        assertThat(triples).isGreaterThanOrEqualTo(3);
    }

    @Property(tries = 10)
    @Label("on a large book the search keeps to its stated bounds")
    void theSearchIsBounded(@ForAll long seed) {
        var lanes = new Lanes(seed);
        var bounds = ChainSearch.Bounds.DEFAULT;
        int limit = 5;
        ChainSearch.Result result = new ChainSearch(CONFIG, lanes.preferences(), bounds)
                .search(lanes.capacity(), lanes.costPerMile(), lanes.loads(400), limit);

        assertThat(result.stats().candidatesGiven()).isEqualTo(400);
        assertThat(result.stats().candidatesConsidered()).isLessThanOrEqualTo(bounds.maxCandidates());
        assertThat(result.stats().prefixesExplored()).isLessThanOrEqualTo(bounds.maxPrefixesExplored() + 1);
        assertThat(result.stats().fullEvaluations()).isLessThanOrEqualTo(bounds.maxFullEvaluations() + limit);
        assertThat(result.best()).hasSizeLessThanOrEqualTo(limit);
        assertThat(result.nearestRejected()).hasSizeLessThanOrEqualTo(limit);
    }

    private static void assertWithinEveryRule(CapacityLane capacity, List<LoadLane> loads,
            ReloadPreferences preferences, ChainEvaluation.Feasible feasible) {
        DrivePlan plan = feasible.explanation().drivePlan();
        assertThat(plan.startsAt()).isEqualTo(capacity.availableFrom().toInstant());
        for (int i = 0; i < loads.size(); i++) {
            LoadLane load = loads.get(i);
            assertThat(load.pickupWindow().contains(plan.stops().get(2 * i).serviceStartsAt())).isTrue();
            assertThat(load.deliveryWindow().contains(plan.stops().get(2 * i + 1).serviceStartsAt())).isTrue();
            double hop = feasible.explanation().miles().loads().get(i).deadheadToPickupMiles();
            assertThat(hop).isLessThanOrEqualTo(i == 0 ? capacity.maxOriginDeadheadMiles()
                    : preferences.maxReloadDeadheadMiles());
            assertThat(load.weightLbs()).isLessThanOrEqualTo(capacity.weightCapacityLbs());
        }
        assertThat(plan.stops().getLast().arrivesAt()).isBeforeOrEqualTo(capacity.mustArriveBy().toInstant());
        assertThat(feasible.explanation().miles().destinationDeadheadMiles())
                .isLessThanOrEqualTo(capacity.maxDestinationDeadheadMiles());
        assertThat(feasible.explanation().schedule()).allSatisfy(stop -> assertThat(stop.slack().isNegative()).isFalse());
        assertThat(feasible.score().emptyMilesAvoided())
                .isGreaterThan(feasible.explanation().singleLoads().bestSingleEmptyMilesAvoided());
        assertThat(feasible.explanation().economics().perLoad())
                .allSatisfy(share -> assertThat(share.surplus().amountMinorUnits()).isPositive());
    }

    private static List<List<LoadLane>> orders(List<LoadLane> loads) {
        List<List<LoadLane>> orders = new ArrayList<>();
        for (LoadLane a : loads) {
            for (LoadLane b : loads) {
                if (a == b) {
                    continue;
                }
                orders.add(List.of(a, b));
                for (LoadLane c : loads) {
                    if (c != a && c != b) {
                        orders.add(List.of(a, b, c));
                    }
                }
            }
        }
        return orders;
    }

    /**
     * Random lanes from one seed: a truck from the western to the eastern side of the region (a quarter of them
     * round trips), a planted chain of three loads roughly along its road with windows one after another, and
     * random loads. Without the planted loads almost no random pair beats its loads alone on empty miles.
     */
    static final class Lanes {
        private final Random random;
        private CapacityLane capacity;
        private int next = 1;

        Lanes(long seed) {
            this.random = new Random(seed);
        }

        private Place place(double latitude, double longitude, double jitterDegrees) {
            return new Place(new Coordinates(latitude + (random.nextDouble() - 0.5) * 2 * jitterDegrees,
                    longitude + (random.nextDouble() - 0.5) * 2 * jitterDegrees), null);
        }

        private Place anywhere() {
            return place(40, -86, 1.5);
        }

        CapacityLane capacity() {
            if (capacity == null) {
                Place start = place(40, -87.5, 0.5);
                Place end = random.nextDouble() < 0.25 ? start : place(40, -83.5, 0.5);
                ZonedDateTime from = MONDAY.plusMinutes(random.nextInt(6 * 60));
                capacity = new CapacityLane(LaneExamples.capacityId(1), LaneExamples.CARRIER, start, end, from,
                        from.plusMinutes(40 * 60 + random.nextInt(60 * 60)),
                        random.nextDouble() < 0.9 ? EquipmentType.DRY_VAN : EquipmentType.REEFER, 45_000, 26,
                        100 + random.nextInt(151), 100 + random.nextInt(151),
                        random.nextDouble() < 0.8 ? null : Money.of(100 + random.nextInt(150), "USD"),
                        LaneStatus.OPEN);
            }
            return capacity;
        }

        Money costPerMile() {
            return Money.of(150 + random.nextInt(100), "USD");
        }

        ReloadPreferences preferences() {
            return new ReloadPreferences(80 + random.nextInt(121));
        }

        /** {@code count} loads: three planted along the truck's road (two when {@code count} is 2), then random. */
        List<LoadLane> loads(int count) {
            CapacityLane truck = capacity();
            Coordinates from = truck.emptyAt().coordinates();
            Coordinates to = truck.mustEndAt().coordinates();
            boolean roundTrip = from.equals(to);
            int planted = Math.min(3, count);
            List<Place> waypoints = new ArrayList<>();
            for (int k = 0; k <= planted; k++) {
                double f = (double) k / planted;
                if (roundTrip && k > 0 && k < planted) {
                    waypoints.add(anywhere());
                } else {
                    waypoints.add(place(from.latitudeDegrees() + f * (to.latitudeDegrees() - from.latitudeDegrees()),
                            from.longitudeDegrees() + f * (to.longitudeDegrees() - from.longitudeDegrees()), 0.3));
                }
            }
            List<LoadLane> loads = new ArrayList<>();
            Instant opens = truck.availableFrom().toInstant();
            for (int k = 0; k < planted; k++) {
                Instant pickupOpens = opens.plusSeconds(random.nextInt(4 * 3600));
                loads.add(load(place(waypoints.get(k).coordinates().latitudeDegrees(),
                        waypoints.get(k).coordinates().longitudeDegrees(), 0.2), waypoints.get(k + 1), pickupOpens,
                        8 * 3600, 2 * 3600, 14 * 3600));
                opens = pickupOpens.plusSeconds(8 * 3600L + random.nextInt(4 * 3600));
            }
            while (loads.size() < count) {
                loads.add(load(anywhere(), anywhere(), hoursAfterMonday(random.nextDouble() * 48), 10 * 3600,
                        2 * 3600, 20 * 3600));
            }
            return loads;
        }

        private Instant hoursAfterMonday(double hours) {
            return MONDAY.toInstant().plusSeconds((long) (hours * 3600));
        }

        private LoadLane load(Place origin, Place destination, Instant pickupOpens, int maxPickupSeconds,
                int minTransitSeconds, int maxDeliveryWaitSeconds) {
            Instant pickupCloses = pickupOpens.plusSeconds(3600L + random.nextInt(maxPickupSeconds));
            Instant deliveryOpens = pickupOpens.plusSeconds(minTransitSeconds + random.nextInt(maxDeliveryWaitSeconds));
            Instant deliveryCloses = deliveryOpens.plusSeconds(4 * 3600L + random.nextInt(12 * 3600));
            double kind = random.nextDouble();
            return new LoadLane(LaneExamples.loadId(next++), LaneExamples.SHIPPER, origin, destination,
                    new TimeWindow(pickupOpens, pickupCloses, LaneExamples.CHICAGO),
                    new TimeWindow(deliveryOpens, deliveryCloses, LaneExamples.CHICAGO),
                    20_000 + random.nextInt(27_000), 10 + random.nextInt(18),
                    kind < 0.9 ? EquipmentType.DRY_VAN : kind < 0.97 ? EquipmentType.REEFER : EquipmentType.FLATBED,
                    "general freight",
                    random.nextDouble() < 0.2 ? null : Money.of(20_000 + random.nextInt(100_000), "USD"),
                    LaneStatus.OPEN);
        }
    }
}
