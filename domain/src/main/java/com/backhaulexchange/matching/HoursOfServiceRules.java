package com.backhaulexchange.matching;

import java.time.Duration;
import java.util.Objects;

/**
 * Driving-time limits of one driver: at most {@code maxDrivingPerShift} of driving within
 * {@code dutyWindow} after coming on duty, which needs {@code offDutyReset} off duty before it; and a
 * {@code breakLength} pause from driving after {@code drivingBeforeBreak} of driving.
 */
public record HoursOfServiceRules(
        Duration maxDrivingPerShift,
        Duration dutyWindow,
        Duration offDutyReset,
        Duration drivingBeforeBreak,
        Duration breakLength) {

    /**
     * US FMCSA, property-carrying drivers (49 CFR 395.3): 11 hours driving within a 14-hour window after 10
     * consecutive hours off duty; a 30-minute break after 8 hours of driving (any 30 minutes not driving).
     * The 60/70-hour weekly limits and sleeper-berth splits are not modelled: a posting spans days, not weeks.
     */
    public static final HoursOfServiceRules US_PROPERTY_CARRYING = new HoursOfServiceRules(
            Duration.ofHours(11), Duration.ofHours(14), Duration.ofHours(10), Duration.ofHours(8),
            Duration.ofMinutes(30));

    /**
     * An approximation of EU Regulation 561/2006: 9 hours daily driving, 45 minutes break after 4.5 hours,
     * 11 hours daily rest (so a 13-hour duty window). The twice-weekly 10-hour days, split breaks and reduced
     * rests are not modelled, which errs on the safe side.
     */
    public static final HoursOfServiceRules EU_561_2006_DAILY = new HoursOfServiceRules(
            Duration.ofHours(9), Duration.ofHours(13), Duration.ofHours(11), Duration.ofMinutes(270),
            Duration.ofMinutes(45));

    public HoursOfServiceRules {
        Objects.requireNonNull(maxDrivingPerShift, "maxDrivingPerShift");
        Objects.requireNonNull(dutyWindow, "dutyWindow");
        Objects.requireNonNull(offDutyReset, "offDutyReset");
        Objects.requireNonNull(drivingBeforeBreak, "drivingBeforeBreak");
        Objects.requireNonNull(breakLength, "breakLength");
        for (Duration duration : new Duration[] {maxDrivingPerShift, dutyWindow, offDutyReset, drivingBeforeBreak,
                breakLength}) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("hours-of-service durations must be positive: " + duration);
            }
        }
        if (maxDrivingPerShift.compareTo(dutyWindow) > 0) {
            throw new IllegalArgumentException("driving per shift cannot exceed the duty window");
        }
        if (breakLength.compareTo(offDutyReset) > 0) {
            throw new IllegalArgumentException("a break cannot be longer than the off-duty reset");
        }
    }
}
