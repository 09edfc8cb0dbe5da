package com.backhaulexchange.lane;

import java.time.Instant;
import java.util.Objects;

/**
 * A posting's request to be matched, kept in the outbox from the moment the lane is written until the match
 * engine has processed it (ADR 10). {@code resendDueAt} is when the sweeper sends it again if it is still
 * pending; {@code sendCount} counts the sweeper's sends (the posting's own send is not counted).
 */
public record PendingMatchRequest(String laneId, LaneKind kind, Instant postedAt, Instant resendDueAt,
        int sendCount) {

    public PendingMatchRequest {
        Objects.requireNonNull(laneId, "laneId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(postedAt, "postedAt");
        Objects.requireNonNull(resendDueAt, "resendDueAt");
        if (sendCount < 0) {
            throw new IllegalArgumentException("sendCount must not be negative");
        }
    }

    public static PendingMatchRequest forNewLane(PostedLane lane, java.time.Duration resendAfter) {
        return new PendingMatchRequest(lane.laneId(), lane.kind(), lane.postedAt(), lane.postedAt().plus(resendAfter),
                0);
    }

    public PendingMatchRequest resent(Instant nextDueAt) {
        return new PendingMatchRequest(laneId, kind, postedAt, nextDueAt, sendCount + 1);
    }
}
