package com.backhaulexchange.matching.selection;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The solver strategy of ADR 39: the exact 0/1 programme (ojAlgo's branch and bound) when the instance has at most
 * {@link Settings#exactMaxOptions} options, within {@link Settings#exactTimeLimit}; otherwise, or when the exact
 * solve does not prove optimality in time, the Lagrangian heuristic. The heuristic starts from {@code start} (for
 * the optimiser, the exact pairwise assignment) and from whatever the exact solve found, so its selection is never
 * worth less than either. Every result carries an upper bound: the selection's value when proven optimal, else the
 * best Lagrangian bound rounded down.
 */
public final class SelectionSolver {

    /**
     * {@code exactMaxOptions}: the largest instance solved exactly (at 1,000 lanes the network benchmark's ~380
     * options took ojAlgo 0.3 s; at 10,000 lanes, ~35,000 options, it did not finish in 180 s).
     * {@code lagrangianIterations}: at most 500 subgradient steps. On the benchmark's 10,000-lane network, 300
     * steps left the selection 1.1 % below its bound, 500 leave it 0.15 % below (0.6 s), 1,000 0.035 % (1.3 s).
     */
    public record Settings(int exactMaxOptions, Duration exactTimeLimit, int lagrangianIterations, int swapPasses) {

        public static final Settings DEFAULT = new Settings(2_000, Duration.ofSeconds(10), 500, 5);

        public Settings {
            Objects.requireNonNull(exactTimeLimit, "exactTimeLimit");
            if (exactMaxOptions < 0 || exactTimeLimit.isNegative() || lagrangianIterations < 1 || swapPasses < 0) {
                throw new IllegalArgumentException("invalid selection settings " + exactMaxOptions + ", "
                        + exactTimeLimit + ", " + lagrangianIterations + ", " + swapPasses);
            }
        }
    }

    private final Settings settings;

    public SelectionSolver(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public SelectionSolver() {
        this(Settings.DEFAULT);
    }

    public Settings settings() {
        return settings;
    }

    public PackingSelection select(List<PackingOption> options, int trucks, int loads) {
        return select(options, trucks, loads, List.of());
    }

    /** {@code start}: a packing of these options the result must not fall below (may be empty). */
    public PackingSelection select(List<PackingOption> options, int trucks, int loads, List<PackingOption> start) {
        var packing = new SetPacking(options, trucks, loads);
        if (!packing.isPacking(start)) {
            throw new IllegalArgumentException("the start uses a truck or a load twice");
        }
        if (options.stream().noneMatch(option -> option.surplusMinorUnits() > 0)) {
            return new PackingSelection(List.of(), 0, 0, SelectionMethod.EXACT_MIP);
        }
        SelectionMethod heuristic = SelectionMethod.LAGRANGIAN_HEURISTIC;
        List<PackingOption> seed = start;
        if (options.size() <= settings.exactMaxOptions()) {
            SetPacking.Result exact = packing.exact(settings.exactTimeLimit().toMillis() / 1000.0);
            boolean valid = packing.isPacking(exact.chosen());
            if (valid && exact.status().startsWith("OPTIMAL") && exact.surplus() >= PackingOption.totalSurplus(start)) {
                return new PackingSelection(exact.chosen(), exact.surplus(), exact.surplus(), SelectionMethod.EXACT_MIP);
            }
            heuristic = SelectionMethod.LAGRANGIAN_AFTER_EXACT_TIMEOUT;
            if (valid && exact.surplus() > PackingOption.totalSurplus(start)) {
                seed = exact.chosen();
            }
        }
        SetPacking.Result result = packing.lagrangian(settings.lagrangianIterations(), settings.swapPasses(), seed);
        long bound = Math.max(result.surplus(), (long) Math.floor(result.upperBound() + 1e-6));
        return new PackingSelection(result.chosen(), result.surplus(), bound, heuristic);
    }
}
