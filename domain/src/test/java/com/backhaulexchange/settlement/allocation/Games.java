package com.backhaulexchange.settlement.allocation;

import java.util.Random;

/** Textbook games and random game generators for the allocation tests. */
final class Games {

    private Games() {
    }

    /** Player 0 holds a left glove, players 1 and 2 a right glove each; a pair is worth 1. */
    static CooperativeGame glove() {
        return CooperativeGame.of(3, mask -> Math.min(Long.bitCount(mask & 1), Long.bitCount(mask & 6)));
    }

    /** v(S) = max(0, estate − claims of the players outside S). */
    static CooperativeGame bankruptcy(double estate, double... claims) {
        return CooperativeGame.of(claims.length, mask -> {
            double outside = 0;
            for (int i = 0; i < claims.length; i++) {
                if ((mask & (1L << i)) == 0) {
                    outside += claims[i];
                }
            }
            return Math.max(0, estate - outside);
        });
    }

    /** The airport cost game: a coalition pays for the longest runway any member needs. */
    static CooperativeGame airport(double... costs) {
        return CooperativeGame.fromCosts(costs.length, mask -> {
            double longest = 0;
            for (int i = 0; i < costs.length; i++) {
                if ((mask & (1L << i)) != 0) {
                    longest = Math.max(longest, costs[i]);
                }
            }
            return longest;
        });
    }

    /** v(S) = 1 when S holds a majority of the three players. */
    static CooperativeGame majority() {
        return CooperativeGame.of(3, mask -> Long.bitCount(mask) >= 2 ? 1 : 0);
    }

    /**
     * A random convex (supermodular) game: v(S) = Σ_{i∈S} a_i (a_i ≥ 0) + (Σ_{i∈S} w_i)² + Σ over random "pair bonus"
     * families of the bonus when S contains both — a sum of supermodular functions, so supermodular.
     */
    static CooperativeGame convex(Random random, int players) {
        double[] additive = new double[players];
        double[] weights = new double[players];
        for (int i = 0; i < players; i++) {
            additive[i] = random.nextInt(21);
            weights[i] = random.nextInt(6);
        }
        int bonuses = random.nextInt(players + 1);
        long[] pairs = new long[bonuses];
        double[] bonus = new double[bonuses];
        for (int k = 0; k < bonuses; k++) {
            int i = random.nextInt(players);
            int j = random.nextInt(players);
            pairs[k] = (1L << i) | (1L << j);
            bonus[k] = random.nextInt(30);
        }
        return CooperativeGame.of(players, mask -> {
            double linear = 0;
            double weight = 0;
            for (int i = 0; i < players; i++) {
                if ((mask & (1L << i)) != 0) {
                    linear += additive[i];
                    weight += weights[i];
                }
            }
            double value = linear + weight * weight;
            for (int k = 0; k < bonuses; k++) {
                if ((mask & pairs[k]) == pairs[k]) {
                    value += bonus[k];
                }
            }
            return value;
        });
    }

    /** A game with independent random integer values in [−range, range]. */
    static CooperativeGame random(Random random, int players, int range) {
        return CooperativeGame.of(players, mask -> random.nextInt(2 * range + 1) - range);
    }

    /** A random assignment market of {@code players} owners with a few lanes each. */
    static AssignmentMarket market(Random random, int players, int capacityLanes, int loadLanes, double density) {
        AssignmentMarket.Builder builder = AssignmentMarket.builder(players);
        for (int k = 0; k < capacityLanes; k++) {
            builder.capacityLane(random.nextInt(players));
        }
        for (int k = 0; k < loadLanes; k++) {
            builder.loadLane(random.nextInt(players));
        }
        for (int c = 0; c < capacityLanes; c++) {
            for (int l = 0; l < loadLanes; l++) {
                if (random.nextDouble() < density) {
                    builder.surplus(c, l, 1 + random.nextInt(10_000));
                }
            }
        }
        return builder.build();
    }
}
