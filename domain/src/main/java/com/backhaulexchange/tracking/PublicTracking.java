package com.backhaulexchange.tracking;

import com.backhaulexchange.lane.TimeWindow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What a tracking link shows its holder (ADR 33), and nothing else: no party, price, id, route or exact position.
 * <ul>
 * <li>{@code SCHEDULED} (booked, not picked up): the delivery window. Where the truck is before it has the freight
 *     tells of the carrier's other business, not of this shipment.</li>
 * <li>{@code IN_TRANSIT} (picked up): the last known area ({@link CoarseArea}) and when it was seen (to the minute),
 *     the ETA at the delivery once the pickup is behind, and the delivery window.</li>
 * <li>{@code DELIVERED}, {@code CANCELLED}: the status alone.</li>
 * </ul>
 */
public record PublicTracking(Status status, CoarseArea lastKnownArea, Instant lastSeenAt, Instant eta,
        TimeWindow deliveryWindow) {

    public enum Status { SCHEDULED, IN_TRANSIT, DELIVERED, CANCELLED }

    public PublicTracking {
        Objects.requireNonNull(status, "status");
    }

    public static PublicTracking of(TrackedBooking booking, TrackingState state) {
        return switch (booking.status()) {
            case DELIVERED -> new PublicTracking(Status.DELIVERED, null, null, null, null);
            case CANCELLED -> new PublicTracking(Status.CANCELLED, null, null, null, null);
            case BOOKED -> new PublicTracking(Status.SCHEDULED, null, null, null, booking.delivery().window());
            case PICKED_UP -> inTransit(booking, state);
        };
    }

    private static PublicTracking inTransit(TrackedBooking booking, TrackingState state) {
        PositionReport latest = state.latest();
        Instant eta = state.nextStop() == StopKind.DELIVERY ? state.eta() : null;
        return new PublicTracking(Status.IN_TRANSIT, latest == null ? null : CoarseArea.of(latest.position()),
                latest == null ? null : latest.reportedAt().truncatedTo(ChronoUnit.MINUTES),
                eta == null ? null : eta.truncatedTo(ChronoUnit.MINUTES), booking.delivery().window());
    }
}
