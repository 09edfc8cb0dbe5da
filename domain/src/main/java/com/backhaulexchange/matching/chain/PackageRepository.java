package com.backhaulexchange.matching.chain;

import com.backhaulexchange.kernel.pagination.Page;
import java.time.Instant;
import java.util.Optional;

/**
 * Stored reload packages, one per {@link ReloadPackageId} (lane and loads in order), readable by id and listed per
 * capacity lane in rank order, and the latest {@link PackageRun} of each capacity posting (ADR 25).
 */
public interface PackageRepository {

    /**
     * Stores {@code proposed}, or refreshes the stored package of the same id, only while every one of its lanes
     * is still open for matching at {@code now}; a retracted package is never proposed again. Idempotent: storing
     * the same package again leaves one package.
     *
     * @return false when nothing was stored for one of those reasons
     */
    boolean save(PackageMatch proposed, Instant now);

    Optional<PackageMatch> find(ReloadPackageId id);

    /**
     * The capacity lane's proposed, unexpired packages, best first ({@link ChainScorer#BEST_FIRST} by surplus, then
     * empty miles avoided), {@code limit} at most per page.
     *
     * @throws com.backhaulexchange.kernel.persistence.InvalidCursorException for a cursor this listing did not issue
     */
    Page<PackageMatch> rankedForLane(String capacityLaneId, Instant now, int limit, String cursor);

    /** Retracts every proposed package the lane (capacity or load) is part of; returns how many. Idempotent. */
    int retractAllOf(String laneId, Instant now);

    /**
     * Marks (or, with null, unmarks) a stored, proposed package as recommended by the batch optimiser, on the
     * package and its lane's copy (ADR 39). A later {@link #save} of the same package keeps the mark.
     *
     * @return false when there is no such proposed package
     */
    boolean recommend(ReloadPackageId id, com.backhaulexchange.matching.Match.Recommendation recommendation);

    void saveRun(PackageRun run);

    Optional<PackageRun> findRun(String capacityLaneId);
}
