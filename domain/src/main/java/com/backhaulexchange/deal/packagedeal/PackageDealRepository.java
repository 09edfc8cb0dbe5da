package com.backhaulexchange.deal.packagedeal;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.negotiation.NegotiationRepository.Versioned;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Package deals as stored (ADR 32), each with a version that every change is conditioned on, and the notifications
 * each change causes in the same transaction (the negotiations' outbox).
 */
public interface PackageDealRepository {

    Optional<Versioned<PackageDeal>> find(PackageDealId id);

    /**
     * Stores a newly opened deal with the idempotency record of the request that opened it (null: none).
     *
     * @throws PackageDealAlreadyOpenException when the package already has an open deal
     * @throws com.backhaulexchange.kernel.idempotency.IdempotencyConflictException when the record exists
     */
    void open(PackageDeal opened, List<Notification> notifications, IdempotencyRecord idempotencyRecord);

    /**
     * Stores the next state of a deal that is not being booked (an offer, an accepted leg that is not the last,
     * a failure); a FAILED deal frees its package and leaves its lanes' lists.
     *
     * @throws com.backhaulexchange.kernel.persistence.StaleWriteException when it changed since {@code expectedVersion}
     */
    void update(PackageDeal next, long expectedVersion, List<Notification> notifications);

    /**
     * The package books, all or nothing, in one transaction: the deal BOOKED, the truck's lane and every load's lane
     * OPEN → BOOKED (only if each is still open and its time has not passed) and one booking per load.
     *
     * @throws LaneTakenException when a lane is no longer open: nothing was written
     * @throws com.backhaulexchange.kernel.persistence.StaleWriteException when the deal changed meanwhile
     */
    void book(PackageDeal booked, long expectedVersion, List<Booking> bookings, Instant now,
            List<Notification> notifications);

    /** The open deals with the lane {@code laneId} (truck or load) in their package, to fail when it books alone. */
    List<PackageDealId> openPackageDealsOnLane(String laneId);

    /** The deal holding the package's lock (open, or lapsed and not yet recorded), if any. */
    Optional<PackageDealId> openDealOf(com.backhaulexchange.matching.chain.ReloadPackageId packageId);

    /**
     * The deals {@code party} is a party to (their carrier, or the shipper of one of their loads), newest first: a
     * page of at most {@code limit} from {@code cursor} (null: the first).
     *
     * @throws com.backhaulexchange.kernel.persistence.InvalidCursorException when the cursor is not one of this party's
     */
    Page<PackageDeal> listForParty(PartnerId party, int limit, String cursor);

    /** Open deals whose package lapsed (an offer's expiry or the package's deadline) before {@code now}. */
    List<PackageDealId> lapsedBefore(Instant now, int limit);

    /** The package of a deal being opened already has an open deal: answer that one instead. */
    final class PackageDealAlreadyOpenException extends RuntimeException {
        public PackageDealAlreadyOpenException(String message) {
            super(message);
        }
    }

    /** A lane of the package ({@code laneId}: the truck's or a load's) is no longer open: nothing was booked. */
    final class LaneTakenException extends RuntimeException {
        private final String laneId;

        public LaneTakenException(String laneId) {
            super("lane " + laneId + " of the package is no longer open");
            this.laneId = laneId;
        }

        public String laneId() {
            return laneId;
        }
    }
}
