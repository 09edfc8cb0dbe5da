package com.backhaulexchange.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.matching.BatchMatcher.PricedCapacity;
import com.backhaulexchange.matching.assignment.GreedyAssignment;
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

class BatchMatcherPropertiesTest {

    private static final BatchMatcher OPTIMAL = new BatchMatcher(MatchingConfig.DEFAULT);
    private static final BatchMatcher GREEDY = new BatchMatcher(MatchingConfig.DEFAULT, GeoCellScheme.DEFAULT,
            new GreedyAssignment());
    private static final MatchEvaluator EVALUATOR = new MatchEvaluator(MatchingConfig.DEFAULT);

    private static long totalCents(BatchMatcher.BatchPlan plan) {
        return plan.totalSurplus().values().stream().mapToLong(Money::amountMinorUnits).sum();
    }

    @Property(tries = 60)
    @Label("the plan pairs each lane at most once, only feasibly, and adds up its surplus")
    void thePlanIsAValidMatching(@ForAll long seed) {
        var lanes = new RandomLanes(seed);
        List<PricedCapacity> capacities = lanes.capacities(1, 25);
        List<LoadLane> loads = lanes.loads(1, 25);

        BatchMatcher.BatchPlan plan = OPTIMAL.plan(capacities, loads);

        Set<Object> used = new HashSet<>();
        long sum = 0;
        for (MatchEvaluation.Feasible match : plan.matches()) {
            assertThat(used.add(match.score().capacityLaneId())).isTrue();
            assertThat(used.add(match.score().loadLaneId())).isTrue();
            var capacity = capacities.stream().filter(c -> c.lane().id().equals(match.score().capacityLaneId()))
                    .findFirst().orElseThrow();
            var load = loads.stream().filter(l -> l.id().equals(match.score().loadLaneId())).findFirst().orElseThrow();
            assertThat(EVALUATOR.evaluate(capacity.lane(), capacity.costPerMile(), load)).isEqualTo(match);
            sum += match.score().surplus().amountMinorUnits();
        }
        assertThat(totalCents(plan)).isEqualTo(sum);
    }

    @Property(tries = 60)
    @Label("the optimal plan is never behind greedy")
    void optimalIsNeverBehindGreedy(@ForAll long seed) {
        var lanes = new RandomLanes(seed);
        List<PricedCapacity> capacities = lanes.capacities(1, 30);
        List<LoadLane> loads = lanes.loads(1, 30);

        assertThat(totalCents(OPTIMAL.plan(capacities, loads)))
                .isGreaterThanOrEqualTo(totalCents(GREEDY.plan(capacities, loads)));
    }

    @Property(tries = 40)
    @Label("adding lanes that match nothing, or shuffling the input, changes nothing")
    void irrelevantLanesAndInputOrderChangeNothing(@ForAll long seed) {
        var lanes = new RandomLanes(seed);
        List<PricedCapacity> capacities = lanes.capacities(1, 20);
        List<LoadLane> loads = lanes.loads(1, 20);
        BatchMatcher.BatchPlan plan = OPTIMAL.plan(capacities, loads);

        List<PricedCapacity> moreCapacities = new ArrayList<>(capacities);
        moreCapacities.addAll(lanes.irrelevantCapacities(100, 15));
        List<LoadLane> moreLoads = new ArrayList<>(loads);
        moreLoads.addAll(lanes.irrelevantLoads(100, 15));
        Collections.shuffle(moreCapacities, new Random(seed));
        Collections.shuffle(moreLoads, new Random(seed + 1));
        BatchMatcher.BatchPlan crowded = OPTIMAL.plan(moreCapacities, moreLoads);

        assertThat(crowded.matches()).isEqualTo(plan.matches());
        assertThat(crowded.totalSurplus()).isEqualTo(plan.totalSurplus());
        assertThat(crowded.feasiblePairs()).isEqualTo(plan.feasiblePairs());
    }
}
