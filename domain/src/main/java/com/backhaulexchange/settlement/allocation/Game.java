package com.backhaulexchange.settlement.allocation;

import java.util.BitSet;

/**
 * A transferable-utility cooperative game: {@code players()} players and the value v(S) of each coalition S,
 * with v(∅) = 0. Three forms: an explicit table ({@link CooperativeGame}, up to
 * {@link CooperativeGame#MAX_PLAYERS} players), a value oracle ({@link OracleGame}, any number of players,
 * for sampling), and an {@link AssignmentMarket} (lanes owned by players, whose value is a best matching).
 */
public sealed interface Game permits CooperativeGame, OracleGame, AssignmentMarket {

    int players();

    /** v(S) for the coalition whose members are the set bits; the set is read, never kept or changed. */
    double value(BitSet coalition);

    /** v(N), the value the rules share out. */
    double grandCoalitionValue();

    /** v({i}), what player i achieves alone. */
    double standAloneValue(int player);

    /**
     * The explicit table of this game, when it has at most {@link CooperativeGame#MAX_PLAYERS} players
     * (evaluating every coalition of an oracle or a market on the way).
     */
    CooperativeGame tabulate();
}
