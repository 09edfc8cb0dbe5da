package com.backhaulexchange.tracking;

import com.backhaulexchange.deal.booking.BookingId;
import java.time.Instant;
import java.util.Objects;

/**
 * The tracking of one booking as it stands: the latest report (null before the first), the progress at each stop,
 * the stop the truck is heading for or standing at with its ETA (both null when none is left or no report came
 * yet), and the sequence number of the last event (0: none). One stored item; the trail and the events are kept
 * beside it. {@code proofOfDeliveryAt} is when the first proof of delivery was confirmed (null: none yet); the
 * {@code PROOF_OF_DELIVERY} event is numbered with the others and told once (ADR 38).
 */
public record TrackingState(BookingId bookingId, PositionReport latest, StopProgress pickup, StopProgress delivery,
        StopKind nextStop, Instant eta, long lastSequence, Instant proofOfDeliveryAt) {

    public TrackingState(BookingId bookingId, PositionReport latest, StopProgress pickup, StopProgress delivery,
            StopKind nextStop, Instant eta, long lastSequence) {
        this(bookingId, latest, pickup, delivery, nextStop, eta, lastSequence, null);
    }

    public TrackingState {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(pickup, "pickup");
        Objects.requireNonNull(delivery, "delivery");
        if (lastSequence < 0) {
            throw new IllegalArgumentException("lastSequence must not be negative");
        }
    }

    public static TrackingState start(BookingId bookingId) {
        return new TrackingState(bookingId, null, StopProgress.NONE, StopProgress.NONE, null, null, 0);
    }

    public StopProgress progress(StopKind kind) {
        return kind == StopKind.PICKUP ? pickup : delivery;
    }

    TrackingState with(StopKind kind, StopProgress progress) {
        return kind == StopKind.PICKUP
                ? new TrackingState(bookingId, latest, progress, delivery, nextStop, eta, lastSequence,
                        proofOfDeliveryAt)
                : new TrackingState(bookingId, latest, pickup, progress, nextStop, eta, lastSequence,
                        proofOfDeliveryAt);
    }

    TrackingState withLatest(PositionReport report, StopKind next, Instant nextEta) {
        return new TrackingState(bookingId, report, pickup, delivery, next, nextEta, lastSequence, proofOfDeliveryAt);
    }

    TrackingState withLastSequence(long sequence) {
        return new TrackingState(bookingId, latest, pickup, delivery, nextStop, eta, sequence, proofOfDeliveryAt);
    }

    TrackingState withProofOfDelivery(Instant confirmedAt, long sequence) {
        return new TrackingState(bookingId, latest, pickup, delivery, nextStop, eta, sequence, confirmedAt);
    }
}
