package com.backhaulexchange.tracking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code PROOF_OF_DELIVERY} tracking event (ADR 38): once a proof of delivery is confirmed in storage, the
 * booking's tracking tells it with the next sequence number, at the delivery stop. Only the first confirmed proof
 * of delivery is told: a second confirmation (a retry, or another scan of the same delivery) changes nothing.
 */
public final class ProofOfDelivery {

    private ProofOfDelivery() {
    }

    /** The state after the proof of delivery and its event; empty when one was told already. */
    public record Recorded(TrackingState state, TrackingEvent event) {
        public Recorded {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * @param confirmedAt when the exchange verified the object in storage (the event's {@code occurredAt})
     * @param now when the event is recorded
     */
    public static Optional<Recorded> record(TrackingState state, Instant confirmedAt, Instant now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        if (state.proofOfDeliveryAt() != null) {
            return Optional.empty();
        }
        long sequence = state.lastSequence() + 1;
        TrackingEvent event = new TrackingEvent(sequence, TrackingEventType.PROOF_OF_DELIVERY, StopKind.DELIVERY,
                confirmedAt, now, null, null);
        return Optional.of(new Recorded(state.withProofOfDelivery(confirmedAt, sequence), event));
    }
}
