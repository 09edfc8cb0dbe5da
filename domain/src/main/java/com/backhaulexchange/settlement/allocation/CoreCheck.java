package com.backhaulexchange.settlement.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Whether an allocation is stable: efficient (x(N) = v(N)) and no coalition S blocks it, i.e. gets less than
 * it would alone (v(S) − x(S) > tolerance). Lists the blocking coalitions with the largest gaps first (at most
 * {@code maxListed}, ties by coalition bitmask), and how many there are in all.
 */
public record CoreCheck(boolean efficient, double tolerance, int blockingCount, List<BlockingCoalition> blocking) {

    public static final int DEFAULT_MAX_LISTED = 20;
    /** Relative to the game's largest |v(S)| (at least 1). */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-9;

    public CoreCheck {
        blocking = List.copyOf(blocking);
    }

    /** A coalition that would do better alone: {@code gap} = v(S) − x(S) > 0. */
    public record BlockingCoalition(long coalition, List<Integer> members, double value, double allocated,
            double gap) {
        public BlockingCoalition {
            members = List.copyOf(members);
        }
    }

    public boolean inCore() {
        return efficient && blockingCount == 0;
    }

    public static CoreCheck of(Game game, Allocation allocation) {
        CooperativeGame table = game.tabulate();
        return of(table, allocation, DEFAULT_RELATIVE_TOLERANCE * table.magnitude(), DEFAULT_MAX_LISTED);
    }

    public static CoreCheck of(Game game, Allocation allocation, double tolerance, int maxListed) {
        CooperativeGame table = game.tabulate();
        int n = table.players();
        if (allocation.players() != n) {
            throw new IllegalArgumentException("allocation for " + allocation.players() + " players, game of " + n);
        }
        double[] shares = allocation.sharesArray();
        long all = table.grandCoalition();
        double[] allocated = new double[(int) all + 1];
        Comparator<long[]> byGap = Comparator.comparingDouble((long[] entry) -> Double.longBitsToDouble(entry[1]))
                .thenComparing(entry -> -entry[0]);
        PriorityQueue<long[]> largest = new PriorityQueue<>(byGap);
        int count = 0;
        for (long mask = 1; mask < all; mask++) {
            allocated[(int) mask] = allocated[(int) (mask & (mask - 1))] + shares[Long.numberOfTrailingZeros(mask)];
            double gap = table.value(mask) - allocated[(int) mask];
            if (gap > tolerance) {
                count++;
                largest.add(new long[] {mask, Double.doubleToLongBits(gap)});
                if (largest.size() > maxListed) {
                    largest.poll();
                }
            }
        }
        double total = 0;
        for (double share : shares) {
            total += share;
        }
        boolean efficient = Math.abs(total - table.grandCoalitionValue()) <= tolerance;
        List<BlockingCoalition> listed = new ArrayList<>();
        while (!largest.isEmpty()) {
            long mask = largest.poll()[0];
            List<Integer> members = new ArrayList<>();
            for (long rest = mask; rest != 0; rest &= rest - 1) {
                members.add(Long.numberOfTrailingZeros(rest));
            }
            listed.add(new BlockingCoalition(mask, members, table.value(mask), allocated[(int) mask],
                    table.value(mask) - allocated[(int) mask]));
        }
        listed.sort(Comparator.comparingDouble(BlockingCoalition::gap).reversed()
                .thenComparingLong(BlockingCoalition::coalition));
        return new CoreCheck(efficient, tolerance, count, listed);
    }
}
