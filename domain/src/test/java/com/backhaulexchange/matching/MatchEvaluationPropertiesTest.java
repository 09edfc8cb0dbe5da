package com.backhaulexchange.matching;

import com.backhaulexchange.emissions.EmissionFactorSet;
import com.backhaulexchange.emissions.LadenFraction;
import com.backhaulexchange.lane.CandidateKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.kernel.money.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Properties of single-pair evaluation over random lanes of one region. */
class MatchEvaluationPropertiesTest {

    private static final MatchEvaluator EVALUATOR = new MatchEvaluator(MatchingConfig.DEFAULT);

    @Property(tries = 2000)
    @Label("a match is never better than its own baseline allows")
    void neverBetterThanTheBaseline(@ForAll long seed) {
        var lanes = new RandomLanes(seed);
        var capacity = lanes.capacity(1);
        LoadLane load = lanes.load(1);

        MatchExplanation explanation = EVALUATOR.evaluate(capacity.lane(), capacity.costPerMile(), load).explanation();

        assertThat(explanation.emptyMilesAvoided()).isLessThanOrEqualTo(explanation.baselineEmptyMiles());
        assertThat(explanation.outOfRouteMiles()).isGreaterThanOrEqualTo(0);
        assertThat(explanation.co2eAvoidedKg()).isCloseTo(explanation.emptyMilesAvoided()
                * EmissionFactorSet.DEFAULT.intensity(LadenFraction.EMPTY).kgCo2eWellToWheelPerMile(), within(1e-6));
        Money surplus = explanation.economics().surplus();
        assertThat(surplus.amountMinorUnits())
                .isLessThanOrEqualTo(explanation.economics().shipperPrice().amountMinorUnits());
        if (load.budget() != null) {
            assertThat(surplus.amountMinorUnits()).isLessThanOrEqualTo(load.budget().amountMinorUnits());
        }
    }

    @Property(tries = 2000)
    @Label("every rule a pair breaks is reported, and only those; a pair breaking none is feasible")
    void everyBrokenRuleIsReported(@ForAll long seed) {
        var lanes = new RandomLanes(seed);
        var priced = lanes.capacity(1);
        var capacity = priced.lane();
        LoadLane load = lanes.load(1);

        MatchEvaluation evaluation = EVALUATOR.evaluate(capacity, priced.costPerMile(), load);
        MatchExplanation explanation = evaluation.explanation();

        Set<String> expected = new HashSet<>();
        if (!EquipmentCompatibility.canCarry(capacity.equipment(), load.equipment())) {
            expected.add("EQUIPMENT_MISMATCH");
        }
        if (load.weightLbs() > capacity.weightCapacityLbs()) {
            expected.add("OVERWEIGHT");
        }
        if (load.pallets() > capacity.palletCapacity()) {
            expected.add("TOO_MANY_PALLETS");
        }
        if (explanation.originDeadheadMiles() > capacity.maxOriginDeadheadMiles()) {
            expected.add("ORIGIN_DEADHEAD_EXCEEDED");
        }
        if (explanation.destinationDeadheadMiles() > capacity.maxDestinationDeadheadMiles()) {
            expected.add("DESTINATION_DEADHEAD_EXCEEDED");
        }
        if (explanation.schedule().pickupSlack().isNegative()) {
            expected.add("PICKUP_WINDOW_MISSED");
        }
        if (explanation.schedule().deliverySlack().isNegative()) {
            expected.add("DELIVERY_WINDOW_MISSED");
        }
        if (explanation.schedule().endArrivalSlack().isNegative()) {
            expected.add("MUST_ARRIVE_BY_MISSED");
        }
        Money price = explanation.economics().shipperPrice();
        if (capacity.minimumRatePerLoadedMile() != null && price.amountMinorUnits()
                < Math.round(capacity.minimumRatePerLoadedMile().amountMinorUnits() * explanation.loadedMiles())) {
            expected.add("BUDGET_BELOW_CARRIER_MINIMUM");
        }
        if (explanation.economics().surplus().amountMinorUnits() <= 0) {
            expected.add("NO_SURPLUS");
        }

        if (expected.isEmpty()) {
            assertThat(evaluation).isInstanceOf(MatchEvaluation.Feasible.class);
        } else {
            assertThat(evaluation).isInstanceOfSatisfying(MatchEvaluation.Infeasible.class,
                    infeasible -> assertThat(infeasible.reasonCodes()).containsExactlyInAnyOrderElementsOf(expected));
        }
    }

