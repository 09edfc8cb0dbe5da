package com.backhaulexchange.matching.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The exact solver against brute force and a second exact algorithm; greedy against both. */
class AssignmentPropertiesTest {

    private static final AssignmentSolver EXACT = new ShortestAugmentingPathSolver();
    private static final AssignmentSolver GREEDY = new GreedyAssignment();

    @Property(tries = 1500)
    @Label("the exact solver finds the brute-force optimum on small instances")
    void exactEqualsBruteForce(
            @ForAll @IntRange(min = 0, max = 7) int rows,
            @ForAll @IntRange(min = 0, max = 7) int columns,
            @ForAll @DoubleRange(min = 0.05, max = 1.0) double density,
            @ForAll @LongRange(min = 1, max = 1_000) long maxWeight,
            @ForAll long seed) {
        AssignmentProblem problem = AssignmentOracles.random(new Random(seed), rows, columns, density, maxWeight);

        assertThat(EXACT.solve(problem).totalWeight()).isEqualTo(AssignmentOracles.bruteForce(problem));
    }

    @Property(tries = 1500)
    @Label("an assignment uses each row and column at most once, only allowed pairs, and sums its weights")
    void assignmentsAreValid(
            @ForAll @IntRange(min = 0, max = 12) int rows,
            @ForAll @IntRange(min = 0, max = 12) int columns,
            @ForAll @DoubleRange(min = 0.05, max = 1.0) double density,
            @ForAll long seed) {
        AssignmentProblem problem = AssignmentOracles.random(new Random(seed), rows, columns, density, 50);
        for (AssignmentSolver solver : new AssignmentSolver[] {EXACT, GREEDY}) {
            Assignment assignment = solver.solve(problem);
            Set<Integer> rowsUsed = new HashSet<>();
            Set<Integer> columnsUsed = new HashSet<>();
            long total = 0;
            for (Assignment.Pair pair : assignment.pairs()) {
                assertThat(rowsUsed.add(pair.row())).isTrue();
                assertThat(columnsUsed.add(pair.column())).isTrue();
                assertThat(problem.weight(pair.row(), pair.column())).isPositive().isEqualTo(pair.weight());
                total += pair.weight();
            }
            assertThat(assignment.totalWeight()).isEqualTo(total);
        }
    }

    @Property(tries = 1500)
    @Label("greedy never beats the optimum and never falls below half of it")
    void greedyIsBoundedByTheOptimum(
            @ForAll @IntRange(min = 0, max = 7) int rows,
            @ForAll @IntRange(min = 0, max = 7) int columns,
            @ForAll @DoubleRange(min = 0.05, max = 1.0) double density,
            @ForAll long seed) {
        AssignmentProblem problem = AssignmentOracles.random(new Random(seed), rows, columns, density, 100);
        long optimum = AssignmentOracles.bruteForce(problem);
        long greedy = GREEDY.solve(problem).totalWeight();

        assertThat(greedy).isLessThanOrEqualTo(optimum);
        assertThat(2 * greedy).isGreaterThanOrEqualTo(optimum);
    }

    @Property(tries = 60)
    @Label("the exact solver agrees with the textbook Hungarian method on larger instances")
    void exactEqualsHungarian(
            @ForAll @IntRange(min = 1, max = 60) int rows,
            @ForAll @IntRange(min = 1, max = 60) int columns,
            @ForAll @DoubleRange(min = 0.02, max = 1.0) double density,
            @ForAll long seed) {
        AssignmentProblem problem = AssignmentOracles.random(new Random(seed), rows, columns, density, 1_000_000);

        long exact = EXACT.solve(problem).totalWeight();

        assertThat(exact).isEqualTo(AssignmentOracles.hungarian(problem));
        assertThat(GREEDY.solve(problem).totalWeight()).isLessThanOrEqualTo(exact);
    }

    @Property(tries = 10)
    @Label("on geographic instances the exact solver matches the Hungarian method and is ahead of greedy")
    void geographicInstances(@ForAll @IntRange(min = 50, max = 150) int size, @ForAll long seed) {
        AssignmentProblem problem = AssignmentOracles.geographic(new Random(seed), size, size, 150);

        long exact = EXACT.solve(problem).totalWeight();

        assertThat(exact).isEqualTo(AssignmentOracles.hungarian(problem));
        assertThat(GREEDY.solve(problem).totalWeight()).isLessThanOrEqualTo(exact);
    }

    @Property(tries = 1000)
    @Label("the solver's prices are an optimal dual: non-negative, covering every pair, tight on chosen pairs, summing to the optimum")
    void pricesAreAnOptimalDual(
            @ForAll @IntRange(min = 0, max = 12) int rows,
            @ForAll @IntRange(min = 0, max = 12) int columns,
            @ForAll @DoubleRange(min = 0.05, max = 1.0) double density,
            @ForAll @LongRange(min = 1, max = 1_000) long maxWeight,
            @ForAll long seed) {
        AssignmentProblem problem = AssignmentOracles.random(new Random(seed), rows, columns, density, maxWeight);

        PricedAssignment priced = new ShortestAugmentingPathSolver().solveWithPrices(problem);

        assertThat(priced.assignment()).isEqualTo(EXACT.solve(problem));
        long sum = 0;
        for (int row = 0; row < rows; row++) {
            assertThat(priced.rowPrice(row)).isNotNegative();
            sum += priced.rowPrice(row);
            for (int column = 0; column < columns; column++) {
                long weight = problem.weight(row, column);
                if (weight > 0) {
                    assertThat(priced.rowPrice(row) + priced.columnPrice(column)).isGreaterThanOrEqualTo(weight);
                }
            }
        }
        for (int column = 0; column < columns; column++) {
            assertThat(priced.columnPrice(column)).isNotNegative();
            sum += priced.columnPrice(column);
        }
        for (Assignment.Pair pair : priced.assignment().pairs()) {
            assertThat(priced.rowPrice(pair.row()) + priced.columnPrice(pair.column())).isEqualTo(pair.weight());
        }
        assertThat(sum).isEqualTo(priced.assignment().totalWeight());
    }
}
