package com.backhaulexchange.adapter.dynamodb.document;

import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.matching.OptimisationPlan;
import java.time.Instant;
import java.util.List;

/**
 * A region's latest optimisation plan as LanesTable stores it in the {@code plan} map of its PLAN item. The
 * surpluses are lists of amounts, one per currency.
 */
public record OptimisationPlanDocument(
        String region,
        Instant computedAt,
        int trucks,
        int loads,
        int candidatePairs,
        int feasiblePairs,
        List<String> recommendedMatchIds,
        List<MoneyDocument> totalSurplus,
        List<MoneyDocument> greedySurplus) {

    /** Version 1: the shape of the operator's plan view when the two were split (issue 9). */
    public static final int SCHEMA_VERSION = 1;

    public static OptimisationPlanDocument of(OptimisationPlan plan) {
        return new OptimisationPlanDocument(plan.region().value(), plan.computedAt(), plan.trucks(), plan.loads(),
                plan.candidatePairs(), plan.feasiblePairs(),
                plan.recommended().stream().map(MatchId::value).toList(),
                plan.totalSurplus().stream().map(MoneyDocument::of).toList(),
                plan.greedySurplus().stream().map(MoneyDocument::of).toList());
    }

    public OptimisationPlan toPlan() {
        return new OptimisationPlan(MatchingRegion.parse(region), computedAt, trucks, loads, candidatePairs,
                feasiblePairs, orEmpty(recommendedMatchIds).stream().map(MatchId::new).toList(),
                orEmpty(totalSurplus).stream().map(MoneyDocument::toMoney).toList(),
                orEmpty(greedySurplus).stream().map(MoneyDocument::toMoney).toList());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
