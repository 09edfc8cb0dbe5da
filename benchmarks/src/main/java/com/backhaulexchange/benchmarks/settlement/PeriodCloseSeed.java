package com.backhaulexchange.benchmarks.settlement;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The shape of the period-close benchmark's data, deterministic for a seed: {@code collaborations}
 * collaborations of 3–8 members sharing {@code bookings} bookings in total, unevenly (each collaboration's share
 * is its member count times a log-normal factor, so a few are several times the average: the "largest single
 * collaboration" is a real tail, not the mean), about {@code cancelledPercent} % of each collaboration's bookings
 * cancelled by the shipper inside the TONU window, the rest delivered.
 */
public final class PeriodCloseSeed {
    public static final int MIN_MEMBERS = 3;
    public static final int MAX_MEMBERS = 8;

    /** One collaboration: its member count, bookings in the period and how many of them are TONU cancellations. */
    public record Plan(int members, int bookings, int cancelled) {
    }

    private PeriodCloseSeed() {
    }

    public static List<Plan> plan(int collaborations, int bookings, double cancelledPercent, long seed) {
        if (collaborations < 1 || bookings < collaborations) {
            throw new IllegalArgumentException("need at least one booking per collaboration");
        }
        Random random = new Random(seed);
        int[] members = new int[collaborations];
        double[] weights = new double[collaborations];
        double total = 0;
        for (int i = 0; i < collaborations; i++) {
            members[i] = MIN_MEMBERS + random.nextInt(MAX_MEMBERS - MIN_MEMBERS + 1);
            weights[i] = members[i] * Math.exp(0.6 * random.nextGaussian());
            total += weights[i];
        }
        // At least one booking each, the rest in proportion to the weights (largest remainders last).
        int[] counts = new int[collaborations];
        int assigned = 0;
        int spare = bookings - collaborations;
        for (int i = 0; i < collaborations; i++) {
            counts[i] = 1 + (int) Math.floor(spare * weights[i] / total);
            assigned += counts[i];
        }
        for (int i = 0; assigned < bookings; i = (i + 1) % collaborations) {
            counts[i]++;
            assigned++;
        }
        List<Plan> plans = new ArrayList<>(collaborations);
        for (int i = 0; i < collaborations; i++) {
            int cancelled = (int) Math.round(counts[i] * cancelledPercent / 100.0);
            plans.add(new Plan(members[i], counts[i], Math.min(cancelled, counts[i] - 1)));
        }
        return plans;
    }
}
