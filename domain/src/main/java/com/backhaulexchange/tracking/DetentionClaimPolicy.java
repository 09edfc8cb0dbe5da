package com.backhaulexchange.tracking;

import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who may do what with a stop's detention (ADR 38), each refusal with its reason code:
 * <ul>
 * <li>both parties read it; anyone else is told the booking does not exist ({@code NOT_A_PARTY}, 404);</li>
 * <li>the carrier claims it ({@code WRONG_PARTY}, 403, for the shipper), once the truck departed from the stop
 *     ({@code NOT_DEPARTED}) and only if there is a charge ({@code NO_DETENTION}); not on a cancelled booking
 *     ({@code BOOKING_CANCELLED}); claiming again answers the claim as it stands;</li>
 * <li>the shipper confirms or disputes a claim ({@code WRONG_PARTY} for the carrier, {@code NOT_CLAIMED} before the
 *     claim); a dispute needs a reason that is not blank ({@code REASON_REQUIRED}, at {@code /reason}); the same
 *     answer again changes nothing, the other answer is refused ({@code ALREADY_CONFIRMED},
 *     {@code ALREADY_DISPUTED}).</li>
 * </ul>
 */
public final class DetentionClaimPolicy {
    public static final int MAX_REASON_LENGTH = 500;

    private DetentionClaimPolicy() {
    }

    /** The claim as it is now ({@code changed}: it differs from the stored one) or the refusal. */
    public sealed interface Outcome {
        record Done(DetentionClaim claim, boolean changed) implements Outcome {
        }

        record Refused(TrackingRefusal refusal) implements Outcome {
        }
    }

    public enum Answer {
        CONFIRM,
        DISPUTE
    }

    public static Optional<TrackingRefusal> mayRead(TrackedBooking booking, PartnerId caller) {
        return booking.isParty(caller) ? Optional.empty() : Optional.of(notAParty());
    }

    public static Outcome claim(TrackedBooking booking, PartnerId caller, Optional<Detention> computed,
            Optional<DetentionClaim> existing, Instant now) {
        if (!booking.isParty(caller)) {
            return new Outcome.Refused(notAParty());
        }
        if (!booking.carrier().equals(caller)) {
            return refused(TrackingReasonCode.WRONG_PARTY, "Only the carrier claims detention.", null);
        }
        if (existing.isPresent()) {
            return new Outcome.Done(existing.get(), false);
        }
        if (booking.status() == BookingStatus.CANCELLED) {
            return refused(TrackingReasonCode.BOOKING_CANCELLED, "This booking was cancelled.", null);
        }
        if (computed.isEmpty()) {
            return refused(TrackingReasonCode.NOT_DEPARTED,
                    "The truck has not departed from this stop yet; detention is computed once it has.", null);
        }
        if (!computed.get().isCharged()) {
            return refused(TrackingReasonCode.NO_DETENTION,
                    "The truck left within the free time: there is no detention to claim.", null);
        }
        return new Outcome.Done(new DetentionClaim(booking.id(), computed.get(), DetentionClaim.Status.CLAIMED, now,
                null, null), true);
    }

    public static Outcome answer(TrackedBooking booking, PartnerId caller, Optional<DetentionClaim> existing,
            Answer answer, String reason, Instant now) {
        if (!booking.isParty(caller)) {
            return new Outcome.Refused(notAParty());
        }
        if (!booking.shipper().equals(caller)) {
            return refused(TrackingReasonCode.WRONG_PARTY, "Only the shipper confirms or disputes detention.", null);
        }
        String trimmed = reason == null ? null : reason.strip();
        if (answer == Answer.DISPUTE && (trimmed == null || trimmed.isEmpty())) {
            return refused(TrackingReasonCode.REASON_REQUIRED, "A dispute says why.", "/reason");
        }
        if (trimmed != null && trimmed.length() > MAX_REASON_LENGTH) {
            return refused(TrackingReasonCode.REASON_REQUIRED, "A reason is at most " + MAX_REASON_LENGTH
                    + " characters.", "/reason");
        }
        if (existing.isEmpty()) {
            return refused(TrackingReasonCode.NOT_CLAIMED, "The carrier has not claimed this stop's detention.", null);
        }
        DetentionClaim claim = existing.get();
        DetentionClaim.Status wanted = answer == Answer.CONFIRM ? DetentionClaim.Status.CONFIRMED
                : DetentionClaim.Status.DISPUTED;
        if (claim.status() == wanted) {
            return new Outcome.Done(claim, false);
        }
        if (claim.status() == DetentionClaim.Status.CONFIRMED) {
            return refused(TrackingReasonCode.ALREADY_CONFIRMED, "This detention was confirmed already.", null);
        }
        if (claim.status() == DetentionClaim.Status.DISPUTED) {
            return refused(TrackingReasonCode.ALREADY_DISPUTED, "This detention was disputed already.", null);
        }
        return new Outcome.Done(new DetentionClaim(claim.bookingId(), claim.detention(), wanted, claim.claimedAt(),
                now, answer == Answer.DISPUTE ? trimmed : null), true);
    }

    private static TrackingRefusal notAParty() {
        return new TrackingRefusal(TrackingReasonCode.NOT_A_PARTY, "No such booking.", null);
    }

    private static Outcome refused(TrackingReasonCode code, String detail, String field) {
        return new Outcome.Refused(new TrackingRefusal(code, detail, field));
    }

    /** Both stops, pickup first. */
    public static final List<StopKind> STOPS = List.of(StopKind.PICKUP, StopKind.DELIVERY);
}
