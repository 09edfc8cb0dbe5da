package com.backhaulexchange.deal.network;

import java.util.List;
import java.util.Objects;

/**
 * How likely a carrier is to find a load out of an area in a time window, estimated from the network's own
 * recent counters of the region cells its deadhead disc touches (ADR 41). Withheld when fewer than k distinct
 * partners posted or booked there in the sample weeks.
 *
 * <p>Estimators: loads are taken to be posted as a Poisson process at the sample's mean daily rate
 * λ = loads posted ÷ (7 × weeks); the expected loads in the window are λ × days and the probability of at
 * least one is 1 − e^(−λ × days). The share of capacity lanes booked there is bookings ÷ capacity lanes
 * posted (capped at 1: a lane can be booked more than once over a package), with a 95 % Wilson score interval.
 */
public sealed interface ReloadOutlook {
    /** Weeks of counters an outlook rests on, ending with the last complete week. */
    int SAMPLE_WEEKS = 8;

    record Shown(int sampleWeeks, long loadLanesPosted, long capacityLanesPosted, long capacityLanesBooked,
            int distinctPartners, double expectedLoadsPerDay, double expectedLoadsInWindow,
            double probabilityOfAtLeastOneLoad, Double bookedShare, Double bookedShareLow95, Double bookedShareHigh95)
            implements ReloadOutlook {
    }

    record Withheld(int sampleWeeks, String reasonCode, int k) implements ReloadOutlook {
    }

    /** The outlook for a window of {@code windowDays} days (&gt; 0) from the counters of the sampled cells and weeks. */
    static ReloadOutlook estimate(List<NetworkEntry> sample, int sampleWeeks, double windowDays, KAnonymityPolicy k) {
        Objects.requireNonNull(sample, "sample");
        if (sampleWeeks < 1 || !(windowDays > 0)) {
            throw new IllegalArgumentException("a sample of at least one week and a window of some days are needed");
        }
        NetworkCounters sum = sample.stream().map(NetworkEntry::counters)
                .reduce(NetworkCounters.ZERO, NetworkCounters::plus);
        int partners = sum.partners().size();
        if (k.check(partners) instanceof KAnonymityPolicy.Decision.Withheld withheld) {
            return new Withheld(sampleWeeks, withheld.reasonCode(), k.k());
        }
        double perDay = sum.loadLanesPosted() / (7.0 * sampleWeeks);
        double expected = perDay * windowDays;
        long booked = Math.min(sum.bookings(), sum.capacityLanesPosted());
        Double share = null;
        Double low = null;
        Double high = null;
        if (sum.capacityLanesPosted() > 0) {
            double[] wilson = wilson95(booked, sum.capacityLanesPosted());
            share = (double) booked / sum.capacityLanesPosted();
            low = wilson[0];
            high = wilson[1];
        }
        return new Shown(sampleWeeks, sum.loadLanesPosted(), sum.capacityLanesPosted(), booked, partners, perDay,
                expected, 1 - Math.exp(-expected), share, low, high);
    }

    /** The 95 % Wilson score interval of a binomial proportion {@code successes} of {@code trials} (&gt; 0). */
    static double[] wilson95(long successes, long trials) {
        double z = 1.959963984540054;
        double n = trials;
        double p = successes / n;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
