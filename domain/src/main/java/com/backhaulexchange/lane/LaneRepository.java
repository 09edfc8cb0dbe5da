package com.backhaulexchange.lane;

import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.lane.CandidateKeys.CandidateKey;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Posted lanes. Every write is atomic; a write whose precondition no longer holds throws
 * {@link com.backhaulexchange.kernel.persistence.StaleWriteException} having written nothing.
 */
public interface LaneRepository {

    /**
     * Stores a new lane together with its candidate-index entries (one per key, so candidates are found by
     * key, never by a scan), its pending match request and, when the request had an Idempotency-Key, the
     * idempotency record: all or nothing.
     *
     * @throws com.backhaulexchange.kernel.idempotency.IdempotencyConflictException when another request already stored
     *         that idempotency record (nothing is written)
     */
    void post(PostedLane lane, List<CandidateKey> indexKeys, PendingMatchRequest matchRequest,
            IdempotencyRecord idempotencyRecord);

    Optional<PostedLane> findLane(String laneId);

    /**
     * The lanes of these ids that exist, by id (a listing's rows read in batches, not one read per row; eventually
     * consistent). Ids of no lane are left out.
     */
    Map<String, PostedLane> findLanes(Collection<String> laneIds);

    /**
     * The owner's lanes, newest first, {@code limit} at most per page; with a status, only lanes whose
     * {@linkplain PostedLane#effectiveStatus effective status} at {@code now} is that status.
     *
     * @throws com.backhaulexchange.kernel.persistence.InvalidCursorException for a cursor this listing did not issue
     */
    Page<PostedLane> listOwnedBy(PartnerId owner, LaneStatus status, Instant now, int limit, String cursor);

    /**
     * Stores {@code changed} (the lane with a new status) if the stored lane is still in {@code previousStatus},
     * and removes its candidate-index entries when the new status is not open for matching.
     */
    void changeStatus(PostedLane changed, LaneStatus previousStatus);
}
