package com.backhaulexchange.adapter.json;

import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.OptimisationPlan;
import java.util.List;

/** The optimiser's plan of a region as the operator reads it (the {@code OptimisationPlan} schema). */
public record OptimisationPlanView(
        String region,
        String computedAt,
        int trucks,
        int loads,
        int candidatePairs,
        int feasiblePairs,
        List<String> recommendedMatchIds,
        List<MoneyView> totalSurplus,
        List<MoneyView> greedySurplus) {

    public static OptimisationPlanView of(OptimisationPlan plan) {
        return new OptimisationPlanView(plan.region().value(), plan.computedAt().toString(), plan.trucks(),
                plan.loads(), plan.candidatePairs(), plan.feasiblePairs(),
                plan.recommended().stream().map(MatchId::value).toList(),
                plan.totalSurplus().stream().map(MoneyView::of).toList(),
                plan.greedySurplus().stream().map(MoneyView::of).toList());
    }
}
