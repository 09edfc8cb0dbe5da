package com.backhaulexchange.matching;

import com.backhaulexchange.kernel.money.Money;
import java.util.Objects;

/**
 * One option the batch optimiser recommends in a plan (ADR 39): a pair (one load) or a reload package (its
 * loads), with the empty miles it avoids and its surplus, as the plan's figures count it (ADR 48).
 */
public record PlannedOption(boolean reloadPackage, int loads, double emptyMilesAvoided, Money surplus) {
    public PlannedOption {
        Objects.requireNonNull(surplus, "surplus");
        if (loads < 1) {
            throw new IllegalArgumentException("an option carries at least one load");
        }
    }
}
