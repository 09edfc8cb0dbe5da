package com.backhaulexchange.matching;

import com.backhaulexchange.kernel.geo.Place;

import static com.backhaulexchange.lane.LaneExamples.capacityBuilder;
import static com.backhaulexchange.lane.LaneExamples.capacityId;
import static com.backhaulexchange.lane.LaneExamples.loadBuilder;
import static com.backhaulexchange.lane.LaneExamples.loadId;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.gazetteer.Gazetteer;
import com.backhaulexchange.gazetteer.GazetteerEntry;
import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.TimeWindow;
import com.backhaulexchange.matching.BatchMatcher.PricedCapacity;
import com.backhaulexchange.matching.assignment.GreedyAssignment;
import com.backhaulexchange.kernel.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchMatcherTest {

    private static final Money COST = Money.of(200, "USD");

    /**
     * Two trucks on the example route; truck 1 takes any load, truck 2 only light ones. Load 1 (light, budget
     * $1,500) is worth $1,100 to either truck, load 2 (heavy, $1,400) $1,000 to truck 1 only. Taking the best
     * pair first gives load 1 to truck 1 and strands load 2: $1,100. The optimum swaps: $2,100.
     */
    private static List<PricedCapacity> trucks() {
        return List.of(
                new PricedCapacity(capacityBuilder().id(capacityId(1)).build(), COST),
                new PricedCapacity(capacityBuilder().id(capacityId(2)).capacity(20_000, 26).build(), COST));
    }

    private static List<LoadLane> loads() {
        return List.of(
                loadBuilder().id(loadId(1)).size(15_000, 10).build(),
                loadBuilder().id(loadId(2)).size(40_000, 20).budget(Money.of(140_000, "USD")).build());
    }

    @Test
    void theOptimalPlanRecoversWhatFirstComeMatchingStrands() {
        BatchMatcher.BatchPlan optimal = new BatchMatcher(MatchingConfig.DEFAULT).plan(trucks(), loads());
        BatchMatcher.BatchPlan greedy = new BatchMatcher(MatchingConfig.DEFAULT, GeoCellScheme.DEFAULT,
                new GreedyAssignment()).plan(trucks(), loads());

        assertThat(optimal.matches()).extracting(match -> match.score().capacityLaneId(),
                match -> match.score().loadLaneId()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(capacityId(1), loadId(2)),
                        org.assertj.core.groups.Tuple.tuple(capacityId(2), loadId(1)));
        assertThat(optimal.totalSurplus()).isEqualTo(Map.of(Currency.getInstance("USD"), Money.of(210_000, "USD")));
        assertThat(greedy.totalSurplus()).isEqualTo(Map.of(Currency.getInstance("USD"), Money.of(110_000, "USD")));
        assertThat(optimal.candidatePairs()).isEqualTo(4);
        assertThat(optimal.feasiblePairs()).isEqualTo(3);
    }

    @Test
    void lanesThatAreNotOpenAreLeftOut() {
        List<PricedCapacity> trucks = List.of(new PricedCapacity(
                capacityBuilder().status(LaneStatus.WITHDRAWN).build(), COST));
        BatchMatcher.BatchPlan plan = new BatchMatcher(MatchingConfig.DEFAULT).plan(trucks, loads());
        assertThat(plan.matches()).isEmpty();
        assertThat(plan.totalSurplus()).isEmpty();
    }

    @Test
    void nothingToMatchIsAnEmptyPlan() {
        BatchMatcher.BatchPlan plan = new BatchMatcher(MatchingConfig.DEFAULT).plan(List.of(), List.of());
        assertThat(plan.matches()).isEmpty();
        assertThat(plan.candidatePairs()).isZero();
    }

    @Test
    void lanesBetweenRealCitiesAreMatchedAheadOfGreedy() {
        // 400 trucks and 400 loads between US cities drawn by population, over three days.
        List<GazetteerEntry> cities = Gazetteer.bundled().entries().stream()
                .filter(entry -> entry.countryCode().equals("US")).toList();
        long totalPopulation = cities.stream().mapToLong(GazetteerEntry::population).sum();
        Random random = new Random(2026);
        List<PricedCapacity> trucks = new ArrayList<>();
        List<LoadLane> loads = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            var available = LaneExamples.MONDAY_6AM.plusMinutes(random.nextInt(48 * 60));
            trucks.add(new PricedCapacity(new CapacityLane(capacityId(i), LaneExamples.CARRIER,
                    city(cities, totalPopulation, random), city(cities, totalPopulation, random), available,
                    available.plusHours(24 + random.nextInt(72)), EquipmentType.DRY_VAN, 45_000, 26, 250, 250, null,
                    LaneStatus.OPEN), Money.of(200 + random.nextInt(50), "USD")));
            Instant pickup = LaneExamples.MONDAY_6AM.toInstant().plus(Duration.ofMinutes(random.nextInt(48 * 60)));
            loads.add(new LoadLane(loadId(i), LaneExamples.SHIPPER, city(cities, totalPopulation, random),
                    city(cities, totalPopulation, random),
                    new TimeWindow(pickup, pickup.plus(Duration.ofHours(8)), LaneExamples.CHICAGO),
                    new TimeWindow(pickup, pickup.plus(Duration.ofHours(72)), LaneExamples.CHICAGO),
                    20_000, 20, EquipmentType.DRY_VAN, "general freight", null, LaneStatus.OPEN));
        }

        BatchMatcher.BatchPlan optimal = new BatchMatcher(MatchingConfig.DEFAULT).plan(trucks, loads);
        BatchMatcher.BatchPlan greedy = new BatchMatcher(MatchingConfig.DEFAULT, GeoCellScheme.DEFAULT,
                new GreedyAssignment()).plan(trucks, loads);

        long optimalCents = optimal.totalSurplus().get(Currency.getInstance("USD")).amountMinorUnits();
        long greedyCents = greedy.totalSurplus().get(Currency.getInstance("USD")).amountMinorUnits();
        assertThat(optimal.feasiblePairs()).isGreaterThan(100);
        assertThat(optimal.matches()).hasSizeGreaterThan(20);
        assertThat(optimalCents).isGreaterThanOrEqualTo(greedyCents);
        assertThat(2 * greedyCents).isGreaterThanOrEqualTo(optimalCents);
    }

    private static com.backhaulexchange.kernel.geo.Place city(List<GazetteerEntry> cities, long totalPopulation,
            Random random) {
        long pick = (long) (random.nextDouble() * totalPopulation);
        for (GazetteerEntry city : cities) {
            pick -= city.population();
            if (pick < 0) {
                return city.toPlace();
            }
        }
        return cities.get(cities.size() - 1).toPlace();
    }
}
