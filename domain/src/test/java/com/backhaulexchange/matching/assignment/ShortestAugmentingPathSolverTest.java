package com.backhaulexchange.matching.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShortestAugmentingPathSolverTest {

    private static final AssignmentSolver EXACT = new ShortestAugmentingPathSolver();
    private static final AssignmentSolver GREEDY = new GreedyAssignment();

    @Test
    void anEmptyProblemHasAnEmptyAssignment() {
        assertThat(EXACT.solve(AssignmentProblem.builder(0, 0).build()))
                .isEqualTo(new Assignment(java.util.List.of(), 0));
        assertThat(EXACT.solve(AssignmentProblem.builder(3, 4).build()).pairs()).isEmpty();
    }

    @Test
    void aSinglePairIsTaken() {
        Assignment assignment = EXACT.solve(AssignmentProblem.dense(new long[][] {{7}}));
        assertThat(assignment.pairs()).containsExactly(new Assignment.Pair(0, 0, 7));
        assertThat(assignment.totalWeight()).isEqualTo(7);
    }

    @Test
    void theOptimumGivesUpTheHeaviestPairWhenTwoOthersAreWorthMore() {
        // Greedy takes (0,0)=100 and then nothing; the optimum is (0,1)+(1,0) = 180. (1,1) is forbidden.
        long[][] weights = {{100, 90}, {90, 0}};
        AssignmentProblem problem = AssignmentProblem.dense(weights);

        assertThat(GREEDY.solve(problem).totalWeight()).isEqualTo(100);
        Assignment exact = EXACT.solve(problem);
        assertThat(exact.totalWeight()).isEqualTo(180);
        assertThat(exact.pairs()).containsExactly(new Assignment.Pair(0, 1, 90), new Assignment.Pair(1, 0, 90));
    }

    @Test
    void aForbiddenPairIsNeverChosenEvenWhenEverythingElseIsTaken() {
        // Only row 0 may take column 0; row 1 may take nothing; it stays unassigned.
        AssignmentProblem problem = AssignmentProblem.builder(2, 2).allow(0, 0, 5).build();
        Assignment exact = EXACT.solve(problem);
        assertThat(exact.pairs()).containsExactly(new Assignment.Pair(0, 0, 5));
        assertThat(exact.columnOf(1)).isEqualTo(-1);
    }

    @Test
    void moreRowsThanColumnsLeavesTheLeastValuableRowsUnassigned() {
        long[][] weights = {{3}, {9}, {5}};
        Assignment exact = EXACT.solve(AssignmentProblem.dense(weights));
        assertThat(exact.pairs()).containsExactly(new Assignment.Pair(1, 0, 9));
    }

    @Test
    void moreColumnsThanRowsPicksTheBestColumnsJointly() {
        long[][] weights = {{8, 7, 0}, {8, 0, 1}};
        Assignment exact = EXACT.solve(AssignmentProblem.dense(weights));
        assertThat(exact.totalWeight()).isEqualTo(15);
        assertThat(exact.pairs()).containsExactly(new Assignment.Pair(0, 1, 7), new Assignment.Pair(1, 0, 8));
    }

    @Test
    void aClassicThreeByThreeInstance() {
        // Maximum-weight version of the textbook cost matrix {{4,1,3},{2,0,5},{3,2,2}}: weight = 6 - cost.
        long[][] weights = {{2, 5, 3}, {4, 6, 1}, {3, 4, 4}};
        Assignment exact = EXACT.solve(AssignmentProblem.dense(weights));
        assertThat(exact.totalWeight()).isEqualTo(13); // cost 5: (0,1), (1,2), (2,0) in cost terms
    }

    @Test
    void pairsOfZeroOrNegativeWeightAreDroppedAsUseless() {
        AssignmentProblem problem = AssignmentProblem.builder(1, 2).allow(0, 0, 0).allow(0, 1, -4).build();
        assertThat(problem.pairCount()).isZero();
        assertThat(EXACT.solve(problem).pairs()).isEmpty();
    }

    @Test
    void aPairGivenTwiceOrOutsideTheProblemIsRefused() {
        assertThatThrownBy(() -> AssignmentProblem.builder(1, 1).allow(0, 0, 1).allow(0, 0, 2).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AssignmentProblem.builder(1, 1).allow(1, 0, 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> AssignmentProblem.builder(1, 1).allow(0, 0, AssignmentProblem.MAX_WEIGHT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameProblemAlwaysGivesTheSameAssignment() {
        long[][] ties = {{5, 5, 5}, {5, 5, 5}, {5, 5, 5}};
        AssignmentProblem problem = AssignmentProblem.dense(ties);
        assertThat(EXACT.solve(problem)).isEqualTo(EXACT.solve(problem));
        assertThat(EXACT.solve(problem).totalWeight()).isEqualTo(15);
    }
}
