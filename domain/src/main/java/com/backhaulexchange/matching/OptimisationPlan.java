package com.backhaulexchange.matching;

import com.backhaulexchange.kernel.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The latest batch optimisation of a region: how many open lanes it read, how many candidate and feasible
 * pairs it judged, the matches it recommends (the surplus-maximising assignment) and the total surplus
 * of that assignment next to what greedy first-come pairing would have reached on the same pairs.
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
        List<Money> greedySurplus) {

    public OptimisationPlan {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(computedAt, "computedAt");
        recommended = List.copyOf(recommended);
        totalSurplus = List.copyOf(totalSurplus);
        greedySurplus = List.copyOf(greedySurplus);
    }
}
