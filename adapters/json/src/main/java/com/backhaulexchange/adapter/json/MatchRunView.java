package com.backhaulexchange.adapter.json;

import static com.backhaulexchange.adapter.json.Views.tenths;

import com.backhaulexchange.matching.FeasibilityPolicies;
import com.backhaulexchange.matching.MatchRun;
import java.util.List;

/**
 * A lane's latest match run as the posting's owner reads it (the {@code MatchRun} schema): rejections never
 * name the other lane or its owner, their miles are rounded to one decimal, and the details of the rules that
 * compare the two sides' private figures are worded without them ({@link FeasibilityPolicies#seenBy}).
 */
public record MatchRunView(
        String laneId,
        String kind,
        String computedAt,
        int keysQueried,
        int candidatesRead,
        boolean searchComplete,
        int candidatesEvaluated,
        int feasibleCount,
        int matchesStored,
        List<RejectionView> nearestRejections) {

    record RejectionView(double originDeadheadMiles, double loadedMiles, double destinationDeadheadMiles,
            List<String> reasonCodes, List<ReasonView> reasons) {
    }

    record ReasonView(String reasonCode, String detail, String pointer) {
    }

    public static MatchRunView of(MatchRun run) {
        return new MatchRunView(run.laneId(), run.kind().name(), run.computedAt().toString(), run.keysQueried(),
                run.candidatesRead(), run.searchComplete(), run.candidatesEvaluated(), run.feasibleCount(),
                run.matchesStored(), run.nearestRejections().stream().map(rejection -> new RejectionView(
                        tenths(rejection.originDeadheadMiles()), tenths(rejection.loadedMiles()),
                        tenths(rejection.destinationDeadheadMiles()), rejection.reasonCodes(),
                        rejection.reasons().stream().map(reason -> FeasibilityPolicies.seenBy(reason, run.kind()))
                                .map(shown -> new ReasonView(shown.reasonCode(), shown.detail(), shown.field()))
                                .toList())).toList());
    }
}
