package com.backhaulexchange.matching;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.matching.chain.ReloadPackageId;
import com.backhaulexchange.matching.selection.SelectionMethod;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The latest batch optimisation of a region: how many open lanes it read, how many candidate and feasible pairs it
 * judged and how many stored packages were still feasible, the matches and packages it recommends (the
 * surplus-maximising selection, each truck and each load at most once, ADR 39) and the total surplus of that
 * selection, next to the exact pairs-only optimum and what greedy first-come pairing would have reached on the same
 * pairs; and, per currency, the selection's proven upper bound, its gap and how it was found.
 */
public record OptimisationPlan(
        MatchingRegion region,
        Instant computedAt,
        int trucks,
        int loads,
        int candidatePairs,
        int feasiblePairs,
        List<MatchId> recommended,
        List<Money> totalSurplus,
        List<Money> greedySurplus,
        int packageOptions,
        List<ReloadPackageId> recommendedPackages,
        List<Money> pairsOnlySurplus,
        List<Selection> selections) {

    /**
     * The selection of one currency: its surplus, the best proven upper bound on the optimum over the same
     * options, the gap {@code (bound - surplus) / bound} and the method that found it.
     */
    public record Selection(Money surplus, Money upperBound, double gap, SelectionMethod method) {
        public Selection {
            Objects.requireNonNull(surplus, "surplus");
            Objects.requireNonNull(upperBound, "upperBound");
            Objects.requireNonNull(method, "method");
            if (!surplus.currency().equals(upperBound.currency())) {
                throw new IllegalArgumentException("a selection's surplus and bound are in one currency");
            }
            if (gap < 0 || gap > 1) {
                throw new IllegalArgumentException("a gap is between 0 and 1: " + gap);
            }
        }
    }

    public OptimisationPlan {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(computedAt, "computedAt");
        recommended = List.copyOf(recommended);
        totalSurplus = List.copyOf(totalSurplus);
        greedySurplus = List.copyOf(greedySurplus);
        recommendedPackages = List.copyOf(recommendedPackages);
        pairsOnlySurplus = List.copyOf(pairsOnlySurplus);
        selections = List.copyOf(selections);
    }

    /** A plan of pairs only, as the optimiser made them before packages (ADR 12). */
    public OptimisationPlan(MatchingRegion region, Instant computedAt, int trucks, int loads, int candidatePairs,
            int feasiblePairs, List<MatchId> recommended, List<Money> totalSurplus, List<Money> greedySurplus) {
        this(region, computedAt, trucks, loads, candidatePairs, feasiblePairs, recommended, totalSurplus,
                greedySurplus, 0, List.of(), totalSurplus, List.of());
    }
}
