package com.backhaulexchange.settlement.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.Variable;

/**
 * The equal profit method of Frisk, Göthe-Lundgren, Jörnsten and Rönnqvist (EJOR 205(2), 2010), on a
 * savings game: minimise f subject to x_i / r_i − x_j / r_j ≤ f for every ordered pair of players, the core
 * constraints x(S) ≥ v(S) for every proper coalition, and x(N) = v(N). x_i / r_i is player i's relative
 * saving; the reference r_i is, in this order: the reference values the rule was given; the stand-alone cost
 * c({i}) when the game was made from a cost game (the paper's setting: savings relative to what each would
 * pay alone); v({i}) when every stand-alone value is positive (profit relative to profit alone); 1 for every
 * player when every v({i}) is 0 (the most equal absolute shares in the core). Anything else — a reference
 * ≤ 0, or some stand-alone values 0 and others not — is refused. When the core is empty the constraints are
 * relaxed to the least core, x(S) ≥ v(S) − ε* with ε* the least-core value, and a remark says so.
 */
final class EqualProfitMethod {

    /** Least-core values up to this (relative to the game's scale) are rounding: the core is not empty. */
    static final double CORE_TOLERANCE = 1e-9;

    private EqualProfitMethod() {
    }

    static AllocationOutcome solve(CooperativeGame game, List<Double> givenReferences) {
        int n = game.players();
        List<String> remarks = new ArrayList<>();
        Optional<double[]> references = references(game, givenReferences, remarks);
        if (references.isEmpty()) {
            return AllocationOutcome.refused(AllocationRule.EQUAL_PROFIT_NEEDS_REFERENCE_VALUES, remarks.getLast());
        }
        double[] reference = references.get();
        double grand = game.grandCoalitionValue();
        if (n == 1) {
            return new AllocationOutcome.Allocated(Allocation.exact("equal-profit", grand, new double[] {grand},
                    remarks));
        }
        double scale = game.magnitude();
        double leastCore = leastCore(game, scale);
        // Exactly the core when it is non-empty (ε* ≤ 0); else the least core. A least-core value that is
        // positive only by rounding relaxes by that rounding, with no remark.
        double relaxation = Math.max(0, leastCore);
        if (leastCore > CORE_TOLERANCE) {
            remarks.add("the core is empty: relaxed to the least core, every coalition at most "
                    + leastCore * scale + " short of its value");
        }
        double referenceScale = 0;
        for (double r : reference) {
            referenceScale = Math.max(referenceScale, r);
        }
        LinearProgrammes.Model model = new LinearProgrammes.Model(n, null);
        Variable spread = model.variable("spread").lower(0).weight(1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    Expression difference = model.expression().upper(0);
                    difference.set(model.shares[i], referenceScale / reference[i]);
                    difference.set(model.shares[j], -referenceScale / reference[j]);
                    difference.set(spread, -1);
                }
            }
        }
        long all = game.grandCoalition();
        model.coalition(all).level(grand / scale);
        for (long mask = 1; mask < all; mask++) {
            model.coalition(mask).lower(game.value(mask) / scale - relaxation);
        }
        double[] shares = model.minimise().shares(model);
        for (int i = 0; i < n; i++) {
            shares[i] *= scale;
        }
        return new AllocationOutcome.Allocated(Allocation.exact("equal-profit", grand, shares, remarks));
    }

    /** min ε such that some x with x(N) = v(N) has v(S) − x(S) ≤ ε for every proper coalition (scaled). */
    static double leastCore(CooperativeGame game, double scale) {
        LinearProgrammes.Model model = new LinearProgrammes.Model(game.players(), null);
        Variable epsilon = model.variable("epsilon").weight(1);
        long all = game.grandCoalition();
        model.coalition(all).level(game.grandCoalitionValue() / scale);
        for (long mask = 1; mask < all; mask++) {
            model.coalition(mask).set(epsilon, 1).lower(game.value(mask) / scale);
        }
        return model.minimise().variable(epsilon);
    }

    /** The references r_i by the order in the class comment; on refusal, the reason is the last remark. */
    private static Optional<double[]> references(CooperativeGame game, List<Double> given, List<String> remarks) {
        int n = game.players();
        if (!given.isEmpty()) {
            if (given.size() != n) {
                remarks.add("one reference value per player is needed: " + n + " players, " + given.size()
                        + " references");
                return Optional.empty();
            }
            double[] references = new double[n];
            for (int i = 0; i < n; i++) {
                references[i] = given.get(i);
                if (!(references[i] > 0) || !Double.isFinite(references[i])) {
                    remarks.add("reference value of player " + i + " must be a positive number, was " + given.get(i));
                    return Optional.empty();
                }
            }
            remarks.add("relative savings against the given reference values");
            return Optional.of(references);
        }
        Optional<double[]> costs = game.standAloneCosts();
        if (costs.isPresent()) {
            for (int i = 0; i < n; i++) {
                if (!(costs.get()[i] > 0)) {
                    remarks.add("stand-alone cost of player " + i + " is " + costs.get()[i]
                            + ": relative savings need positive stand-alone costs");
                    return Optional.empty();
                }
            }
            remarks.add("relative savings against stand-alone costs");
            return costs;
        }
        double[] standAlone = new double[n];
        int positive = 0;
        int zero = 0;
        for (int i = 0; i < n; i++) {
            standAlone[i] = game.standAloneValue(i);
            if (standAlone[i] > 0) {
                positive++;
            } else if (standAlone[i] == 0) {
                zero++;
            }
        }
        if (positive == n) {
            remarks.add("relative profits against stand-alone values v({i})");
            return Optional.of(standAlone);
        }
        if (zero == n) {
            remarks.add("every stand-alone value is 0 and no reference values were given: the most equal"
                    + " absolute shares in the core (r_i = 1)");
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1.0);
            return Optional.of(ones);
        }
        remarks.add("relative savings need a positive reference per player: stand-alone values are mixed"
                + " (zero, negative or positive); pass reference values such as each partner's stand-alone cost");
        return Optional.empty();
    }
}
