package com.backhaulexchange.settlement.allocation;

import com.backhaulexchange.kernel.policy.FieldViolation;
import com.backhaulexchange.kernel.policy.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.LongToDoubleFunction;

/**
 * A game given explicitly: v(S) for every one of the 2^n coalitions, indexed by bitmask (bit i = player i),
 * with v(∅) = 0 and every value finite. Values are a savings (or profit) game — more is better — in the
 * caller's unit. A cost game is turned into its savings game by {@link #fromCosts}, which keeps the
 * stand-alone costs so cost shares can be read back ({@link #costShares}) and the equal profit method can
 * measure relative savings against them.
 */
public final class CooperativeGame implements Game {

    /**
     * Explicit games stop at 20 players: 2^20 values (8 MiB), and rules that touch every coalition
     * (exact Shapley, core check) stay well under a second. Larger collaborations use an {@link OracleGame}
     * and the sampled Shapley value.
     */
    public static final int MAX_PLAYERS = 20;

    /** How many bad values validation lists one by one before summarising the rest. */
    static final int MAX_LISTED_ERRORS = 20;

    private final int players;
    private final double[] values;
    private final double[] standAloneCosts;

    private CooperativeGame(int players, double[] values, double[] standAloneCosts) {
        this.players = players;
        this.values = values;
        this.standAloneCosts = standAloneCosts;
    }

    /** The game with v(S) = {@code value.applyAsDouble(mask)} for every non-empty coalition mask. */
    public static CooperativeGame of(int players, LongToDoubleFunction value) {
        requirePlayers(players);
        double[] values = new double[1 << players];
        for (int mask = 1; mask < values.length; mask++) {
            values[mask] = value.applyAsDouble(mask);
        }
        return validated(players, values, null);
    }

