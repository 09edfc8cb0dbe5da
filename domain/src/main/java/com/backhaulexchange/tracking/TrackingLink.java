package com.backhaulexchange.tracking;

import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A shareable, read-only view of one booking's tracking that its shipper hands to its own customer (ADR 33): live
 * from its creation until it expires or is revoked, whichever comes first. It keeps the token's hash, never the
 * token.
 */
public record TrackingLink(TrackingLinkId id, BookingId bookingId, PartnerId shipper, String tokenSha256Hex,
        Instant createdAt, Instant expiresAt, Instant revokedAt) {

    public enum Status { ACTIVE, EXPIRED, REVOKED }

    public TrackingLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(shipper, "shipper");
        Objects.requireNonNull(tokenSha256Hex, "tokenSha256Hex");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a link expires after it is created");
        }
    }

    /** Revoked wins over expired: the shipper's act is what it sees. */
    public Status statusAt(Instant now) {
        if (revokedAt != null && !revokedAt.isAfter(now)) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }

    public boolean isLiveAt(Instant now) {
        return statusAt(now) == Status.ACTIVE;
    }

    /** Revoking twice keeps the first time: a repeated DELETE changes nothing. */
    public TrackingLink revokedAt(Instant now) {
        return revokedAt != null ? this
                : new TrackingLink(id, bookingId, shipper, tokenSha256Hex, createdAt, expiresAt, now);
    }
}
