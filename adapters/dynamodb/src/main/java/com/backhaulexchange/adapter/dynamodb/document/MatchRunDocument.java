package com.backhaulexchange.adapter.dynamodb.document;

import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.lane.LaneKind;
import com.backhaulexchange.matching.MatchRun;
import java.time.Instant;
import java.util.List;

/**
 * A lane's latest match run as LanesTable stores it in the {@code run} map of its RUN item: miles exact and
 * the rejection details as the rules wrote them (the API shows them rounded, and worded for the posting's
 * owner). Runs written before the read budget existed lack {@code keysQueried}, {@code candidatesRead} (read
 * as 0) and {@code searchComplete} (read as true). {@code reasonCodes} repeats the reasons' codes for a
 * reader of the table.
 */
public record MatchRunDocument(
        String laneId,
        String kind,
        Instant computedAt,
        int keysQueried,
        int candidatesRead,
        Boolean searchComplete,
        int candidatesEvaluated,
        int feasibleCount,
        int matchesStored,
        List<RejectionDocument> nearestRejections) {

    /** Version 1: the shape of the API's run view, exact, when the two were split (issue 9). */
    public static final int SCHEMA_VERSION = 1;

    public record RejectionDocument(double originDeadheadMiles, double loadedMiles, double destinationDeadheadMiles,
            List<String> reasonCodes, List<ReasonDocument> reasons) {
    }

    public record ReasonDocument(String reasonCode, String detail, String pointer) {
    }

    public static MatchRunDocument of(MatchRun run) {
        return new MatchRunDocument(run.laneId(), run.kind().name(), run.computedAt(), run.keysQueried(),
                run.candidatesRead(), run.searchComplete(), run.candidatesEvaluated(), run.feasibleCount(),
                run.matchesStored(), run.nearestRejections().stream().map(rejection -> new RejectionDocument(
                        rejection.originDeadheadMiles(), rejection.loadedMiles(),
                        rejection.destinationDeadheadMiles(), rejection.reasonCodes(),
                        rejection.reasons().stream().map(reason -> new ReasonDocument(reason.reasonCode(),
                                reason.detail(), reason.field())).toList())).toList());
    }

    public MatchRun toRun() {
        List<MatchRun.NearestRejection> rejections = nearestRejections == null ? List.of()
                : nearestRejections.stream().map(rejection -> new MatchRun.NearestRejection(
                        rejection.originDeadheadMiles(), rejection.loadedMiles(),
                        rejection.destinationDeadheadMiles(), rejection.reasons() == null ? List.of()
                                : rejection.reasons().stream().map(reason -> new Decision.Rejected(
                                        reason.reasonCode(), reason.detail(), reason.pointer())).toList()))
                        .toList();
        return new MatchRun(laneId, LaneKind.valueOf(kind), computedAt, keysQueried, candidatesRead,
                searchComplete == null || searchComplete, candidatesEvaluated, feasibleCount, matchesStored,
                rejections);
    }
}
