package com.backhaulexchange.tracking;

import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.GreatCircle;
import com.backhaulexchange.lane.TimeWindow;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.partner.PartnerId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A booking from Dallas (pickup Monday 2026-11-23 08:00-12:00 Chicago) to St. Louis (delivery Tuesday 06:00-14:00),
 * about 550 great-circle miles apart, booked the Saturday before.
 */
final class TrackingExamples {
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final BookingId BOOKING = new BookingId("01JDBKNG000000000000000001");
    static final PartnerId CARRIER = new PartnerId("01JDCARR000000000000000001");
    static final PartnerId SHIPPER = new PartnerId("01JDSHPR000000000000000001");
    static final PartnerId STRANGER = new PartnerId("01JDSTRA000000000000000001");
    static final Coordinates DALLAS = new Coordinates(32.7767, -96.7970);
    static final Coordinates ST_LOUIS = new Coordinates(38.6270, -90.1994);
    /** Monday 2026-11-23 00:00 in Chicago. */
    static final Instant MONDAY = Instant.parse("2026-11-23T06:00:00Z");
    static final Instant BOOKED_AT = MONDAY.minus(Duration.ofDays(2));
    static final PositionTracker TRACKER = new PositionTracker(TrackingRules.DEFAULT,
            EtaModel.of(MatchingConfig.DEFAULT));

    private TrackingExamples() {
    }

    static Instant monday(int hour, int minute) {
        return MONDAY.plus(Duration.ofHours(hour).plusMinutes(minute));
    }

    static TrackedBooking booking(BookingStatus status) {
        return new TrackedBooking(BOOKING, CARRIER, SHIPPER, status, BOOKED_AT,
                new TrackedStop(StopKind.PICKUP, DALLAS, new TimeWindow(monday(8, 0), monday(12, 0), CHICAGO),
                        Duration.ofHours(1)),
                new TrackedStop(StopKind.DELIVERY, ST_LOUIS, new TimeWindow(monday(30, 0), monday(38, 0), CHICAGO),
                        Duration.ofHours(1)));
    }

    /** A point {@code miles} (great-circle) from {@code from} towards the north-east. */
    static Coordinates near(Coordinates from, double miles) {
        return GreatCircle.destination(from, 45, miles);
    }

    static ReportedPosition at(Instant time, Coordinates where) {
        return new ReportedPosition(time, where.latitudeDegrees(), where.longitudeDegrees(), 55.0, null);
    }
}
