package com.backhaulexchange.settlement.allocation;

import java.util.ArrayList;
import java.util.List;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.Variable;

/**
 * The nucleolus by sequential linear programmes (Kopelowitz 1967; Maschler, Peleg and Shapley 1979).
 *
 * <p>Round k, over imputations (x(N) = v(N), x_i ≥ v({i})), with the coalitions fixed so far held at their
 * excesses: minimise ε subject to v(S) − x(S) ≤ ε for every coalition S not yet fixed. Which of the
 * coalitions at excess ε* keep that excess in <em>every</em> optimal solution is found by a second programme:
 * give each such candidate a slack t_S ∈ [0, 1], require v(S) − x(S) + t_S ≤ ε*, maximise Σ t_S; candidates
 * that can be slack are dropped and the programme repeated until none can (the dual of round k guarantees at
 * least one is always tight). Those are settled, and so is every remaining coalition whose indicator vector
 * is now a linear combination of the settled ones (and N), its excess being constant from here on. Settled
 * coalitions keep v(S) − x(S) ≤ ε* in every later round — with the rest of the round's constraints that is
 * the round's optimal face, and one-sided constraints cannot be made infeasible by rounding.
 * The rounds end when the fixed coalitions span ℝ^n: the point is then unique. Values are scaled to |v| ≤ 1
 * and a coalition counts as tight within {@value #TIGHT}.
 */
final class NucleolusSolver {

    static final double TIGHT = 1e-8;
    /**
     * Levels from earlier rounds are held as v(S) − x(S) ≤ ε_k + BAND, never as equalities: they come out
     * of a floating-point solver, and when the imputations leave no room (x_i ≥ v({i}) all tight) a rounded
     * equality can be infeasible by 1e-16. Well below {@link #TIGHT}.
     */
    static final double BAND = 1e-11;

    private NucleolusSolver() {
    }

    static AllocationOutcome solve(CooperativeGame game) {
        int n = game.players();
        double grand = game.grandCoalitionValue();
        double standAloneSum = 0;
        for (int i = 0; i < n; i++) {
            standAloneSum += game.standAloneValue(i);
        }
        double scale = game.magnitude();
        if (standAloneSum > grand + TIGHT * scale) {
            return AllocationOutcome.refused(AllocationRule.NUCLEOLUS_NEEDS_IMPUTATIONS, "the players' stand-alone"
                    + " values sum to " + standAloneSum + ", more than v(N) = " + grand + ": no allocation gives"
                    + " everyone at least what it has alone, so the nucleolus is not defined");
        }
        if (n == 1) {
            return allocated(grand, new double[] {grand}, List.of());
        }
        double[] lower = new double[n];
        for (int i = 0; i < n; i++) {
            lower[i] = game.standAloneValue(i) / scale;
        }
        long all = game.grandCoalition();
        List<Long> remaining = new ArrayList<>();
        for (long mask = 1; mask < all; mask++) {
            remaining.add(mask);
        }
        List<long[]> fixed = new ArrayList<>(); // {mask, Double bits of the scaled excess}
        Span span = new Span(n);
        span.add(all);
        double[] shares = null;
        int rounds = 0;
        while (span.rank() < n && !remaining.isEmpty()) {
            rounds++;
            LinearProgrammes.Model minimax = model(game, scale, lower, fixed);
            Variable epsilon = minimax.variable("epsilon").weight(1);
            for (long mask : remaining) {
                minimax.coalition(mask).set(epsilon, 1).lower(game.value(mask) / scale);
            }
            LinearProgrammes.Solution solution = minimax.minimise();
            double level = solution.variable(epsilon);
            shares = solution.shares(minimax);
            List<Long> candidates = new ArrayList<>();
            long mostExcess = -1;
            double largest = Double.NEGATIVE_INFINITY;
            for (long mask : remaining) {
                double excess = excess(game, scale, shares, mask);
                if (excess >= level - TIGHT) {
                    candidates.add(mask);
                }
                if (excess > largest) {
                    largest = excess;
                    mostExcess = mask;
                }
            }
            candidates = alwaysTight(game, scale, lower, fixed, remaining, candidates, level);
            if (candidates.isEmpty()) {
                candidates = List.of(mostExcess); // only by rounding: the dual says one is always tight
            }
            java.util.Set<Long> settled = new java.util.HashSet<>(candidates);
            for (long mask : candidates) {
                span.add(mask);
            }
            List<Long> next = new ArrayList<>();
            for (long mask : remaining) {
                if (!settled.contains(mask) && span.contains(mask)) {
                    settled.add(mask);
                }
                if (settled.contains(mask)) {
                    // Kept as v(S) − x(S) ≤ ε* (within BAND): with the others of this round, that is exactly
                    // the optimal face, on which the always-tight ones sit at ε* and the spanned are constant.
                    fixed.add(new long[] {mask, Double.doubleToLongBits(level)});
                } else {
                    next.add(mask);
                }
            }
            remaining = next;
        }
        if (shares == null) {
            throw new IllegalStateException("no round ran for " + n + " players");
        }
        double[] result = new double[n];
        for (int i = 0; i < n; i++) {
            result[i] = shares[i] * scale;
        }
        return allocated(grand, result, List.of("sequential linear programmes: " + rounds + " rounds"));
    }

