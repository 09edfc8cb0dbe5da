package com.backhaulexchange.deal.booking;

import com.backhaulexchange.deal.negotiation.ReasonCode;
import com.backhaulexchange.deal.negotiation.Refusal;
import com.backhaulexchange.lane.TimeWindow;
import java.time.Duration;
import java.time.Instant;

/**
 * When a recorded pickup or delivery may have happened (issue 15): not in the future
 * ({@code TIME_IN_THE_FUTURE}), not before the booking was made ({@code TIME_BEFORE_BOOKING}: nobody moves a
 * load on a booking that does not exist yet), and not more than {@link #WINDOW_TOLERANCE} before the load's
 * window opens or after it closes ({@code TIME_OUTSIDE_WINDOW}). The tolerance allows an early pickup arranged
 * with the shipper or a delivery days late after a breakdown, and still refuses a time that cannot belong to
 * this load, such as one two weeks before its pickup window. Settlement reads these times (ADR 18), so a
 * wrong one would land the move in the wrong period.
 *
 * <p>"Before the booking" allows {@link #CLOCK_GRACE}: the time comes from the carrier's device, often to the
 * second only, and a pickup recorded the moment after booking must not be refused for a clock a little behind.
 */
public final class RecordedTimePolicy {
    public static final Duration WINDOW_TOLERANCE = Duration.ofHours(72);
    public static final Duration CLOCK_GRACE = Duration.ofMinutes(1);

    private RecordedTimePolicy() {
    }

    /** The refusal of a pickup at {@code actualTime}, or null when it may have happened then. */
    public static Refusal pickup(Instant actualTime, Instant bookedAt, TimeWindow pickupWindow, Instant now) {
        return check("pickup", actualTime, bookedAt, pickupWindow, now);
    }

    /** The refusal of a delivery at {@code actualTime}, or null when it may have happened then. */
    public static Refusal delivery(Instant actualTime, Instant bookedAt, TimeWindow deliveryWindow, Instant now) {
        return check("delivery", actualTime, bookedAt, deliveryWindow, now);
    }

    private static Refusal check(String what, Instant actualTime, Instant bookedAt, TimeWindow window, Instant now) {
        if (actualTime.isAfter(now)) {
            return new Refusal(ReasonCode.TIME_IN_THE_FUTURE, "A " + what + " is recorded once it has happened.",
                    "/actualTime");
        }
        if (actualTime.isBefore(bookedAt.minus(CLOCK_GRACE))) {
            return new Refusal(ReasonCode.TIME_BEFORE_BOOKING,
                    "The " + what + " cannot be before the booking was made at " + bookedAt + ".", "/actualTime");
        }
        Instant earliest = window.opensAt().minus(WINDOW_TOLERANCE);
        Instant latest = window.closesAt().plus(WINDOW_TOLERANCE);
        if (actualTime.isBefore(earliest) || actualTime.isAfter(latest)) {
            return new Refusal(ReasonCode.TIME_OUTSIDE_WINDOW, "A " + what + " is recorded within "
                    + WINDOW_TOLERANCE.toHours() + " hours of the load's " + what + " window (" + window.opensAt()
                    + " to " + window.closesAt() + "): between " + earliest + " and " + latest + ".", "/actualTime");
        }
        return null;
    }
}
