package com.backhaulexchange.tracking;

import java.util.List;
import java.util.Objects;

/** What a request of position reports did: accepted (perhaps changing nothing) or refused, writing nothing. */
public sealed interface TrackingOutcome {

    /**
     * The reports were taken. {@code state} is the next state ({@code changed}: it differs from the one before);
     * {@code trail} the reports to keep in the trail (repeats of the latest left out; a store keeps a repeat of an
     * older one once); {@code events} what they showed; {@code late} how many were older than the latest report,
     * kept in the trail without moving the state.
     */
    record Accepted(TrackingState state, boolean changed, List<PositionReport> trail, List<TrackingEvent> events,
            int late) implements TrackingOutcome {
        public Accepted {
            Objects.requireNonNull(state, "state");
            trail = List.copyOf(trail);
            events = List.copyOf(events);
        }
    }

    record Refused(List<TrackingRefusal> refusals) implements TrackingOutcome {
        public Refused {
            refusals = List.copyOf(refusals);
            if (refusals.isEmpty()) {
                throw new IllegalArgumentException("a refusal gives a reason");
            }
        }

        public TrackingReasonCode reason() {
            return refusals.getFirst().reason();
        }
    }
}
