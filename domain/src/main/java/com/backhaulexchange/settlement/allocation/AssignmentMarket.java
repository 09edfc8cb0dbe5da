package com.backhaulexchange.settlement.allocation;

import com.backhaulexchange.matching.assignment.AssignmentProblem;
import com.backhaulexchange.matching.assignment.PricedAssignment;
import com.backhaulexchange.matching.assignment.ShortestAugmentingPathSolver;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The assignment game of Shapley and Shubik (1971) over the lanes of a collaboration: each player owns
 * capacity lanes and load lanes, a (capacity, load) pair has a surplus ≥ 0 in minor units (pairs not given
 * are infeasible), and a coalition is worth the best matching that uses only its members' lanes. The
 * optimal dual prices of the grand coalition's matching, summed over each player's lanes, are a core
 * allocation: for any coalition S the prices of S's lanes cover every pair among them, so by weak duality
 * x(S) ≥ v(S) — whoever owns the lanes, even both sides of a pair.
 */
public final class AssignmentMarket implements Game {

    private static final ShortestAugmentingPathSolver SOLVER = new ShortestAugmentingPathSolver();

    private final int players;
    private final int[] capacityOwners;
    private final int[] loadOwners;
    private final long[][] pairs;
    private final AssignmentProblem problem;
    private PricedAssignment priced;

    private AssignmentMarket(int players, int[] capacityOwners, int[] loadOwners, long[][] pairs) {
        this.players = players;
        this.capacityOwners = capacityOwners;
        this.loadOwners = loadOwners;
        this.pairs = pairs;
        this.problem = restrictedTo(null);
    }

    public static Builder builder(int players) {
        return new Builder(players);
    }

    @Override
    public int players() {
        return players;
    }

    public int capacityLanes() {
        return capacityOwners.length;
    }

    public int loadLanes() {
        return loadOwners.length;
    }

    /** v(S) in minor units: the best matching over the lanes the coalition's members own. */
    public long valueMinorUnits(BitSet coalition) {
        return SOLVER.solve(restrictedTo(coalition)).totalWeight();
    }

    @Override
    public double value(BitSet coalition) {
        return valueMinorUnits(coalition);
    }

    @Override
    public double grandCoalitionValue() {
        return priced().assignment().totalWeight();
    }

    @Override
    public double standAloneValue(int player) {
        BitSet alone = new BitSet(players);
        alone.set(player);
        return valueMinorUnits(alone);
    }

    /** Every coalition's best matching, as an explicit game (at most {@link CooperativeGame#MAX_PLAYERS}). */
    @Override
    public CooperativeGame tabulate() {
        BitSet coalition = new BitSet(players);
        return CooperativeGame.of(players, mask -> {
            coalition.clear();
            for (long rest = mask; rest != 0; rest &= rest - 1) {
                coalition.set(Long.numberOfTrailingZeros(rest));
            }
            return valueMinorUnits(coalition);
        });
    }

    /** The grand coalition's optimal matching with its dual prices per capacity lane (rows) and load lane. */
    public synchronized PricedAssignment priced() {
        if (priced == null) {
            priced = SOLVER.solveWithPrices(problem);
        }
        return priced;
    }

    Allocation shadowPriceAllocation(String rule) {
        PricedAssignment prices = priced();
        long[] minorUnits = new long[players];
        for (int lane = 0; lane < capacityOwners.length; lane++) {
            minorUnits[capacityOwners[lane]] += prices.rowPrice(lane);
        }
        for (int lane = 0; lane < loadOwners.length; lane++) {
            minorUnits[loadOwners[lane]] += prices.columnPrice(lane);
        }
        double[] shares = new double[players];
        for (int i = 0; i < players; i++) {
            shares[i] = minorUnits[i];
        }
        return Allocation.exact(rule, prices.assignment().totalWeight(), shares,
                List.of("the optimal dual prices the solver ends at; the core may hold others"));
    }

    private AssignmentProblem restrictedTo(BitSet coalition) {
        AssignmentProblem.Builder builder = AssignmentProblem.builder(capacityOwners.length, loadOwners.length);
        for (long[] pair : pairs) {
            int capacity = (int) pair[0];
            int load = (int) pair[1];
            if (coalition == null || coalition.get(capacityOwners[capacity]) && coalition.get(loadOwners[load])) {
                builder.allow(capacity, load, pair[2]);
            }
        }
        return builder.build();
    }

    public static final class Builder {
        private final int players;
        private final List<Integer> capacityOwners = new ArrayList<>();
        private final List<Integer> loadOwners = new ArrayList<>();
        private final List<long[]> pairs = new ArrayList<>();

        private Builder(int players) {
            if (players < 1) {
                throw new IllegalArgumentException("a market needs a player: " + players);
            }
            this.players = players;
        }

        /** Adds a capacity lane owned by {@code owner}; returns its index. */
        public int capacityLane(int owner) {
            capacityOwners.add(checkedOwner(owner));
            return capacityOwners.size() - 1;
        }

        /** Adds a load lane owned by {@code owner}; returns its index. */
        public int loadLane(int owner) {
            loadOwners.add(checkedOwner(owner));
            return loadOwners.size() - 1;
        }

        /** The surplus in minor units of pairing the two lanes; 0 leaves the pair infeasible. */
        public Builder surplus(int capacityLane, int loadLane, long surplusMinorUnits) {
            if (capacityLane < 0 || capacityLane >= capacityOwners.size() || loadLane < 0
                    || loadLane >= loadOwners.size()) {
                throw new IndexOutOfBoundsException("no lane pair (" + capacityLane + ", " + loadLane + ")");
            }
            if (surplusMinorUnits < 0) {
                throw new IllegalArgumentException("a surplus is never negative (leave the pair out): "
                        + surplusMinorUnits);
            }
            pairs.add(new long[] {capacityLane, loadLane, surplusMinorUnits});
            return this;
        }

        public AssignmentMarket build() {
            return new AssignmentMarket(players, capacityOwners.stream().mapToInt(Integer::intValue).toArray(),
                    loadOwners.stream().mapToInt(Integer::intValue).toArray(), pairs.toArray(long[][]::new));
        }

        private int checkedOwner(int owner) {
            if (owner < 0 || owner >= players) {
                throw new IndexOutOfBoundsException("owner " + owner + " is not one of " + players + " players");
            }
            return owner;
        }
    }
}
