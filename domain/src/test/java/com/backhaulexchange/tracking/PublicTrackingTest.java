package com.backhaulexchange.tracking;

import static com.backhaulexchange.tracking.TrackingExamples.ST_LOUIS;
import static com.backhaulexchange.tracking.TrackingExamples.BOOKING;
import static com.backhaulexchange.tracking.TrackingExamples.booking;
import static com.backhaulexchange.tracking.TrackingExamples.monday;
import static com.backhaulexchange.tracking.TrackingExamples.near;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.GreatCircle;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What a tracking link shows (ADR 33): a coarse area, never the position; after delivery the status alone. */
class PublicTrackingTest {

    @Test
    void theAreaIsTheCentreOfATenthOfADegreeCell() {
        assertThat(CoarseArea.of(new Coordinates(38.6270, -90.1994))).isEqualTo(new CoarseArea(38.65, -90.15));
        assertThat(CoarseArea.of(new Coordinates(38.6001, -90.1001))).isEqualTo(new CoarseArea(38.65, -90.15));
        assertThat(CoarseArea.of(new Coordinates(90, 180))).isEqualTo(new CoarseArea(89.95, 179.95));
        assertThat(CoarseArea.of(new Coordinates(-0.01, 0.01))).isEqualTo(new CoarseArea(-0.05, 0.05));
    }

    @Test
    void theAreaIsNeverTheExactPositionAndAlwaysWithinEightKilometres() {
        Random random = new Random(14);
        for (int i = 0; i < 10_000; i++) {
            Coordinates exact = Coordinates.quantised(random.nextDouble(-80, 80), random.nextDouble(-180, 180));
            CoarseArea area = CoarseArea.of(exact);
            Coordinates shown = new Coordinates(area.latitudeDegrees(), area.longitudeDegrees());
            assertThat(GreatCircle.miles(exact, shown) * 1.609344).isLessThanOrEqualTo(CoarseArea.MAX_OFFSET_KM);
            assertThat(Math.round(area.latitudeDegrees() * 100) % 10).as("a cell centre, not a position").isIn(5L, -5L);
            assertThat(Math.round(area.longitudeDegrees() * 100) % 10).isIn(5L, -5L);
        }
    }

    @Test
    void inTransitShowsTheAreaTheEtaAndTheWindowToTheMinute() {
        var tracked = booking(BookingStatus.PICKED_UP);
        PositionReport latest = new PositionReport(monday(20, 0).plusSeconds(17), near(ST_LOUIS, 40), 61.5, 412_345.6);
        var state = new TrackingState(BOOKING, latest, new StopProgress(monday(8, 0), monday(9, 0), null, false),
                StopProgress.NONE, StopKind.DELIVERY, monday(21, 0).plusSeconds(42), 3);
        PublicTracking view = PublicTracking.of(tracked, state);
        assertThat(view.status()).isEqualTo(PublicTracking.Status.IN_TRANSIT);
        assertThat(view.lastKnownArea()).isEqualTo(CoarseArea.of(latest.position()));
        assertThat(view.lastSeenAt()).isEqualTo(monday(20, 0));
        assertThat(view.eta()).isEqualTo(monday(21, 0));
        assertThat(view.deliveryWindow()).isEqualTo(tracked.delivery().window());

        var headingForPickup = new TrackingState(BOOKING, latest, StopProgress.NONE, StopProgress.NONE,
                StopKind.PICKUP, monday(21, 0), 1);
        assertThat(PublicTracking.of(tracked, headingForPickup).eta()).as("only the ETA at the delivery").isNull();
    }

    @Test
    void beforeThePickupNoPositionIsShownAndOnceDeliveredOnlyTheStatus() {
        var state = new TrackingState(BOOKING, new PositionReport(monday(7, 0), near(ST_LOUIS, 300), null, null),
                StopProgress.NONE, StopProgress.NONE, StopKind.PICKUP, monday(9, 0), 1);
        var scheduled = PublicTracking.of(booking(BookingStatus.BOOKED), state);
        assertThat(scheduled).isEqualTo(new PublicTracking(PublicTracking.Status.SCHEDULED, null, null, null,
                booking(BookingStatus.BOOKED).delivery().window()));
        assertThat(PublicTracking.of(booking(BookingStatus.DELIVERED), state))
                .isEqualTo(new PublicTracking(PublicTracking.Status.DELIVERED, null, null, null, null));
        assertThat(PublicTracking.of(booking(BookingStatus.CANCELLED), state))
                .isEqualTo(new PublicTracking(PublicTracking.Status.CANCELLED, null, null, null, null));
    }
}