    @Property(tries = 2000)
    @Label("the batch screen only skips pairs the full evaluation rejects")
    void theScreenNeverSkipsAFeasiblePair(@ForAll long seed) {
        var lanes = new RandomLanes(seed);
        var capacity = lanes.capacity(1);
        LoadLane load = lanes.load(1);

        if (EVALUATOR.plainlyInfeasible(capacity.lane(), load)) {
            assertThat(EVALUATOR.evaluate(capacity.lane(), capacity.costPerMile(), load))
                    .isInstanceOf(MatchEvaluation.Infeasible.class);
        }
    }

    @Property(tries = 200)
    @Label("other lanes never change a pair's evaluation or the ranking of its counterparts")
    void otherLanesChangeNothing(@ForAll long seed) {
        var lanes = new RandomLanes(seed);
        var capacity = lanes.capacity(1);
        List<LoadLane> loads = lanes.loads(1, 20);
        List<MatchEvaluation> alone = loads.stream()
                .map(load -> EVALUATOR.evaluate(capacity.lane(), capacity.costPerMile(), load)).toList();

        List<LoadLane> crowd = new ArrayList<>(loads);
        crowd.addAll(lanes.irrelevantLoads(100, 20));
        for (var other : lanes.capacities(100, 10)) {
            crowd.forEach(load -> EVALUATOR.evaluate(other.lane(), other.costPerMile(), load));
        }
        Collections.shuffle(crowd, new Random(seed));
        List<MatchEvaluation> inACrowd = crowd.stream()
                .map(load -> EVALUATOR.evaluate(capacity.lane(), capacity.costPerMile(), load)).toList();

        assertThat(inACrowd).containsAll(alone);
        assertThat(MatchScorer.shortlist(inACrowd, 5).best()).isEqualTo(MatchScorer.shortlist(alone, 5).best());
    }

    @Property(tries = 100)
    @Label("candidate keys find every feasible counterpart, from either side")
    void candidateKeysAreComplete(@ForAll long seed) {
        var lanes = new RandomLanes(seed);
        var keys = new CandidateKeys(GeoCellScheme.DEFAULT, MatchingConfig.DEFAULT.roadDistance());
        List<BatchMatcher.PricedCapacity> capacities = lanes.capacities(1, 15);
        List<LoadLane> loads = lanes.loads(1, 15);
        for (var capacity : capacities) {
            var loadSearch = new HashSet<>(keys.loadsNear(capacity.lane()));
            var capacityIndex = keys.capacityIndexKeys(capacity.lane());
            for (LoadLane load : loads) {
                if (EVALUATOR.evaluate(capacity.lane(), capacity.costPerMile(), load)
                        instanceof MatchEvaluation.Feasible) {
                    assertThat(keys.loadIndexKeys(load)).anyMatch(loadSearch::contains);
                    assertThat(keys.capacitiesNear(load, capacity.lane().maxOriginDeadheadMiles()))
                            .containsAnyElementsOf(capacityIndex);
                }
            }
        }
    }

    @Test
    void theRandomRegionHasBothFeasibleAndInfeasiblePairsForEveryReason() {
        var lanes = new RandomLanes(42);
        List<BatchMatcher.PricedCapacity> capacities = lanes.capacities(1, 60);
        List<LoadLane> loads = lanes.loads(1, 60);
        int feasible = 0;
        Set<String> reasons = new HashSet<>();
        for (var capacity : capacities) {
            for (LoadLane load : loads) {
                switch (EVALUATOR.evaluate(capacity.lane(), capacity.costPerMile(), load)) {
                    case MatchEvaluation.Feasible ignored -> feasible++;
                    case MatchEvaluation.Infeasible infeasible -> reasons.addAll(infeasible.reasonCodes());
                }
            }
        }
        assertThat(feasible).isGreaterThan(60);
        assertThat(reasons).contains("EQUIPMENT_MISMATCH", "OVERWEIGHT", "TOO_MANY_PALLETS", "ORIGIN_DEADHEAD_EXCEEDED",
                "DESTINATION_DEADHEAD_EXCEEDED", "PICKUP_WINDOW_MISSED", "DELIVERY_WINDOW_MISSED",
                "MUST_ARRIVE_BY_MISSED", "BUDGET_BELOW_CARRIER_MINIMUM", "NO_SURPLUS");
    }
}
