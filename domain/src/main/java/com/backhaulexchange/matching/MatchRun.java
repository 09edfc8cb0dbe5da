package com.backhaulexchange.matching;

import com.backhaulexchange.lane.LaneKind;
import com.backhaulexchange.kernel.policy.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one matching of a posting found: how many index keys were queried and how many candidates read and
 * evaluated, whether the search read every candidate under its keys or stopped at its read budget (nearest
 * first, see {@link CandidateSource}), how many were feasible and stored, and why the nearest rejected
 * candidates failed (what a posting without a match is told). Rejections are anonymous: they never name the
 * other lane or partner.
 */
public record MatchRun(
        String laneId,
        LaneKind kind,
        Instant computedAt,
        int keysQueried,
        int candidatesRead,
        boolean searchComplete,
        int candidatesEvaluated,
        int feasibleCount,
        int matchesStored,
        List<NearestRejection> nearestRejections) {

    public MatchRun {
        Objects.requireNonNull(laneId, "laneId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(computedAt, "computedAt");
        nearestRejections = List.copyOf(nearestRejections);
    }

    /** A rejected candidate: its miles relative to this posting and every rule the pair breaks. */
    public record NearestRejection(double originDeadheadMiles, double loadedMiles, double destinationDeadheadMiles,
            List<Decision.Rejected> reasons) {
        public NearestRejection {
            reasons = List.copyOf(reasons);
        }

        public static NearestRejection of(MatchEvaluation.Infeasible infeasible) {
            var miles = infeasible.explanation().miles();
            return new NearestRejection(miles.originDeadheadMiles(), miles.loadedMiles(),
                    miles.destinationDeadheadMiles(), infeasible.rejections());
        }

        public List<String> reasonCodes() {
            return reasons.stream().map(Decision.Rejected::reasonCode).toList();
        }
    }
}
