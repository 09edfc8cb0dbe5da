package com.backhaulexchange.tracking;

import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.notification.Notification;
import java.util.List;
import java.util.Optional;

/** Detention claims as stored, one a stop, in the booking's partition (ADR 38). */
public interface DetentionClaimRepository {

    /** The booking's claims, pickup first. */
    List<DetentionClaim> claims(BookingId id);

    default Optional<DetentionClaim> find(BookingId id, StopKind stop) {
        return claims(id).stream().filter(claim -> claim.stop() == stop).findFirst();
    }

    /**
     * Stores {@code next} with its notifications in one transaction, if the stored claim is still in
     * {@code expected} (null: none stored yet).
     *
     * @throws com.backhaulexchange.kernel.persistence.StaleWriteException when another request got there first
     */
    void save(DetentionClaim next, DetentionClaim.Status expected, List<Notification> notifications);
}
