package com.backhaulexchange.matching;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Ranks pairs. Feasible pairs by surplus, the value the pair creates; ties go to more empty miles avoided,
 * then fewer out-of-route miles, then the lane ids, so the order is total and never depends on input order.
 * Surpluses in different currencies are not comparable: they are grouped by currency code first.
 */
public final class MatchScorer {

    public static final Comparator<MatchScore> BEST_FIRST = Comparator
            .comparing((MatchScore score) -> score.surplus().currency().getCurrencyCode())
            .thenComparing(Comparator.comparingLong((MatchScore score) -> score.surplus().amountMinorUnits())
                    .reversed())
            .thenComparing(Comparator.comparingDouble(MatchScore::emptyMilesAvoided).reversed())
            .thenComparingDouble(MatchScore::outOfRouteMiles)
            .thenComparing(MatchScore::capacityLaneId)
            .thenComparing(MatchScore::loadLaneId);

    /** Rejected pairs nearest first: least total deadhead, then lane ids. */
    public static final Comparator<MatchEvaluation.Infeasible> NEAREST_FIRST = Comparator
            .comparingDouble((MatchEvaluation.Infeasible rejected) -> rejected.explanation().miles()
                    .totalDeadheadMiles())
            .thenComparing(rejected -> rejected.explanation().capacityLaneId())
            .thenComparing(rejected -> rejected.explanation().loadLaneId());

    private MatchScorer() {
    }

    /** The score of a pair whose economics are known. */
    public static MatchScore score(MatchExplanation explanation) {
        Objects.requireNonNull(explanation.economics(), "a pair without economics has no score");
        return new MatchScore(explanation.economics().surplus(), explanation.emptyMilesAvoided(),
                explanation.outOfRouteMiles(), explanation.capacityLaneId(), explanation.loadLaneId());
    }

    public static List<MatchEvaluation.Feasible> rank(Collection<MatchEvaluation.Feasible> feasible) {
        return feasible.stream().sorted(Comparator.comparing(MatchEvaluation.Feasible::score, BEST_FIRST)).toList();
    }

    /**
     * What to show for one posting: its best {@code limit} feasible counterparts, and its {@code limit}
     * nearest rejected ones with their reasons (what a posting without a match is told).
     */
    public static Shortlist shortlist(Collection<? extends MatchEvaluation> evaluations, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        List<MatchEvaluation.Feasible> best = rank(evaluations.stream()
                .filter(MatchEvaluation.Feasible.class::isInstance).map(MatchEvaluation.Feasible.class::cast)
                .toList()).stream().limit(limit).toList();
        List<MatchEvaluation.Infeasible> nearest = evaluations.stream()
                .filter(MatchEvaluation.Infeasible.class::isInstance).map(MatchEvaluation.Infeasible.class::cast)
                .sorted(NEAREST_FIRST).limit(limit).toList();
        return new Shortlist(best, nearest);
    }

    public record Shortlist(List<MatchEvaluation.Feasible> best, List<MatchEvaluation.Infeasible> nearestRejected) {
        public Shortlist {
            best = List.copyOf(best);
            nearestRejected = List.copyOf(nearestRejected);
        }
    }
}
