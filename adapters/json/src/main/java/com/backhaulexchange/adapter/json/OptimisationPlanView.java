package com.backhaulexchange.adapter.json;

import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.OptimisationPlan;
import com.backhaulexchange.matching.chain.ReloadPackageId;
import java.util.List;

/** The optimiser's plan of a region as the operator reads it (the {@code OptimisationPlan} schema). */
public record OptimisationPlanView(
        String region,
        String computedAt,
        int trucks,
        int loads,
        int candidatePairs,
        int feasiblePairs,
        int packageOptions,
        List<String> recommendedMatchIds,
        List<String> recommendedPackageIds,
        List<MoneyView> totalSurplus,
        List<MoneyView> pairsOnlySurplus,
        List<MoneyView> greedySurplus,
        List<SelectionView> selections) {

    /** One currency's selection: surplus, proven upper bound, gap (a fraction and in percent) and method. */
    public record SelectionView(MoneyView surplus, MoneyView upperBound, double gap, double gapPercent,
            String method) {
        static SelectionView of(OptimisationPlan.Selection selection) {
            return new SelectionView(MoneyView.of(selection.surplus()), MoneyView.of(selection.upperBound()),
                    selection.gap(), Math.round(selection.gap() * 100_000) / 1_000.0, selection.method().name());
        }
    }

    public static OptimisationPlanView of(OptimisationPlan plan) {
        return new OptimisationPlanView(plan.region().value(), plan.computedAt().toString(), plan.trucks(),
                plan.loads(), plan.candidatePairs(), plan.feasiblePairs(), plan.packageOptions(),
                plan.recommended().stream().map(MatchId::value).toList(),
                plan.recommendedPackages().stream().map(ReloadPackageId::value).toList(),
                plan.totalSurplus().stream().map(MoneyView::of).toList(),
                plan.pairsOnlySurplus().stream().map(MoneyView::of).toList(),
                plan.greedySurplus().stream().map(MoneyView::of).toList(),
                plan.selections().stream().map(SelectionView::of).toList());
    }
}
