package com.backhaulexchange.tracking;

import static com.backhaulexchange.tracking.TrackingExamples.BOOKING;
import static com.backhaulexchange.tracking.TrackingExamples.monday;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProofOfDeliveryTest {

    @Test
    void the_first_confirmation_is_the_next_event_at_the_delivery() {
        var state = new TrackingState(BOOKING, null, StopProgress.NONE, StopProgress.NONE, null, null, 4);

        var recorded = ProofOfDelivery.record(state, monday(31, 0), monday(31, 1)).orElseThrow();

        assertThat(recorded.event().sequence()).isEqualTo(5);
        assertThat(recorded.event().type()).isEqualTo(TrackingEventType.PROOF_OF_DELIVERY);
        assertThat(recorded.event().stop()).isEqualTo(StopKind.DELIVERY);
        assertThat(recorded.event().occurredAt()).isEqualTo(monday(31, 0));
        assertThat(recorded.state().lastSequence()).isEqualTo(5);
        assertThat(recorded.state().proofOfDeliveryAt()).isEqualTo(monday(31, 0));
    }

    @Test
    void a_second_confirmation_tells_nothing() {
        var once = ProofOfDelivery.record(TrackingState.start(BOOKING), monday(31, 0), monday(31, 0)).orElseThrow();

        assertThat(ProofOfDelivery.record(once.state(), monday(32, 0), monday(32, 0))).isEmpty();
    }
}
