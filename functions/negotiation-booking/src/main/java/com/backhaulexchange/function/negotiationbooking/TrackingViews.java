package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.tracking.PositionReport;
import com.backhaulexchange.tracking.StopProgress;
import com.backhaulexchange.tracking.TrackingEvent;
import java.time.Instant;
import java.util.List;

/** The JSON of a booking's tracking, the same for both parties (ADR 30); null components are left out. */
final class TrackingViews {
    private TrackingViews() {
    }

    record PositionView(String reportedAt, double latitudeDegrees, double longitudeDegrees, Double speedMph,
            Double odometerMiles) {
    }

    record StopView(String arrivedAt, String departedAt, boolean delayed) {
    }

    record StopsView(StopView pickup, StopView delivery) {
    }

    record EventView(long sequence, String type, String stop, String occurredAt, String recordedAt, String eta,
            String previousEta) {
    }

    record TrackingView(String bookingId, String bookingStatus, String nextStop, String eta,
            PositionView lastPosition, StopsView stops, List<EventView> events, String nextCursor) {
    }

    static TrackingView of(TrackingService.Tracking tracking) {
        var state = tracking.state();
        PositionReport latest = state.latest();
        return new TrackingView(tracking.booking().id().value(), tracking.booking().status().name(),
                state.nextStop() == null ? null : state.nextStop().name(), text(state.eta()),
                latest == null ? null : new PositionView(latest.reportedAt().toString(),
                        latest.position().latitudeDegrees(), latest.position().longitudeDegrees(), latest.speedMph(),
                        latest.odometerMiles()),
                new StopsView(stop(state.pickup()), stop(state.delivery())),
                tracking.events().items().stream().map(TrackingViews::event).toList(),
                tracking.events().nextCursor());
    }

    private static StopView stop(StopProgress progress) {
        return new StopView(text(progress.arrivedAt()), text(progress.departedAt()), progress.delayed());
    }

    private static EventView event(TrackingEvent event) {
        return new EventView(event.sequence(), event.type().name(), event.stop().name(), event.occurredAt().toString(),
                event.recordedAt().toString(), text(event.eta()), text(event.previousEta()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
