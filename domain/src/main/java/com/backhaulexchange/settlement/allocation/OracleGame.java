package com.backhaulexchange.settlement.allocation;

import java.util.BitSet;

/**
 * A game given by a value oracle rather than a table: any number of players (the oracle decides what a
 * coalition is worth). Rules that need every coalition tabulate it first, which is refused above
 * {@link CooperativeGame#MAX_PLAYERS}; the sampled Shapley value, equal split and proportional rule only
 * ask for a few values.
 */
public record OracleGame(int players, ValueOracle oracle) implements Game {

    /** Far beyond what sampling is measured for; keeps a permutation and its coalition in memory trivially. */
    public static final int MAX_PLAYERS = 100_000;

    public OracleGame {
        if (players < 1 || players > MAX_PLAYERS) {
            throw new IllegalArgumentException("players must be 1.." + MAX_PLAYERS + ": " + players);
        }
        java.util.Objects.requireNonNull(oracle, "oracle");
    }

    @Override
    public double value(BitSet coalition) {
        return coalition.isEmpty() ? 0.0 : oracle.value(coalition);
    }

    @Override
    public double grandCoalitionValue() {
        BitSet all = new BitSet(players);
        all.set(0, players);
        return oracle.value(all);
    }

    @Override
    public double standAloneValue(int player) {
        BitSet alone = new BitSet(players);
        alone.set(player);
        return oracle.value(alone);
    }

    @Override
    public CooperativeGame tabulate() {
        if (players > CooperativeGame.MAX_PLAYERS) {
            throw new IllegalStateException(players + " players cannot be tabulated (at most "
                    + CooperativeGame.MAX_PLAYERS + ")");
        }
        BitSet coalition = new BitSet(players);
        return CooperativeGame.of(players, mask -> {
            coalition.clear();
            for (long rest = mask; rest != 0; rest &= rest - 1) {
                coalition.set(Long.numberOfTrailingZeros(rest));
            }
            return oracle.value(coalition);
        });
    }
}
