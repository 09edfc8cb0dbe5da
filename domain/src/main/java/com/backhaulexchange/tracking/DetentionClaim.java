package com.backhaulexchange.tracking;

import com.backhaulexchange.deal.booking.BookingId;
import java.time.Instant;
import java.util.Objects;

/**
 * The carrier's claim of one stop's detention (ADR 38): the figures as computed when it was claimed
 * ({@code detention}), then the shipper's answer: {@code CONFIRMED} (it flows into settlement as a risk event) or
 * {@code DISPUTED} with the shipper's {@code disputeReason}. Both answers are final.
 */
public record DetentionClaim(BookingId bookingId, Detention detention, Status status, Instant claimedAt,
        Instant decidedAt, String disputeReason) {

    public enum Status {
        CLAIMED,
        CONFIRMED,
        DISPUTED
    }

    public DetentionClaim {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(detention, "detention");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(claimedAt, "claimedAt");
        if ((status == Status.CLAIMED) != (decidedAt == null)) {
            throw new IllegalArgumentException("an answered claim has its time, an open one none");
        }
        if ((status == Status.DISPUTED) != (disputeReason != null)) {
            throw new IllegalArgumentException("a dispute, and only a dispute, has a reason");
        }
    }

    public StopKind stop() {
        return detention.stop();
    }
}
