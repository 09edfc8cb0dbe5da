package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.adapter.json.MoneyView;
import com.backhaulexchange.tracking.Detention;
import com.backhaulexchange.tracking.DetentionClaim;
import com.backhaulexchange.tracking.StopKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of a booking's detention, per stop, the same for both parties (ADR 38); null components are left out.
 * {@code status}: {@code AWAITING_DEPARTURE} (nothing computed yet), {@code WITHIN_FREE_TIME} (computed, no charge),
 * {@code COMPUTED} (a charge the carrier may claim), then the claim's {@code CLAIMED}, {@code CONFIRMED} or
 * {@code DISPUTED}. Once claimed, the figures are the claim's, as computed when it was claimed.
 */
final class DetentionViews {
    private DetentionViews() {
    }

    record StopDetention(String stop, String status, String arrivedAt, String departedAt, String clockStartedAt,
            Long dwellMinutes, Integer freeHours, Long billedMinutes, MoneyView ratePerHour, MoneyView charge,
            String claimedAt, String decidedAt, String disputeReason) {
    }

    record BookingDetention(String bookingId, List<StopDetention> stops) {
    }

    static StopDetention of(StopKind stop, Optional<Detention> computed, Optional<DetentionClaim> claim) {
        if (claim.isPresent()) {
            DetentionClaim found = claim.get();
            return figures(stop, found.status().name(), found.detention(), text(found.claimedAt()),
                    text(found.decidedAt()), found.disputeReason());
        }
        if (computed.isEmpty()) {
            return new StopDetention(stop.name(), "AWAITING_DEPARTURE", null, null, null, null, null, null, null, null,
                    null, null, null);
        }
        return figures(stop, computed.get().isCharged() ? "COMPUTED" : "WITHIN_FREE_TIME", computed.get(), null, null,
                null);
    }

    private static StopDetention figures(StopKind stop, String status, Detention detention, String claimedAt,
            String decidedAt, String disputeReason) {
        return new StopDetention(stop.name(), status, text(detention.arrivedAt()), text(detention.departedAt()),
                text(detention.clockStartedAt()), detention.dwellMinutes(), detention.freeHours(),
                detention.billedMinutes(), MoneyView.of(detention.ratePerHour()), MoneyView.of(detention.charge()),
                claimedAt, decidedAt, disputeReason);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
