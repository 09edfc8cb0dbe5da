package com.backhaulexchange.matching.chain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Ranks chains as {@link com.backhaulexchange.matching.MatchScorer} ranks pairs: by surplus (grouped by
 * currency), then more empty miles avoided, then fewer out-of-route miles, then the package id, so the order is
 * total and never depends on input order.
 */
public final class ChainScorer {

    public static final Comparator<ChainScore> BEST_FIRST = Comparator
            .comparing((ChainScore score) -> score.surplus().currency().getCurrencyCode())
            .thenComparing(Comparator.comparingLong((ChainScore score) -> score.surplus().amountMinorUnits())
                    .reversed())
            .thenComparing(Comparator.comparingDouble(ChainScore::emptyMilesAvoided).reversed())
            .thenComparingDouble(ChainScore::outOfRouteMiles)
            .thenComparing(score -> score.packageId().value());

    /** Rejected chains nearest first: least total deadhead, then the package id. */
    public static final Comparator<ChainEvaluation.Infeasible> NEAREST_FIRST = Comparator
            .comparingDouble((ChainEvaluation.Infeasible rejected) -> rejected.explanation().miles()
                    .totalDeadheadMiles())
            .thenComparing(rejected -> rejected.packageId().value());

    private ChainScorer() {
    }

    /** The score of a chain whose economics are known. */
    public static ChainScore score(ChainExplanation explanation) {
        Objects.requireNonNull(explanation.economics(), "a chain without economics has no score");
        return new ChainScore(explanation.economics().surplus(), explanation.emptyMilesAvoided(),
                explanation.outOfRouteMiles(), explanation.packageId());
    }

    public static List<ChainEvaluation.Feasible> rank(Collection<ChainEvaluation.Feasible> feasible) {
        return feasible.stream().sorted(Comparator.comparing(ChainEvaluation.Feasible::score, BEST_FIRST)).toList();
    }
}
