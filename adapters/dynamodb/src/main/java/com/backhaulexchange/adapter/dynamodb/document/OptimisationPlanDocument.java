package com.backhaulexchange.adapter.dynamodb.document;

import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.matching.OptimisationPlan;
import com.backhaulexchange.matching.chain.ReloadPackageId;
import com.backhaulexchange.matching.selection.SelectionMethod;
import com.fasterxml.jackson.annotation.JsonInclude;
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
        List<MoneyDocument> greedySurplus,
        Integer packageOptions,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> recommendedPackageIds,
        List<MoneyDocument> pairsOnlySurplus,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SelectionDocument> selections) {

    /**
     * Version 1: the shape of the operator's plan view when the two were split (issue 9). Packages (ADR 39) added
     * optional fields only, written only when they say something: a plan without them reads as a pairs-only plan
     * (no package options, the pairs-only total its total), so a version-1 item reads and writes back unchanged.
     */
    public static final int SCHEMA_VERSION = 1;

    /** One currency's selection: surplus, proven upper bound, gap and method (a {@code SelectionMethod} name). */
    public record SelectionDocument(MoneyDocument surplus, MoneyDocument upperBound, double gap, String method) {
    }

    public static OptimisationPlanDocument of(OptimisationPlan plan) {
        return new OptimisationPlanDocument(plan.region().value(), plan.computedAt(), plan.trucks(), plan.loads(),
                plan.candidatePairs(), plan.feasiblePairs(),
                plan.recommended().stream().map(MatchId::value).toList(),
                plan.totalSurplus().stream().map(MoneyDocument::of).toList(),
                plan.greedySurplus().stream().map(MoneyDocument::of).toList(),
                plan.packageOptions() == 0 ? null : plan.packageOptions(),
                plan.recommendedPackages().stream().map(ReloadPackageId::value).toList(),
                plan.pairsOnlySurplus().equals(plan.totalSurplus()) ? null
                        : plan.pairsOnlySurplus().stream().map(MoneyDocument::of).toList(),
                plan.selections().stream().map(selection -> new SelectionDocument(MoneyDocument.of(selection.surplus()),
                        MoneyDocument.of(selection.upperBound()), selection.gap(), selection.method().name())).toList());
    }

    public OptimisationPlan toPlan() {
        return new OptimisationPlan(MatchingRegion.parse(region), computedAt, trucks, loads, candidatePairs,
                feasiblePairs, orEmpty(recommendedMatchIds).stream().map(MatchId::new).toList(),
                orEmpty(totalSurplus).stream().map(MoneyDocument::toMoney).toList(),
                orEmpty(greedySurplus).stream().map(MoneyDocument::toMoney).toList(),
                packageOptions == null ? 0 : packageOptions,
                orEmpty(recommendedPackageIds).stream().map(ReloadPackageId::new).toList(),
                pairsOnlySurplus == null ? orEmpty(totalSurplus).stream().map(MoneyDocument::toMoney).toList()
                        : pairsOnlySurplus.stream().map(MoneyDocument::toMoney).toList(),
                orEmpty(selections).stream().map(selection -> new OptimisationPlan.Selection(
                        selection.surplus().toMoney(), selection.upperBound().toMoney(), selection.gap(),
                        SelectionMethod.valueOf(selection.method()))).toList());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
