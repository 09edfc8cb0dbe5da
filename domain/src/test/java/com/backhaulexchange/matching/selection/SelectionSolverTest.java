package com.backhaulexchange.matching.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SelectionSolverTest {

    /**
     * Truck 0 may take load 0 alone (60) or loads 0 then 1 as a package (100); truck 1 only load 1 (30). Pairwise,
     * the best is 0–0 and 1–1 (90); the package alone is worth 100.
     */
    private static final List<PackingOption> PACKAGE_BEATS_PAIRS = List.of(PackingOption.of(0, 60, 0),
            PackingOption.of(0, 100, 0, 1), PackingOption.of(1, 30, 1));

    @Test
    void aSmallInstanceIsSolvedExactlyAndAPackageBeatsThePairwiseOptimum() {
        var pairwise = List.of(PackingOption.of(0, 60, 0), PackingOption.of(1, 30, 1));

        var selection = new SelectionSolver().select(PACKAGE_BEATS_PAIRS, 2, 2, pairwise);

        assertThat(selection.chosen()).containsExactly(PackingOption.of(0, 100, 0, 1));
        assertThat(selection.surplusMinorUnits()).isEqualTo(100);
        assertThat(selection.upperBoundMinorUnits()).isEqualTo(100);
        assertThat(selection.gap()).isZero();
        assertThat(selection.method()).isEqualTo(SelectionMethod.EXACT_MIP);
    }

    @Test
    void aboveTheThresholdTheHeuristicAnswersWithItsBound() {
        var heuristic = new SelectionSolver(new SelectionSolver.Settings(2, Duration.ofSeconds(5), 300, 5));

        var selection = heuristic.select(PACKAGE_BEATS_PAIRS, 2, 2);

        assertThat(selection.method()).isEqualTo(SelectionMethod.LAGRANGIAN_HEURISTIC);
        assertThat(selection.surplusMinorUnits()).isEqualTo(100);
        assertThat(selection.upperBoundMinorUnits()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void anExactSolveOutOfTimeFallsBackToTheHeuristicNeverBelowTheStart() {
        var random = new Random(5);
        List<PackingOption> options = SelectionOracles.random(random, 400, 400, 6_000, 100_000);
        var pairwise = SelectionOracles.pairwiseOptimum(options, 400, 400);
        var hurried = new SelectionSolver(new SelectionSolver.Settings(10_000, Duration.ZERO, 200, 3));

        var selection = hurried.select(options, 400, 400, pairwise);

        assertThat(selection.method()).isEqualTo(SelectionMethod.LAGRANGIAN_AFTER_EXACT_TIMEOUT);
        SelectionOracles.assertPacking(selection.chosen(), options, 400, 400);
        assertThat(selection.surplusMinorUnits()).isGreaterThanOrEqualTo(PackingOption.totalSurplus(pairwise));
        assertThat(selection.upperBoundMinorUnits()).isGreaterThanOrEqualTo(selection.surplusMinorUnits());
        assertThat(selection.gap()).isEqualTo((double) (selection.upperBoundMinorUnits()
                - selection.surplusMinorUnits()) / selection.upperBoundMinorUnits());
    }

    @Test
    void nothingWorthTakingIsAnEmptyProvenSelection() {
        var selection = new SelectionSolver().select(List.of(PackingOption.of(0, -5, 0)), 1, 1);

        assertThat(selection.chosen()).isEmpty();
        assertThat(selection.upperBoundMinorUnits()).isZero();
        assertThat(selection.gap()).isZero();
    }

    @Test
    void aStartThatIsNotAPackingIsRefused() {
        assertThatThrownBy(() -> new SelectionSolver().select(PACKAGE_BEATS_PAIRS, 2, 2,
                List.of(PackingOption.of(0, 60, 0), PackingOption.of(0, 100, 0, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSelectionsBoundIsNeverBelowItsValue() {
        assertThatThrownBy(() -> new PackingSelection(List.of(PackingOption.of(0, 60, 0)), 60, 59,
                SelectionMethod.EXACT_MIP)).isInstanceOf(IllegalArgumentException.class);
    }
}
