package com.backhaulexchange.tracking;

import static com.backhaulexchange.tracking.TrackingExamples.BOOKED_AT;
import static com.backhaulexchange.tracking.TrackingExamples.BOOKING;
import static com.backhaulexchange.tracking.TrackingExamples.CARRIER;
import static com.backhaulexchange.tracking.TrackingExamples.DALLAS;
import static com.backhaulexchange.tracking.TrackingExamples.SHIPPER;
import static com.backhaulexchange.tracking.TrackingExamples.STRANGER;
import static com.backhaulexchange.tracking.TrackingExamples.ST_LOUIS;
import static com.backhaulexchange.tracking.TrackingExamples.TRACKER;
import static com.backhaulexchange.tracking.TrackingExamples.at;
import static com.backhaulexchange.tracking.TrackingExamples.booking;
import static com.backhaulexchange.tracking.TrackingExamples.monday;
import static com.backhaulexchange.tracking.TrackingExamples.near;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.kernel.geo.GreatCircle;
import com.backhaulexchange.matching.MatchingConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PositionTrackerTest {

    private static final Instant NOW = monday(40, 0);

    private static TrackingOutcome.Accepted accepted(TrackingOutcome outcome) {
        assertThat(outcome).isInstanceOf(TrackingOutcome.Accepted.class);
        return (TrackingOutcome.Accepted) outcome;
    }

    private static TrackingOutcome.Refused refused(TrackingOutcome outcome) {
        assertThat(outcome).isInstanceOf(TrackingOutcome.Refused.class);
        return (TrackingOutcome.Refused) outcome;
    }

    private static TrackingOutcome send(BookingStatus status, TrackingState state, ReportedPosition... reports) {
        return TRACKER.report(booking(status), state, CARRIER, List.of(reports), NOW);
    }

    @Test
    void aStrangerGetsTheUnknownBookingAndTheShipperMayNotReport() {
        var report = List.of(at(monday(7, 0), DALLAS));
        assertThat(refused(TRACKER.report(booking(BookingStatus.BOOKED), TrackingState.start(BOOKING), STRANGER,
                report, NOW)).reason()).isEqualTo(TrackingReasonCode.NOT_A_PARTY);
        assertThat(refused(TRACKER.report(booking(BookingStatus.BOOKED), TrackingState.start(BOOKING), SHIPPER,
                report, NOW)).reason()).isEqualTo(TrackingReasonCode.WRONG_PARTY);
    }

    @Test
    void everyBadReportIsNamedWithItsField() {
        var refused = refused(send(BookingStatus.BOOKED, TrackingState.start(BOOKING),
                at(monday(7, 0), DALLAS),
                new ReportedPosition(NOW.plus(Duration.ofMinutes(3)), 91, -181, -1.0, -5.0),
                at(BOOKED_AT.minus(Duration.ofMinutes(3)), DALLAS)));
        assertThat(refused.refusals()).extracting(TrackingRefusal::reason, TrackingRefusal::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TrackingReasonCode.TIME_IN_THE_FUTURE, "/positions/1/reportedAt"),
                org.assertj.core.groups.Tuple.tuple(TrackingReasonCode.COORDINATES_OUT_OF_RANGE,
                        "/positions/1/latitudeDegrees"),
                org.assertj.core.groups.Tuple.tuple(TrackingReasonCode.COORDINATES_OUT_OF_RANGE,
                        "/positions/1/longitudeDegrees"),
                org.assertj.core.groups.Tuple.tuple(TrackingReasonCode.SPEED_OUT_OF_RANGE, "/positions/1/speedMph"),
                org.assertj.core.groups.Tuple.tuple(TrackingReasonCode.ODOMETER_OUT_OF_RANGE,
                        "/positions/1/odometerMiles"),
                org.assertj.core.groups.Tuple.tuple(TrackingReasonCode.TIME_BEFORE_BOOKING, "/positions/2/reportedAt"));
    }

    @Test
    void aClockALittleAheadIsTolerated() {
        accepted(send(BookingStatus.BOOKED, TrackingState.start(BOOKING), at(NOW.plus(Duration.ofMinutes(2)), DALLAS)));
        accepted(send(BookingStatus.BOOKED, TrackingState.start(BOOKING), at(BOOKED_AT.minusSeconds(60), DALLAS)));
    }

    @Test
    void aRequestHasOneToTheDocumentedNumberOfReports() {
        assertThat(refused(send(BookingStatus.BOOKED, TrackingState.start(BOOKING))).reason())
                .isEqualTo(TrackingReasonCode.NO_REPORTS);
        List<ReportedPosition> many = IntStream.rangeClosed(0, TrackingRules.DEFAULT.maxReportsPerRequest())
                .mapToObj(minute -> at(monday(7, 0).plusSeconds(60L * minute), DALLAS)).toList();
        assertThat(refused(TRACKER.report(booking(BookingStatus.BOOKED), TrackingState.start(BOOKING), CARRIER, many,
                NOW)).reason()).isEqualTo(TrackingReasonCode.TOO_MANY_REPORTS);
        accepted(TRACKER.report(booking(BookingStatus.BOOKED), TrackingState.start(BOOKING), CARRIER,
                many.subList(0, TrackingRules.DEFAULT.maxReportsPerRequest()), NOW));
    }

    @Test
    void aCancelledOrDeliveredBookingIsNoLongerTracked() {
        assertThat(refused(send(BookingStatus.CANCELLED, TrackingState.start(BOOKING), at(monday(7, 0), DALLAS)))
                .reason()).isEqualTo(TrackingReasonCode.BOOKING_CANCELLED);
        assertThat(refused(send(BookingStatus.DELIVERED, TrackingState.start(BOOKING), at(monday(7, 0), DALLAS)))
                .reason()).isEqualTo(TrackingReasonCode.ALREADY_DELIVERED);
    }

    @Test
    void theFirstReportGivesTheEtaAtThePickupByTheMatchingModel() {
        var outcome = accepted(send(BookingStatus.BOOKED, TrackingState.start(BOOKING),
                at(monday(7, 0), near(DALLAS, 30))));

        // 30 great-circle miles x 1.2 circuity = 36 road miles at 50 mph: 43 min 12 s.
        Instant eta = monday(7, 43).plusSeconds(12);
        assertThat(outcome.state().nextStop()).isEqualTo(StopKind.PICKUP);
        assertThat(outcome.state().eta()).isCloseTo(eta, within(Duration.ofSeconds(2)));
        assertThat(outcome.events()).singleElement().satisfies(event -> {
            assertThat(event.sequence()).isEqualTo(1);
            assertThat(event.type()).isEqualTo(TrackingEventType.ETA_CHANGED);
            assertThat(event.stop()).isEqualTo(StopKind.PICKUP);
            assertThat(event.previousEta()).isNull();
            assertThat(event.occurredAt()).isEqualTo(monday(7, 0));
            assertThat(event.recordedAt()).isEqualTo(NOW);
        });
        assertThat(outcome.trail()).hasSize(1);
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(duration.toSeconds(),
                java.time.temporal.ChronoUnit.SECONDS);
    }

    @Test
    void aJourneyArrivesAndDepartsAtEachStopInSequence() {
        var outcome = accepted(send(BookingStatus.BOOKED, TrackingState.start(BOOKING),
                at(monday(7, 0), near(DALLAS, 30)),
                at(monday(7, 50), near(DALLAS, 0.5)),
                at(monday(9, 30), near(DALLAS, 1.5)), // inside the exit circle: still there
                at(monday(10, 0), near(DALLAS, 10)),
                at(monday(20, 0), near(ST_LOUIS, 0.3)),
                at(monday(23, 0), near(ST_LOUIS, 5))));

        assertThat(outcome.events()).extracting(TrackingEvent::sequence, TrackingEvent::type, TrackingEvent::stop)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, TrackingEventType.ETA_CHANGED, StopKind.PICKUP),
                        org.assertj.core.groups.Tuple.tuple(2L, TrackingEventType.ARRIVED, StopKind.PICKUP),
                        org.assertj.core.groups.Tuple.tuple(3L, TrackingEventType.DEPARTED, StopKind.PICKUP),
                        org.assertj.core.groups.Tuple.tuple(4L, TrackingEventType.ETA_CHANGED, StopKind.DELIVERY),
                        org.assertj.core.groups.Tuple.tuple(5L, TrackingEventType.ARRIVED, StopKind.DELIVERY),
                        org.assertj.core.groups.Tuple.tuple(6L, TrackingEventType.DEPARTED, StopKind.DELIVERY));
        TrackingState state = outcome.state();
        assertThat(state.pickup().arrivedAt()).isEqualTo(monday(7, 50));
        assertThat(state.pickup().departedAt()).isEqualTo(monday(10, 0));
        assertThat(state.delivery().arrivedAt()).isEqualTo(monday(20, 0));
        assertThat(state.delivery().departedAt()).isEqualTo(monday(23, 0));
        assertThat(state.nextStop()).isNull();
        assertThat(state.eta()).isNull();
        assertThat(state.lastSequence()).isEqualTo(6);
    }

    @Test
    void whileAtAStopItsEtaIsTheArrival() {
        var outcome = accepted(send(BookingStatus.BOOKED, TrackingState.start(BOOKING),
                at(monday(7, 50), near(DALLAS, 0.5))));
        assertThat(outcome.events()).extracting(TrackingEvent::type).containsExactly(TrackingEventType.ARRIVED);
        assertThat(outcome.state().nextStop()).isEqualTo(StopKind.PICKUP);
        assertThat(outcome.state().eta()).isEqualTo(monday(7, 50));
    }

    @Test
    void theDeliveryIsDetectedOnlyOnceThePickupIsDone() {
        var beforePickup = accepted(send(BookingStatus.BOOKED, TrackingState.start(BOOKING),
                at(monday(7, 0), near(ST_LOUIS, 0.2))));
        // Standing at the delivery before the pickup: headed for Dallas, ~660 road miles, too far for noon.
        assertThat(beforePickup.events()).extracting(TrackingEvent::type, TrackingEvent::stop).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TrackingEventType.ETA_CHANGED, StopKind.PICKUP),
                org.assertj.core.groups.Tuple.tuple(TrackingEventType.DELAYED, StopKind.PICKUP));
        assertThat(beforePickup.state().nextStop()).isEqualTo(StopKind.PICKUP);

        var recorded = accepted(send(BookingStatus.PICKED_UP, TrackingState.start(BOOKING),
                at(monday(20, 0), near(ST_LOUIS, 0.2))));
        assertThat(recorded.events()).extracting(TrackingEvent::type, TrackingEvent::stop)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TrackingEventType.ARRIVED, StopKind.DELIVERY));
    }

    @Test
    void theEtaIsAnnouncedAgainOnlyWhenItMovesBeyondTheThreshold() {
        TrackingState state = accepted(send(BookingStatus.PICKED_UP, TrackingState.start(BOOKING),
                at(monday(12, 0), near(DALLAS, 20)))).state();
        Instant first = state.eta();

        // A report on the way, on plan: the ETA hardly moves.
        double milesOnPlan = 50 * 1.0 / MatchingConfig.DEFAULT.roadDistance().circuityFactor();
        var onPlan = accepted(send(BookingStatus.PICKED_UP, state,
                at(monday(13, 0), towards(near(DALLAS, 20), milesOnPlan))));
        assertThat(onPlan.events()).isEmpty();
        assertThat(onPlan.changed()).isTrue();
        assertThat(Duration.between(first, onPlan.state().eta()).abs()).isLessThan(Duration.ofMinutes(1));

        // Stuck for an hour at the same place: the ETA moves by an hour.
        var stuck = accepted(send(BookingStatus.PICKED_UP, onPlan.state(),
                at(monday(14, 0), towards(near(DALLAS, 20), milesOnPlan))));
        assertThat(stuck.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(TrackingEventType.ETA_CHANGED);
            assertThat(event.previousEta()).isEqualTo(first);
            assertThat(event.eta()).isEqualTo(stuck.state().eta());
            assertThat(event.sequence()).isEqualTo(2);
        });
    }

    private static com.backhaulexchange.kernel.geo.Coordinates towards(com.backhaulexchange.kernel.geo.Coordinates from,
            double miles) {
        double angle = Math.toDegrees(Math.atan2(
                Math.sin(Math.toRadians(ST_LOUIS.longitudeDegrees() - from.longitudeDegrees()))
                        * Math.cos(Math.toRadians(ST_LOUIS.latitudeDegrees())),
                Math.cos(Math.toRadians(from.latitudeDegrees())) * Math.sin(Math.toRadians(ST_LOUIS.latitudeDegrees()))
                        - Math.sin(Math.toRadians(from.latitudeDegrees()))
                                * Math.cos(Math.toRadians(ST_LOUIS.latitudeDegrees()))
                                * Math.cos(Math.toRadians(ST_LOUIS.longitudeDegrees() - from.longitudeDegrees()))));
        return GreatCircle.destination(from, angle, miles);
    }

    @Test
    void anEtaAfterTheWindowClosesIsAnnouncedDelayedOnce() {
        // Still in Dallas on Tuesday noon: ~660 road miles to go, the window closes at 14:00.
        var late = accepted(send(BookingStatus.PICKED_UP, TrackingState.start(BOOKING),
                at(monday(30, 0), near(DALLAS, 20))));
        assertThat(late.events()).extracting(TrackingEvent::type)
                .containsExactly(TrackingEventType.ETA_CHANGED, TrackingEventType.DELAYED);
        assertThat(late.events().get(1).eta()).isAfter(monday(38, 0));
        assertThat(late.state().delivery().delayed()).isTrue();

        var later = accepted(send(BookingStatus.PICKED_UP, late.state(), at(monday(33, 0), near(DALLAS, 20))));
        assertThat(later.events()).extracting(TrackingEvent::type).containsExactly(TrackingEventType.ETA_CHANGED);
    }

    @Test
    void aRepeatedReportIsOneReport() {
        var report = at(monday(7, 0), near(DALLAS, 30));
        var first = accepted(send(BookingStatus.BOOKED, TrackingState.start(BOOKING), report, report));
        assertThat(first.trail()).hasSize(1);
        assertThat(first.events()).hasSize(1);

        var again = accepted(send(BookingStatus.BOOKED, first.state(), report));
        assertThat(again.changed()).isFalse();
        assertThat(again.trail()).isEmpty();
        assertThat(again.events()).isEmpty();
        assertThat(again.state()).isEqualTo(first.state());
    }

    @Test
    void anotherPlaceAtTheSameTimeIsAConflict() {
        var first = accepted(send(BookingStatus.BOOKED, TrackingState.start(BOOKING),
                at(monday(7, 0), near(DALLAS, 30)))).state();
        var conflict = refused(send(BookingStatus.BOOKED, first, at(monday(7, 0), near(DALLAS, 31))));
        assertThat(conflict.reason()).isEqualTo(TrackingReasonCode.CONFLICTING_REPORT);
        assertThat(conflict.refusals().getFirst().field()).isEqualTo("/positions/0");

        assertThat(refused(send(BookingStatus.BOOKED, TrackingState.start(BOOKING),
                at(monday(7, 0), near(DALLAS, 30)), at(monday(7, 0), near(DALLAS, 31)))).reason())
                .isEqualTo(TrackingReasonCode.CONFLICTING_REPORT);
    }

    @Test
    void aLateReportIsKeptInTheTrailAndMovesNothing() {
        var current = accepted(send(BookingStatus.BOOKED, TrackingState.start(BOOKING),
                at(monday(7, 30), near(DALLAS, 10)))).state();

        var late = accepted(send(BookingStatus.BOOKED, current, at(monday(7, 0), near(DALLAS, 0.2))));

        assertThat(late.late()).isEqualTo(1);
        assertThat(late.trail()).hasSize(1);
        assertThat(late.events()).isEmpty();
        assertThat(late.changed()).isFalse();
        assertThat(late.state()).isEqualTo(current);
    }

    @Test
    void theOrderWithinARequestDoesNotMatter() {
        List<ReportedPosition> reports = new java.util.ArrayList<>(List.of(
                at(monday(7, 0), near(DALLAS, 30)), at(monday(7, 50), near(DALLAS, 0.5)),
                at(monday(10, 0), near(DALLAS, 10)), at(monday(20, 0), near(ST_LOUIS, 0.3))));
        var inOrder = accepted(TRACKER.report(booking(BookingStatus.BOOKED), TrackingState.start(BOOKING), CARRIER,
                reports, NOW));
        Collections.reverse(reports);
        var reversed = accepted(TRACKER.report(booking(BookingStatus.BOOKED), TrackingState.start(BOOKING), CARRIER,
                reports, NOW));
        assertThat(reversed.state()).isEqualTo(inOrder.state());
        assertThat(reversed.events()).isEqualTo(inOrder.events());
        assertThat(GreatCircle.miles(DALLAS, ST_LOUIS)).isBetween(500.0, 600.0);
    }
}
