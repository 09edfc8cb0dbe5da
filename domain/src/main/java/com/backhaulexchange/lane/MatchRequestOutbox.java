package com.backhaulexchange.lane;

import java.time.Instant;
import java.util.List;

/**
 * The transactional outbox of match requests (ADR 10). An entry is written in the same transaction as its
 * lane ({@link LaneRepository#post}), so no accepted posting can lack one; the match engine removes it once
 * the lane has been matched; the sweeper re-sends what is still pending after a while.
 */
public interface MatchRequestOutbox {

    /** Pending requests whose resend is due at {@code now}, oldest first, at most {@code limit}. */
    List<PendingMatchRequest> dueForResend(Instant now, int limit);

    /** Records that {@code request} was sent again: its send count grows and the next resend is at {@code nextDueAt}. */
    void rescheduled(PendingMatchRequest request, Instant nextDueAt);

    /**
     * Stops re-sending {@code request} (it failed too often: its messages are in the dead-letter queue for an
     * operator); the entry stays for inspection until it expires.
     */
    void abandon(PendingMatchRequest request, Instant now);

    /** The lane's request has been processed; removing an absent entry is not an error. */
    void complete(String laneId);
}
