package com.backhaulexchange.tracking;

import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.partner.PartnerId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Takes a carrier's position reports for a booking and says what they show (ADR 30).
 *
 * <p>Checks, in order: who sends (only the booking's carrier, or a broker acting for it as the caller resolved:
 * a stranger gets the unknown booking, the shipper a 403), the reports themselves (at least one, at most
 * {@link TrackingRules#maxReportsPerRequest()}, coordinates in range, not later than now plus the clock grace, not
 * before the booking), then the booking's state (reports are taken from the booking until its delivery is
 * recorded; none on a cancelled booking). Any refusal refuses the whole request.
 *
 * <p>Times are kept to the millisecond and coordinates to {@link Coordinates#DECIMAL_PLACES} decimal places.
 *
 * <p>Then the reports newer than the latest one are applied in time order, so the order within a request does not
 * matter. For each: the geofences of the stops ({@link Geofence}) — the delivery's only once the pickup is done,
 * because a backhaul can pass its delivery on the way to its pickup — then the ETA at the next stop
 * ({@link EtaModel}), announced as ETA_CHANGED when it is the first for that stop or moved by more than the
 * threshold, and DELAYED once per stop when it falls after the stop's window closes. A report older than the latest
 * is kept in the trail and changes nothing else: the ETA never goes back to an older position, and an event once
 * announced stays announced. A repeat of the latest report is one report.
 */
public record PositionTracker(TrackingRules rules, EtaModel etaModel) {

    public PositionTracker {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(etaModel, "etaModel");
    }

    public TrackingOutcome report(TrackedBooking booking, TrackingState state, PartnerId actingFor,
            List<ReportedPosition> reported, Instant now) {
        if (!booking.id().equals(state.bookingId())) {
            throw new IllegalArgumentException("the state is not the booking's");
        }
        if (!booking.isParty(actingFor)) {
            return refused(TrackingReasonCode.NOT_A_PARTY, "No such booking.", null);
        }
        if (!booking.carrier().equals(actingFor)) {
            return refused(TrackingReasonCode.WRONG_PARTY, "Only the carrier reports the truck's positions.", null);
        }
        List<TrackingRefusal> bad = new ArrayList<>();
        List<PositionReport> reports = checked(booking, reported, now, bad);
        if (!bad.isEmpty()) {
            return new TrackingOutcome.Refused(bad);
        }
        if (booking.status() == BookingStatus.CANCELLED) {
            return refused(TrackingReasonCode.BOOKING_CANCELLED, "This booking was cancelled.", null);
        }
        if (booking.status() == BookingStatus.DELIVERED) {
            return refused(TrackingReasonCode.ALREADY_DELIVERED,
                    "The delivery is recorded; the booking is no longer tracked.", null);
        }
        Map<Instant, PositionReport> byTime = new LinkedHashMap<>();
        for (int index = 0; index < reports.size(); index++) {
            PositionReport report = reports.get(index);
            PositionReport same = byTime.putIfAbsent(report.reportedAt(), report);
            PositionReport latest = state.latest();
            if ((same != null && !same.repeats(report))
                    || (latest != null && latest.reportedAt().equals(report.reportedAt()) && !latest.repeats(report))) {
                return refused(TrackingReasonCode.CONFLICTING_REPORT, "Another position is reported for "
                        + report.reportedAt() + ".", "/positions/" + index);
            }
        }
        List<PositionReport> ordered = byTime.values().stream()
                .sorted(Comparator.comparing(PositionReport::reportedAt)).toList();
        List<PositionReport> trail = new ArrayList<>();
        List<TrackingEvent> events = new ArrayList<>();
        int late = 0;
        TrackingState next = state;
        for (PositionReport report : ordered) {
            PositionReport latest = next.latest();
            if (latest != null && latest.repeats(report)) {
                continue;
            }
            trail.add(report);
            if (latest != null && report.reportedAt().isBefore(latest.reportedAt())) {
                late++;
                continue;
            }
            next = apply(booking, next, report, now, events);
        }
        return new TrackingOutcome.Accepted(next, !next.equals(state), trail, events, late);
    }

    private TrackingState apply(TrackedBooking booking, TrackingState state, PositionReport report, Instant now,
            List<TrackingEvent> events) {
        Geofence fence = rules.geofence();
        Coordinates at = report.position();
        Instant time = report.reportedAt();
        TrackingState next = state;
        for (StopKind kind : StopKind.values()) {
            TrackedStop stop = booking.stop(kind);
            StopProgress progress = next.progress(kind);
            boolean mayArrive = kind == StopKind.PICKUP ? next.delivery().arrivedAt() == null : pickupDone(booking, next);
            if (progress.arrivedAt() == null && mayArrive && fence.isInside(stop.location(), at)) {
                next = event(next.with(kind, progress.arrived(time)), TrackingEventType.ARRIVED, kind, time, now, null,
                        null, events);
            } else if (progress.isAt() && fence.isOutside(stop.location(), at)) {
                next = event(next.with(kind, progress.departed(time)), TrackingEventType.DEPARTED, kind, time, now,
                        null, null, events);
            }
        }
        StopKind nextStop = !pickupDone(booking, next) ? StopKind.PICKUP
                : next.delivery().departedAt() == null ? StopKind.DELIVERY : null;
        if (nextStop == null) {
            return next.withLatest(report, null, null);
        }
        StopProgress progress = next.progress(nextStop);
        if (progress.isAt()) {
            return next.withLatest(report, nextStop, progress.arrivedAt());
        }
        TrackedStop stop = booking.stop(nextStop);
        Instant eta = etaModel.arrivalAt(stop, at, time);
        Instant announced = progress.announcedEta();
        if (announced == null || Duration.between(announced, eta).abs().compareTo(rules.etaChangeThreshold()) > 0) {
            progress = progress.announced(eta);
            next = event(next.with(nextStop, progress), TrackingEventType.ETA_CHANGED, nextStop, time, now, eta,
                    announced, events);
        }
        if (!progress.delayed() && eta.isAfter(stop.window().closesAt())) {
            next = event(next.with(nextStop, progress.late()), TrackingEventType.DELAYED, nextStop, time, now, eta,
                    null, events);
        }
        return next.withLatest(report, nextStop, eta);
    }

    /** The pickup is behind the truck once it left the pickup's geofence or the carrier recorded the pickup. */
    private static boolean pickupDone(TrackedBooking booking, TrackingState state) {
        return state.pickup().departedAt() != null || booking.status() == BookingStatus.PICKED_UP;
    }

    private static TrackingState event(TrackingState state, TrackingEventType type, StopKind stop, Instant occurredAt,
            Instant now, Instant eta, Instant previousEta, List<TrackingEvent> events) {
        long sequence = state.lastSequence() + 1;
        events.add(new TrackingEvent(sequence, type, stop, occurredAt, now, eta, previousEta));
        return state.withLastSequence(sequence);
    }

    private List<PositionReport> checked(TrackedBooking booking, List<ReportedPosition> reported, Instant now,
            List<TrackingRefusal> bad) {
        if (reported.isEmpty()) {
            bad.add(new TrackingRefusal(TrackingReasonCode.NO_REPORTS, "Send at least one position.", "/positions"));
            return List.of();
        }
        if (reported.size() > rules.maxReportsPerRequest()) {
            bad.add(new TrackingRefusal(TrackingReasonCode.TOO_MANY_REPORTS,
                    "Send at most " + rules.maxReportsPerRequest() + " positions at a time.", "/positions"));
            return List.of();
        }
        Instant latestAllowed = now.plus(rules.clockGrace());
        Instant earliestAllowed = booking.bookedAt().minus(rules.clockGrace());
        List<PositionReport> reports = new ArrayList<>(reported.size());
        for (int index = 0; index < reported.size(); index++) {
            ReportedPosition position = reported.get(index);
            String at = "/positions/" + index;
            int before = bad.size();
            if (position.reportedAt() == null || position.reportedAt().isAfter(latestAllowed)) {
                bad.add(new TrackingRefusal(TrackingReasonCode.TIME_IN_THE_FUTURE, "A position is reported once the "
                        + "truck was there (at most " + rules.clockGrace().toSeconds() + " s ahead of " + now + ").",
                        at + "/reportedAt"));
            } else if (position.reportedAt().isBefore(earliestAllowed)) {
                bad.add(new TrackingRefusal(TrackingReasonCode.TIME_BEFORE_BOOKING,
                        "A position is reported from the booking on (" + booking.bookedAt() + ").", at + "/reportedAt"));
            }
            if (!(position.latitudeDegrees() >= -90 && position.latitudeDegrees() <= 90)) {
                bad.add(new TrackingRefusal(TrackingReasonCode.COORDINATES_OUT_OF_RANGE,
                        "Latitude is within [-90, 90] degrees.", at + "/latitudeDegrees"));
            }
            if (!(position.longitudeDegrees() >= -180 && position.longitudeDegrees() <= 180)) {
                bad.add(new TrackingRefusal(TrackingReasonCode.COORDINATES_OUT_OF_RANGE,
                        "Longitude is within [-180, 180] degrees.", at + "/longitudeDegrees"));
            }
            if (position.speedMph() != null
                    && !(position.speedMph() >= 0 && position.speedMph() <= TrackingRules.MAX_SPEED_MPH)) {
                bad.add(new TrackingRefusal(TrackingReasonCode.SPEED_OUT_OF_RANGE,
                        "Speed is within [0, " + (int) TrackingRules.MAX_SPEED_MPH + "] mph.", at + "/speedMph"));
            }
            if (position.odometerMiles() != null && !(position.odometerMiles() >= 0
                    && position.odometerMiles() <= TrackingRules.MAX_ODOMETER_MILES)) {
                bad.add(new TrackingRefusal(TrackingReasonCode.ODOMETER_OUT_OF_RANGE, "The odometer is within [0, "
                        + (long) TrackingRules.MAX_ODOMETER_MILES + "] miles.", at + "/odometerMiles"));
            }
            if (bad.size() == before) {
                reports.add(new PositionReport(position.reportedAt().truncatedTo(ChronoUnit.MILLIS),
                        Coordinates.quantised(position.latitudeDegrees(), position.longitudeDegrees()),
                        position.speedMph(), position.odometerMiles()));
            }
        }
        return reports;
    }

    private static TrackingOutcome refused(TrackingReasonCode reason, String detail, String field) {
        return new TrackingOutcome.Refused(List.of(new TrackingRefusal(reason, detail, field)));
    }
}
