package com.backhaulexchange.matching.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The solver strategy, both ways (exact and heuristic), against brute force and the pairwise optimum. */
class SelectionSolverPropertiesTest {

    private static final SelectionSolver EXACT = new SelectionSolver();
    private static final SelectionSolver HEURISTIC = new SelectionSolver(
            new SelectionSolver.Settings(0, Duration.ofSeconds(1), 300, 5));

    @Property(tries = 300)
    @Label("the exact solve is the brute-force optimum, proven (bound = value, gap 0)")
    void exactEqualsBruteForce(@ForAll @IntRange(min = 0, max = 6) int trucks,
            @ForAll @IntRange(min = 0, max = 7) int loads, @ForAll @IntRange(min = 0, max = 18) int options,
            @ForAll long seed) {
        List<PackingOption> instance = SelectionOracles.random(new Random(seed), trucks, loads, options, 500);

        PackingSelection selection = EXACT.select(instance, trucks, loads);

        assertThat(selection.surplusMinorUnits()).isEqualTo(SelectionOracles.bruteForce(instance, trucks, loads));
        assertThat(selection.method()).isEqualTo(SelectionMethod.EXACT_MIP);
        assertThat(selection.upperBoundMinorUnits()).isEqualTo(selection.surplusMinorUnits());
        assertThat(selection.gap()).isZero();
    }

    @Property(tries = 400)
    @Label("both ways: never a truck or a load twice, value <= optimum <= bound, never below the pairwise optimum")
    void selectionsArePackingsBetweenPairwiseAndTheBound(@ForAll @IntRange(min = 0, max = 6) int trucks,
            @ForAll @IntRange(min = 0, max = 7) int loads, @ForAll @IntRange(min = 0, max = 18) int options,
            @ForAll long seed) {
        List<PackingOption> instance = SelectionOracles.random(new Random(seed), trucks, loads, options, 500);
        long optimum = SelectionOracles.bruteForce(instance, trucks, loads);
        List<PackingOption> pairwise = SelectionOracles.pairwiseOptimum(instance, trucks, loads);

        for (SelectionSolver solver : List.of(EXACT, HEURISTIC)) {
            PackingSelection selection = solver.select(instance, trucks, loads, pairwise);

            SelectionOracles.assertPacking(selection.chosen(), instance, trucks, loads);
            assertThat(selection.surplusMinorUnits()).isEqualTo(PackingOption.totalSurplus(selection.chosen()))
                    .isLessThanOrEqualTo(optimum)
                    .isGreaterThanOrEqualTo(PackingOption.totalSurplus(pairwise));
            assertThat(selection.upperBoundMinorUnits()).isGreaterThanOrEqualTo(optimum);
            assertThat(selection.gap()).isBetween(0.0, 1.0);
        }
    }
}
