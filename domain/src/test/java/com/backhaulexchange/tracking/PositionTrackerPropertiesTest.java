package com.backhaulexchange.tracking;

import static com.backhaulexchange.tracking.TrackingExamples.BOOKING;
import static com.backhaulexchange.tracking.TrackingExamples.CARRIER;
import static com.backhaulexchange.tracking.TrackingExamples.DALLAS;
import static com.backhaulexchange.tracking.TrackingExamples.ST_LOUIS;
import static com.backhaulexchange.tracking.TrackingExamples.TRACKER;
import static com.backhaulexchange.tracking.TrackingExamples.at;
import static com.backhaulexchange.tracking.TrackingExamples.booking;
import static com.backhaulexchange.tracking.TrackingExamples.monday;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.GreatCircle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the reports of a trip from Dallas to St. Louis (points near either stop or anywhere between, at
 * distinct minutes), in whatever order and grouping they come.
 */
class PositionTrackerPropertiesTest {

    private static final Instant NOW = monday(60, 0);

    private static TrackingOutcome.Accepted send(BookingStatus status, TrackingState state,
            List<ReportedPosition> reports) {
        TrackingOutcome outcome = TRACKER.report(booking(status), state, CARRIER, reports, NOW);
        assertThat(outcome).isInstanceOf(TrackingOutcome.Accepted.class);
        return (TrackingOutcome.Accepted) outcome;
    }

    @Property(tries = 300)
    @Label("any order of the same reports in one request yields the same state and events")
    void orderDoesNotMatterWithinARequest(@ForAll("trips") List<ReportedPosition> reports,
            @ForAll("statuses") BookingStatus status, @ForAll java.util.Random random) {
        var sorted = send(status, TrackingState.start(BOOKING), sortedByTime(reports));
        List<ReportedPosition> shuffled = new ArrayList<>(reports);
        java.util.Collections.shuffle(shuffled, random);
        var any = send(status, TrackingState.start(BOOKING), shuffled);

        assertThat(any.state()).isEqualTo(sorted.state());
        assertThat(any.events()).isEqualTo(sorted.events());
        assertThat(any.trail()).isEqualTo(sorted.trail());
    }

    @Property(tries = 300)
    @Label("reports sent in time order, one request each or all at once, yield the same state and events")
    void groupingInTimeOrderDoesNotMatter(@ForAll("trips") List<ReportedPosition> reports,
            @ForAll("statuses") BookingStatus status) {
        List<ReportedPosition> sorted = sortedByTime(reports);
        var together = send(status, TrackingState.start(BOOKING), sorted);

        TrackingState state = TrackingState.start(BOOKING);
        List<TrackingEvent> events = new ArrayList<>();
        for (ReportedPosition report : sorted) {
            var one = send(status, state, List.of(report));
            state = one.state();
            events.addAll(one.events());
        }
        assertThat(state).isEqualTo(together.state());
        assertThat(events).isEqualTo(together.events());
    }

    @Property(tries = 300)
    @Label("events are numbered 1, 2, 3, ... and each stop is arrived at and departed from at most once, in order")
    void eventsAreNumberedWithoutGaps(@ForAll("trips") List<ReportedPosition> reports,
            @ForAll("statuses") BookingStatus status) {
        var outcome = send(status, TrackingState.start(BOOKING), reports);

        assertThat(outcome.events()).extracting(TrackingEvent::sequence)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, outcome.events().size()).mapToObj(i -> (long) i)
                        .toList());
        assertThat(outcome.state().lastSequence()).isEqualTo(outcome.events().size());
        for (StopKind stop : StopKind.values()) {
            List<TrackingEventType> milestones = outcome.events().stream()
                    .filter(event -> event.stop() == stop)
                    .map(TrackingEvent::type)
                    .filter(type -> type == TrackingEventType.ARRIVED || type == TrackingEventType.DEPARTED)
                    .toList();
            assertThat(milestones).isIn(List.of(), List.of(TrackingEventType.ARRIVED),
                    List.of(TrackingEventType.ARRIVED, TrackingEventType.DEPARTED));
            assertThat(outcome.events().stream().filter(event -> event.stop() == stop
                    && event.type() == TrackingEventType.DELAYED)).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(outcome.events()).isSortedAccordingTo(Comparator.comparing(TrackingEvent::occurredAt));
    }

    @Property(tries = 300)
    @Label("sending any of the reports again changes nothing and announces nothing")
    void repeatsChangeNothing(@ForAll("trips") List<ReportedPosition> reports,
            @ForAll("statuses") BookingStatus status, @ForAll java.util.Random random) {
        var first = send(status, TrackingState.start(BOOKING), reports);
        List<ReportedPosition> again = new ArrayList<>(reports.subList(0, 1 + random.nextInt(reports.size())));

        var repeated = send(status, first.state(), again);

        assertThat(repeated.changed()).isFalse();
        assertThat(repeated.state()).isEqualTo(first.state());
        assertThat(repeated.events()).isEmpty();
    }

    @Property(tries = 300)
    @Label("reports older than the latest never move the ETA nor announce anything")
    void lateReportsMoveNothing(@ForAll("trips") List<ReportedPosition> reports,
            @ForAll("statuses") BookingStatus status) {
        net.jqwik.api.Assume.that(reports.size() > 1);
        List<ReportedPosition> sorted = sortedByTime(reports);
        ReportedPosition newest = sorted.getLast();
        var current = send(status, TrackingState.start(BOOKING), List.of(newest));

        var late = send(status, current.state(), sorted.subList(0, sorted.size() - 1));

        assertThat(late.state()).isEqualTo(current.state());
        assertThat(late.events()).isEmpty();
        assertThat(late.late()).isEqualTo(sorted.size() - 1);
        assertThat(late.trail()).hasSize(sorted.size() - 1);
    }

    private static List<ReportedPosition> sortedByTime(List<ReportedPosition> reports) {
        return reports.stream().sorted(Comparator.comparing(ReportedPosition::reportedAt)).toList();
    }

    @Provide
    Arbitrary<BookingStatus> statuses() {
        return Arbitraries.of(BookingStatus.BOOKED, BookingStatus.PICKED_UP);
    }

    @Provide
    Arbitrary<List<ReportedPosition>> trips() {
        Arbitrary<Coordinates> nearAStop = Combinators.combine(Arbitraries.of(DALLAS, ST_LOUIS),
                Arbitraries.doubles().between(0, 4), Arbitraries.doubles().between(0, 360))
                .as((stop, miles, bearing) -> GreatCircle.destination(stop, bearing, miles));
        Arbitrary<Coordinates> onTheWay = Arbitraries.doubles().between(0, 1).map(fraction -> new Coordinates(
                DALLAS.latitudeDegrees() + fraction * (ST_LOUIS.latitudeDegrees() - DALLAS.latitudeDegrees()),
                DALLAS.longitudeDegrees() + fraction * (ST_LOUIS.longitudeDegrees() - DALLAS.longitudeDegrees())));
        Arbitrary<Coordinates> where = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, nearAStop), net.jqwik.api.Tuple.of(1, onTheWay));
        return Arbitraries.integers().between(0, 48 * 60).set().ofMinSize(1).ofMaxSize(25)
                .flatMap(minutes -> where.list().ofSize(minutes.size()).map(points -> {
                    List<Integer> times = new ArrayList<>(minutes);
                    List<ReportedPosition> reports = new ArrayList<>();
                    for (int i = 0; i < times.size(); i++) {
                        reports.add(at(monday(0, 0).plusSeconds(60L * times.get(i)), points.get(i)));
                    }
                    return reports;
                }));
    }
}
