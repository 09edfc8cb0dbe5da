package com.backhaulexchange.matching.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The batch size issue 3 names: 2,000 trucks × 2,000 loads of a region, sparse and geographic. No timing is
 * asserted (machines differ); the test shows the solver handles the size, stays exact (it is a minimum-cost
 * solution with integer potentials) and recovers what greedy leaves.
 */
class LargeAssignmentTest {

    @Test
    void twoThousandByTwoThousandGeographicInstanceIsSolvedAheadOfGreedy() {
        AssignmentProblem problem = AssignmentOracles.geographic(new Random(20261123), 2000, 2000, 87);
        assertThat(problem.pairCount()).isBetween(70_000, 130_000);

        Assignment exact = new ShortestAugmentingPathSolver().solve(problem);
        Assignment greedy = new GreedyAssignment().solve(problem);

        assertThat(exact.totalWeight()).isGreaterThan(greedy.totalWeight());
        assertThat(exact.pairs().size()).isLessThanOrEqualTo(2000);
    }

    @Test
    void aDenseInstanceIsSolvedToo() {
        AssignmentProblem problem = AssignmentOracles.random(new Random(7), 400, 400, 1.0, 1_000_000);
        long exact = new ShortestAugmentingPathSolver().solve(problem).totalWeight();
        assertThat(exact).isEqualTo(AssignmentOracles.hungarian(problem));
    }
}
