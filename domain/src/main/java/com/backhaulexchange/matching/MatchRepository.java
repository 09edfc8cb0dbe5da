package com.backhaulexchange.matching;

import com.backhaulexchange.kernel.pagination.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stored matches, one per capacity/load pair, readable by match id and listed per lane in rank order, and
 * the latest {@link MatchRun} of each posting.
 */
public interface MatchRepository {

    /**
     * Stores {@code match}, or refreshes the stored one of the same pair, only while both lanes are still open
     * for matching at {@code now}; a retracted match is never proposed again.
     *
     * @return false when nothing was stored for one of those reasons
     */
    boolean save(Match match, Instant now);

    Optional<Match> find(MatchId id);

    /**
     * The lane's proposed, unexpired matches, best first ({@link MatchScorer#BEST_FIRST} by surplus, then empty
     * miles avoided), {@code limit} at most per page.
     *
     * @throws com.backhaulexchange.kernel.persistence.InvalidCursorException for a cursor this listing did not issue
     */
    Page<Match> rankedForLane(String laneId, Instant now, int limit, String cursor);

    /** Retracts every proposed match the lane is part of, for both parties; returns how many. Idempotent. */
    int retractAllOf(String laneId, Instant now);

    void saveRun(MatchRun run);

    Optional<MatchRun> findRun(String laneId);

    /**
     * Marks (or, with null, unmarks) a stored, proposed match as recommended by the batch optimiser, for both
     * parties; a later {@link #save} of the pair keeps the mark. Returns false when there is no such proposed
     * match.
     */
    boolean recommend(MatchId id, Match.Recommendation recommendation);

    void savePlan(OptimisationPlan plan);

    /**
     * Stores the plan with the options it recommends that the previous plan of its week did not, for the week's
     * plan figures (ADR 48); a store that keeps no figures stores the plan alone.
     */
    default void savePlan(OptimisationPlan plan, List<PlannedOption> newlyRecommended) {
        savePlan(plan);
    }

    Optional<OptimisationPlan> findPlan(MatchingRegion region);
}
