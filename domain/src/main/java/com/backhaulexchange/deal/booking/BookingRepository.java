package com.backhaulexchange.deal.booking;

import com.backhaulexchange.deal.negotiation.NegotiationRepository.Versioned;
import com.backhaulexchange.deal.outcome.DeliveredOutcome;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.partner.PartnerId;
import java.util.List;
import java.util.Optional;

/** Bookings as stored (created by {@link com.backhaulexchange.deal.negotiation.NegotiationRepository#agreeAndBook}). */
public interface BookingRepository {

    Optional<Versioned<Booking>> find(BookingId id);

    /**
     * Stores the next state of a booking with the notifications it causes.
     *
     * @throws com.backhaulexchange.kernel.persistence.StaleWriteException when it changed since {@code expectedVersion}
     */
    void update(Booking next, long expectedVersion, List<Notification> notifications);

    /**
     * Stores a booking's delivery with the notifications it causes and, atomically with it, adds its outcome to
     * the parties' outcome ledger (ADR 26).
     *
     * @throws com.backhaulexchange.kernel.persistence.StaleWriteException when it changed since {@code expectedVersion}
     */
    void deliver(Booking next, long expectedVersion, List<Notification> notifications, DeliveredOutcome outcome);

    /**
     * {@link #deliver(Booking, long, List, DeliveredOutcome)} and, in the same transaction, the delivery's network
     * counters in the region of the booked load's pickup (ADR 41). A store without network counters (a test's
     * in-memory one) records the delivery alone.
     */
    default void deliver(Booking next, long expectedVersion, List<Notification> notifications,
            DeliveredOutcome outcome, PostedLane.Load load) {
        deliver(next, expectedVersion, notifications, outcome);
    }

    /** A party's bookings, newest first, optionally of one status. */
    Page<Booking> listForParty(PartnerId party, BookingStatus status, int limit, String cursor);
}