    /** The game whose {@code values.get(mask)} is v(mask); see {@link #validate} for what is refused. */
    public static CooperativeGame of(int players, List<Double> values) {
        List<FieldViolation> errors = validate(players, values);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the cooperative game is not valid", errors);
        }
        double[] table = new double[values.size()];
        for (int mask = 0; mask < table.length; mask++) {
            table[mask] = values.get(mask);
        }
        return new CooperativeGame(players, table, null);
    }

    /**
     * The savings game of a cost game: c(S) is what coalition S pays on its own (c(∅) = 0), and
     * v(S) = Σ_{i∈S} c({i}) − c(S) is what it saves by cooperating. A savings share s_i corresponds to the
     * cost share c({i}) − s_i ({@link #costShares}); the two games have the same excesses, so every rule
     * here gives the same split whichever of the two it is read from.
     */
    public static CooperativeGame fromCosts(int players, LongToDoubleFunction cost) {
        requirePlayers(players);
        double[] standAlone = new double[players];
        for (int i = 0; i < players; i++) {
            standAlone[i] = cost.applyAsDouble(1L << i);
        }
        double[] values = new double[1 << players];
        for (int mask = 1; mask < values.length; mask++) {
            double alone = 0;
            for (int rest = mask; rest != 0; rest &= rest - 1) {
                alone += standAlone[Integer.numberOfTrailingZeros(rest)];
            }
            values[mask] = alone - cost.applyAsDouble(mask);
        }
        return validated(players, values, standAlone);
    }

    /**
     * What is wrong with a table of coalition values, as field violations with paths relative to a
     * request body {@code {"players": n, "values": [...]}} (values indexed by coalition bitmask): a player
     * count outside 1..{@value #MAX_PLAYERS}, a list not of 2^n entries, a missing (null) coalition, a
     * non-finite value, v(∅) ≠ 0. At most {@value #MAX_LISTED_ERRORS} values are listed, then a count.
     */
    public static List<FieldViolation> validate(int players, List<Double> values) {
        List<FieldViolation> errors = new ArrayList<>();
        if (players < 1 || players > MAX_PLAYERS) {
            errors.add(new FieldViolation("/players", "must be between 1 and " + MAX_PLAYERS + " for an explicit game, was "
                    + players));
            return errors;
        }
        int expected = 1 << players;
        if (values == null) {
            errors.add(new FieldViolation("/values", "missing: one value per coalition, " + expected + " in all"));
            return errors;
        }
        if (values.size() != expected) {
            errors.add(new FieldViolation("/values", "must hold one value per coalition (2^" + players + " = "
                    + expected + "), held " + values.size()));
            return errors;
        }
        int bad = 0;
        for (int mask = 0; mask < expected; mask++) {
            Double value = values.get(mask);
            String problem = null;
            if (value == null) {
                problem = "missing value of coalition " + describe(mask);
            } else if (!Double.isFinite(value)) {
                problem = "value of coalition " + describe(mask) + " must be a finite number, was " + value;
            } else if (mask == 0 && value != 0.0) {
                problem = "the empty coalition must be worth 0, was " + value;
            }
            if (problem != null) {
                if (bad < MAX_LISTED_ERRORS) {
                    errors.add(new FieldViolation("/values/" + mask, problem));
                }
                bad++;
            }
        }
        if (bad > MAX_LISTED_ERRORS) {
            errors.add(new FieldViolation("/values", (bad - MAX_LISTED_ERRORS) + " more coalitions have bad values"));
        }
        return errors;
    }

    private static CooperativeGame validated(int players, double[] values, double[] standAloneCosts) {
        List<Double> boxed = new ArrayList<>(values.length);
        for (double value : values) {
            boxed.add(value);
        }
        List<FieldViolation> errors = validate(players, boxed);
        if (standAloneCosts != null) {
            for (int i = 0; i < players; i++) {
                if (!Double.isFinite(standAloneCosts[i])) {
                    errors.add(new FieldViolation("/costs/" + (1 << i), "stand-alone cost of player " + i
                            + " must be a finite number, was " + standAloneCosts[i]));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the cooperative game is not valid", errors);
        }
        return new CooperativeGame(players, values, standAloneCosts);
    }

    private static void requirePlayers(int players) {
        if (players < 1 || players > MAX_PLAYERS) {
            throw new InvalidInputException("the cooperative game is not valid", List.of(new FieldViolation("/players",
                    "must be between 1 and " + MAX_PLAYERS + " for an explicit game, was " + players)));
        }
    }

    private static String describe(int mask) {
        StringBuilder members = new StringBuilder("{");
        for (int rest = mask; rest != 0; rest &= rest - 1) {
            if (members.length() > 1) {
                members.append(',');
            }
            members.append(Integer.numberOfTrailingZeros(rest));
        }
        return members.append('}').toString();
    }

    @Override
    public int players() {
        return players;
    }

    /** The bitmask of all players. */
    public long grandCoalition() {
        return (1L << players) - 1;
    }

    /** v(S) for the coalition bitmask. */
    public double value(long coalition) {
        return values[(int) coalition];
    }

    @Override
    public double value(BitSet coalition) {
        long[] words = coalition.toLongArray();
        return words.length == 0 ? 0.0 : values[(int) words[0]];
    }

    @Override
    public double grandCoalitionValue() {
        return values[values.length - 1];
    }

    @Override
    public double standAloneValue(int player) {
        return values[1 << player];
    }

    @Override
    public CooperativeGame tabulate() {
        return this;
    }

    /** The stand-alone costs c({i}) when this savings game was made {@link #fromCosts from a cost game}. */
    public Optional<double[]> standAloneCosts() {
        return Optional.ofNullable(standAloneCosts).map(double[]::clone);
    }

    /** The cost shares c({i}) − s_i of savings shares s, for a game made {@link #fromCosts from costs}. */
    public double[] costShares(Allocation savingsShares) {
        if (standAloneCosts == null) {
            throw new IllegalStateException("not made from a cost game: there are no stand-alone costs");
        }
        double[] shares = new double[players];
        for (int i = 0; i < players; i++) {
            shares[i] = standAloneCosts[i] - savingsShares.share(i);
        }
        return shares;
    }

    /** The largest |v(S)|, at least 1: the scale tolerances are relative to. */
    double magnitude() {
        double largest = 1.0;
        for (double value : values) {
            largest = Math.max(largest, Math.abs(value));
        }
        return largest;
    }

    /** The game with the roles of players i and j swapped (for symmetry checks). */
    public CooperativeGame withPlayersSwapped(int i, int j) {
        return of(players, mask -> values[(int) swapBits(mask, i, j)]);
    }

    static long swapBits(long mask, int i, int j) {
        long bitI = (mask >>> i) & 1;
        long bitJ = (mask >>> j) & 1;
        if (bitI == bitJ) {
            return mask;
        }
        return mask ^ ((1L << i) | (1L << j));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CooperativeGame that && players == that.players && Arrays.equals(values, that.values)
                && Arrays.equals(standAloneCosts, that.standAloneCosts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(standAloneCosts);
    }

    @Override
    public String toString() {
        return "CooperativeGame[players=" + players + ", v(N)=" + grandCoalitionValue() + "]";
    }
}
