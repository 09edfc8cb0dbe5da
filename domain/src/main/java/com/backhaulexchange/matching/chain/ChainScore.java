package com.backhaulexchange.matching.chain;

import com.backhaulexchange.kernel.money.Money;
import java.util.Objects;

/** What a feasible chain is ranked by; see {@link ChainScorer#BEST_FIRST}. */
public record ChainScore(Money surplus, double emptyMilesAvoided, double outOfRouteMiles, ReloadPackageId packageId) {

    public ChainScore {
        Objects.requireNonNull(surplus, "surplus");
        Objects.requireNonNull(packageId, "packageId");
    }
}