    private static AllocationOutcome allocated(double grand, double[] shares, List<String> remarks) {
        return new AllocationOutcome.Allocated(Allocation.exact("nucleolus", grand, shares, remarks));
    }

    /** The candidates whose excess is ε* in every optimal solution of the round. */
    private static List<Long> alwaysTight(CooperativeGame game, double scale, double[] lower, List<long[]> fixed,
            List<Long> remaining, List<Long> candidates, double level) {
        List<Long> tight = new ArrayList<>(candidates);
        while (!tight.isEmpty()) {
            LinearProgrammes.Model slack = model(game, scale, lower, fixed);
            List<Variable> slacks = new ArrayList<>();
            java.util.Set<Long> tightSet = new java.util.HashSet<>(tight);
            for (long mask : remaining) {
                Expression constraint = slack.coalition(mask).lower(game.value(mask) / scale - level - BAND);
                if (tightSet.contains(mask)) {
                    Variable t = slack.variable("t" + mask).lower(0).upper(1).weight(1);
                    constraint.set(t, -1);
                    slacks.add(t);
                }
            }
            LinearProgrammes.Solution solution = slack.maximise();
            List<Long> stillTight = new ArrayList<>();
            for (int k = 0; k < tight.size(); k++) {
                if (solution.variable(slacks.get(k)) <= TIGHT) {
                    stillTight.add(tight.get(k));
                }
            }
            if (stillTight.size() == tight.size()) {
                return tight;
            }
            tight = stillTight;
        }
        return tight;
    }

    /** Shares bounded below by the stand-alone values, x(N) = v(N), settled coalitions at most at their level. */
    private static LinearProgrammes.Model model(CooperativeGame game, double scale, double[] lower,
            List<long[]> fixed) {
        LinearProgrammes.Model model = new LinearProgrammes.Model(game.players(), lower);
        model.coalition(game.grandCoalition()).level(game.grandCoalitionValue() / scale);
        for (long[] entry : fixed) {
            model.coalition(entry[0]).lower(game.value(entry[0]) / scale - Double.longBitsToDouble(entry[1]) - BAND);
        }
        return model;
    }

    private static double excess(CooperativeGame game, double scale, double[] shares, long mask) {
        double allocated = 0;
        for (long rest = mask; rest != 0; rest &= rest - 1) {
            allocated += shares[Long.numberOfTrailingZeros(rest)];
        }
        return game.value(mask) / scale - allocated;
    }

    /** The linear span of coalition indicator vectors, kept in reduced row-echelon form. */
    static final class Span {
        private final int n;
        private final List<double[]> rows = new ArrayList<>();
        private final List<Integer> pivots = new ArrayList<>();

        Span(int n) {
            this.n = n;
        }

        int rank() {
            return rows.size();
        }

        boolean contains(long mask) {
            return reduce(mask) == null;
        }

        /** Adds the coalition's indicator vector; false when it was in the span already. */
        boolean add(long mask) {
            double[] row = reduce(mask);
            if (row == null) {
                return false;
            }
            int pivot = 0;
            while (Math.abs(row[pivot]) <= 1e-9) {
                pivot++;
            }
            double scale = row[pivot];
            for (int j = 0; j < n; j++) {
                row[j] /= scale;
            }
            for (double[] other : rows) {
                double factor = other[pivot];
                if (factor != 0) {
                    for (int j = 0; j < n; j++) {
                        other[j] -= factor * row[j];
                    }
                }
            }
            rows.add(row);
            pivots.add(pivot);
            return true;
        }

        /** The residual of the indicator vector after elimination, or null when it lies in the span. */
        private double[] reduce(long mask) {
            double[] vector = new double[n];
            for (int j = 0; j < n; j++) {
                vector[j] = (mask >>> j) & 1;
            }
            for (int k = 0; k < rows.size(); k++) {
                double factor = vector[pivots.get(k)];
                if (factor != 0) {
                    double[] row = rows.get(k);
                    for (int j = 0; j < n; j++) {
                        vector[j] -= factor * row[j];
                    }
                }
            }
            for (double entry : vector) {
                if (Math.abs(entry) > 1e-9) {
                    return vector;
                }
            }
            return null;
        }
    }
}
