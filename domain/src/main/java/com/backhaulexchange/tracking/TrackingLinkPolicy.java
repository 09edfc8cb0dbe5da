package com.backhaulexchange.tracking;

import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.partner.PartnerId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who may share a booking's tracking, and for how long (ADR 33). Each rule allows or refuses with a reason code:
 * <ul>
 * <li>{@code NOT_A_PARTY} (404): anyone but the two parties learns nothing;</li>
 * <li>{@code WRONG_PARTY} (403): the carrier sees the booking but the freight and its customer are the shipper's;</li>
 * <li>{@code BOOKING_CANCELLED} (409): there is nothing to follow;</li>
 * <li>{@code EXPIRY_NOT_IN_THE_FUTURE}, {@code EXPIRY_TOO_FAR} (400, {@code /expiresAt}): a link lives at most
 *     {@link #MAX_LIFETIME};</li>
 * <li>{@code TOO_MANY_LINKS} (409): at most {@link #MAX_ACTIVE_LINKS} active at once, which bounds the listing and
 *     what a leaked key could hand out.</li>
 * </ul>
 */
public final class TrackingLinkPolicy {
    /**
     * 30 days: a dry-van move is delivered within a week or two, and the consignee may look back at a delivered
     * shipment for a while; beyond that a link is a standing disclosure nobody remembers to revoke.
     */
    public static final Duration MAX_LIFETIME = Duration.ofDays(30);
    public static final int MAX_ACTIVE_LINKS = 10;

    private final SecureRandom random;

    public TrackingLinkPolicy(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A link made, with its token (to show once), or the refusals; nothing is written on a refusal. */
    public sealed interface Creation {
        record Created(TrackingLink link, TrackingLinkToken token) implements Creation {
        }

        record Refused(List<TrackingRefusal> refusals) implements Creation {
            public Refused {
                refusals = List.copyOf(refusals);
            }
        }
    }

    public Creation create(TrackedBooking booking, PartnerId caller, TrackingLinkId id, Instant expiresAt,
            List<TrackingLink> existing, Instant now) {
        var access = mayManage(booking, caller);
        if (access != null) {
            return new Creation.Refused(List.of(access));
        }
        List<TrackingRefusal> refusals = new ArrayList<>();
        if (!expiresAt.isAfter(now)) {
            refusals.add(new TrackingRefusal(TrackingReasonCode.EXPIRY_NOT_IN_THE_FUTURE,
                    "A link must expire after now (" + now + ").", "/expiresAt"));
        } else if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            refusals.add(new TrackingRefusal(TrackingReasonCode.EXPIRY_TOO_FAR,
                    "A link lives at most " + MAX_LIFETIME.toDays() + " days: expire it by " + now.plus(MAX_LIFETIME)
                            + ".", "/expiresAt"));
        }
        if (!refusals.isEmpty()) {
            return new Creation.Refused(refusals);
        }
        if (booking.status() == BookingStatus.CANCELLED) {
            return new Creation.Refused(List.of(new TrackingRefusal(TrackingReasonCode.BOOKING_CANCELLED,
                    "The booking is cancelled: there is nothing to follow.", null)));
        }
        long active = existing.stream().filter(link -> link.isLiveAt(now)).count();
        if (active >= MAX_ACTIVE_LINKS) {
            return new Creation.Refused(List.of(new TrackingRefusal(TrackingReasonCode.TOO_MANY_LINKS,
                    "The booking has " + active + " active links, the most there may be; revoke one first.", null)));
        }
        TrackingLinkToken token = TrackingLinkToken.generate(random);
        return new Creation.Created(new TrackingLink(id, booking.id(), booking.shipper(), token.sha256Hex(), now,
                expiresAt, null), token);
    }

    /**
     * Listing and revoking are the shipper's as creating is: null when {@code caller} may, else the refusal
     * ({@code NOT_A_PARTY} for a stranger, {@code WRONG_PARTY} for the carrier).
     */
    public static TrackingRefusal mayManage(TrackedBooking booking, PartnerId caller) {
        if (booking.shipper().equals(caller)) {
            return null;
        }
        if (booking.carrier().equals(caller)) {
            return new TrackingRefusal(TrackingReasonCode.WRONG_PARTY,
                    "Only the booking's shipper shares its tracking with its customer.", null);
        }
        return new TrackingRefusal(TrackingReasonCode.NOT_A_PARTY, "No such booking.", null);
    }
}
