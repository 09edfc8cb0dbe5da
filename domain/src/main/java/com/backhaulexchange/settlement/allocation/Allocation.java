package com.backhaulexchange.settlement.allocation;

import java.util.List;

/**
 * Each player's share of the grand coalition's value v(N) under a named rule, in the game's unit. Shares
 * always sum to v(N) (efficiency), up to floating-point rounding; settlement turns them into money with a
 * largest-remainder split so the cents add up exactly. {@code standardErrors} is empty for exact rules and
 * holds one standard error per player for the sampled Shapley value. {@code remarks} say what a reader of the
 * statement must know (e.g. "the core is empty: relaxed to the least core").
 */
public record Allocation(String rule, double grandCoalitionValue, List<Double> shares, List<Double> standardErrors,
        List<String> remarks) {

    /** Relative to max(1, |v(N)|, Σ|x_i|): how far the sum may drift from v(N) by rounding alone. */
    static final double EFFICIENCY_TOLERANCE = 1e-7;

    public Allocation {
        shares = List.copyOf(shares);
        standardErrors = List.copyOf(standardErrors);
        remarks = List.copyOf(remarks);
        if (!standardErrors.isEmpty() && standardErrors.size() != shares.size()) {
            throw new IllegalArgumentException("one standard error per player, or none");
        }
        double sum = 0;
        double scale = Math.max(1.0, Math.abs(grandCoalitionValue));
        for (double share : shares) {
            if (!Double.isFinite(share)) {
                throw new IllegalArgumentException("share not finite: " + shares);
            }
            sum += share;
            scale += Math.abs(share);
        }
        if (Math.abs(sum - grandCoalitionValue) > EFFICIENCY_TOLERANCE * scale) {
            throw new IllegalArgumentException("shares " + shares + " sum to " + sum + ", not v(N) = "
                    + grandCoalitionValue);
        }
    }

    static Allocation exact(String rule, double grandCoalitionValue, double[] shares, List<String> remarks) {
        return new Allocation(rule, grandCoalitionValue, boxed(shares), List.of(), remarks);
    }

    static List<Double> boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    public int players() {
        return shares.size();
    }

    public double share(int player) {
        return shares.get(player);
    }

    /** x(S), the total share of the coalition bitmask. */
    public double total(long coalition) {
        double total = 0;
        for (long rest = coalition; rest != 0; rest &= rest - 1) {
            total += shares.get(Long.numberOfTrailingZeros(rest));
        }
        return total;
    }

    public double[] sharesArray() {
        return shares.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
