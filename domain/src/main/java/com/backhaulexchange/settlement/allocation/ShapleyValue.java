package com.backhaulexchange.settlement.allocation;

import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/** The Shapley value, exactly over every coalition, or estimated from random orders of joining. */
final class ShapleyValue {

    private ShapleyValue() {
    }

    /**
     * φ_i = Σ_{S ⊆ N∖{i}} |S|! (n−|S|−1)! / n! · (v(S ∪ {i}) − v(S)), one pass over the 2^n coalitions and
     * each player outside them: O(n · 2^n).
     */
    static double[] exact(CooperativeGame game) {
        int n = game.players();
        double[] weight = new double[n];
        weight[0] = 1.0 / n;
        for (int size = 1; size < n; size++) {
            weight[size] = weight[size - 1] * size / (n - size);
        }
        double[] shapley = new double[n];
        long all = game.grandCoalition();
        for (long mask = 0; mask < all; mask++) {
            double value = game.value(mask);
            double w = weight[Long.bitCount(mask)];
            for (long outside = all & ~mask; outside != 0; outside &= outside - 1) {
                long bit = outside & -outside;
                shapley[Long.numberOfTrailingZeros(bit)] += w * (game.value(mask | bit) - value);
            }
        }
        return shapley;
    }

    /**
     * The mean marginal contribution of each player over {@code permutations} orders drawn uniformly (Fisher–
     * Yates on a {@link SplittableRandom} seeded with {@code seed}), with the standard error s_i / √m of each
     * mean (s_i the sample standard deviation of player i's marginal contributions). Unbiased; each order's
     * marginals telescope to v(N), so the estimate is efficient. Costs m · n oracle calls.
     */
    static Allocation sampled(Game game, int permutations, long seed, String rule) {
        int n = game.players();
        double grand = game.grandCoalitionValue();
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] mean = new double[n];
        double[] squares = new double[n];
        BitSet coalition = new BitSet(n);
        CooperativeGame table = game instanceof CooperativeGame explicit ? explicit : null;
        for (int sample = 1; sample <= permutations; sample++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            coalition.clear();
            long mask = 0;
            double previous = 0;
            for (int k = 0; k < n; k++) {
                int player = order[k];
                double current;
                if (k == n - 1) {
                    current = grand;
                } else if (table != null) {
                    mask |= 1L << player;
                    current = table.value(mask);
                } else {
                    coalition.set(player);
                    current = game.value(coalition);
                }
                double marginal = current - previous;
                previous = current;
                // Welford's running mean and sum of squared deviations.
                double delta = marginal - mean[player];
                mean[player] += delta / sample;
                squares[player] += delta * (marginal - mean[player]);
            }
        }
        double[] errors = new double[n];
        for (int i = 0; i < n; i++) {
            errors[i] = Math.sqrt(squares[i] / (permutations - 1) / permutations);
        }
        return new Allocation(rule, grand, Allocation.boxed(mean), Allocation.boxed(errors),
                List.of("estimated from " + permutations + " random orders (seed " + seed
                        + "); standard error per player alongside"));
    }
}
