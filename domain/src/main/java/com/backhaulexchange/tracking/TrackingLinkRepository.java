package com.backhaulexchange.tracking;

import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import java.util.List;
import java.util.Optional;

/** Tracking links as stored (ADR 33): by booking for its shipper, and by the token's hash for the public view. */
public interface TrackingLinkRepository {

    /**
     * Stores a new link with the idempotency record of the request that made it (null: none), together.
     *
     * @throws com.backhaulexchange.kernel.idempotency.IdempotencyConflictException, writing nothing, when that
     *     record exists: a concurrent retry of the same request won
     */
    void create(TrackingLink link, IdempotencyRecord idempotencyRecord);

    /** The booking's links, newest first: at most a few, as the policy bounds the active ones. */
    List<TrackingLink> list(BookingId bookingId);

    Optional<TrackingLink> find(BookingId bookingId, TrackingLinkId id);

    Optional<TrackingLink> findByTokenSha256Hex(String tokenSha256Hex);

    /** Stores the link's revocation (its {@code revokedAt}); the first revocation stays. */
    void revoke(TrackingLink revoked);
}
