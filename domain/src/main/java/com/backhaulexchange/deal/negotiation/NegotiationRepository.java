package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Negotiations as stored, each with a version that every change is conditioned on, and the notifications
 * each change causes, written in the same transaction (an outbox: they are sent after the commit, and a
 * sweeper sends again whatever was not).
 */
public interface NegotiationRepository {

    /** A stored aggregate and the version its next change must expect. */
    record Versioned<T>(T value, long version) {
    }

    Optional<Versioned<Negotiation>> find(NegotiationId id);

    /**
     * Stores a newly opened negotiation.
     *
     * @throws NegotiationAlreadyOpenException when its match already has an open negotiation
     */
    default void open(Negotiation opened, List<Notification> notifications) {
        open(opened, notifications, null);
    }

    /**
     * {@link #open(Negotiation, List)} with the idempotency record of the request that opened it (null without
     * an Idempotency-Key) in the same transaction: an {@code IdempotencyConflictException} if it exists.
     */
    void open(Negotiation opened, List<Notification> notifications, IdempotencyRecord idempotencyRecord);

    /**
     * Stores the next state of a negotiation that is not being booked.
     *
     * @throws com.backhaulexchange.kernel.persistence.StaleWriteException when it changed since {@code expectedVersion}
     */
    void update(Negotiation next, long expectedVersion, List<Notification> notifications);

    /**
     * Agreement and booking, all or nothing: the negotiation becomes AGREED (stored for the first time when
     * {@code expectedVersion} is 0), both lanes BOOKED (they leave the candidate index), the match BOOKED and
     * the booking is created.
     *
     * @throws LaneNoLongerOpenException when either lane or the match is not open any more (booked through
     *     another negotiation, withdrawn, expired)
     * @throws com.backhaulexchange.kernel.persistence.StaleWriteException when the negotiation changed meanwhile
     * @throws NegotiationAlreadyOpenException when opening (version 0) and the match has an open negotiation
     */
    default void agreeAndBook(Negotiation agreed, long expectedVersion, PostedLane.Capacity capacity,
            PostedLane.Load load, Booking booking, Instant now, List<Notification> notifications) {
        agreeAndBook(agreed, expectedVersion, capacity, load, booking, now, notifications, null);
    }

    /** {@link #agreeAndBook} with the opening request's idempotency record (null: none), as {@link #open} has it. */
    void agreeAndBook(Negotiation agreed, long expectedVersion, PostedLane.Capacity capacity, PostedLane.Load load,
            Booking booking, Instant now, List<Notification> notifications, IdempotencyRecord idempotencyRecord);

    /** The idempotency record stored under {@code recordId}, read consistently. */
    Optional<IdempotencyRecord> idempotencyRecord(String recordId);

    /** The open negotiations on a lane (to supersede them once the lane is booked). */
    List<NegotiationId> openOnLane(String laneId);

    /**
     * A negotiation and the booking its agreement made: null until it is agreed, and null for one agreed before
     * negotiations named their booking (ADR 40).
     */
    record NegotiationAndBooking(Negotiation negotiation, BookingId bookingId) {
    }

    /** A party's negotiations, newest first, each with its booking; {@code status} filters on the status at {@code now}. */
    Page<NegotiationAndBooking> listForParty(PartnerId party, NegotiationStatus status, Instant now, int limit,
            String cursor);

    /** The booking an agreed negotiation made, read consistently; empty before the agreement (ADR 40). */
    Optional<BookingId> bookingOf(NegotiationId id);

    /** Open negotiations whose offer on the table expired before {@code now}, oldest expiry first. */
    List<NegotiationId> withLapsedOffers(Instant now, int limit);

    /** The match of a negotiation being opened already has an open one: continue that one instead. */
    final class NegotiationAlreadyOpenException extends RuntimeException {
        public NegotiationAlreadyOpenException(String message) {
            super(message);
        }
    }

    /** A lane or the match of an agreement is no longer open: nothing was written. */
    final class LaneNoLongerOpenException extends RuntimeException {
        public LaneNoLongerOpenException(String message) {
            super(message);
        }
    }
}
