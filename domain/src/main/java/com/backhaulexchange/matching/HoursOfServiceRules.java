package com.backhaulexchange.matching;

import java.time.Duration;
import java.util.Objects;

/**
 * Driving-time limits of one driver: at most {@code maxDrivingPerShift} of driving within
 * {@code dutyWindow} after coming on duty, which needs {@code offDutyReset} off duty before it; and a
 * {@code breakLength} pause from driving after {@code drivingBeforeBreak} of driving. {@code cycle}
 * (null: not modelled) caps the on-duty time over several days.
 */
public record HoursOfServiceRules(
        Duration maxDrivingPerShift,
        Duration dutyWindow,
        Duration offDutyReset,
        Duration drivingBeforeBreak,
        Duration breakLength,
        Cycle cycle) {

    /**
     * No driving once {@code maxOnDuty} of on-duty time (driving, loading, unloading) is reached within
     * {@code days} consecutive days, until a {@code restart} off duty. A driver may still work on duty past
     * the limit (a dwell is never cut short); only driving stops.
     *
     * <p>A plan counts the on-duty time since its start or its last restart, not over a rolling window of
     * {@code days}: the same for a plan shorter than {@code days}, and on the safe side for a longer one. A
     * plan starts with the whole allowance, as it starts rested: a posting does not say how many hours the
     * driver already worked this week.
     */
    public record Cycle(Duration maxOnDuty, int days, Duration restart) {
        public Cycle {
            Objects.requireNonNull(maxOnDuty, "maxOnDuty");
            Objects.requireNonNull(restart, "restart");
            if (maxOnDuty.isNegative() || maxOnDuty.isZero() || restart.isNegative() || restart.isZero()) {
                throw new IllegalArgumentException("the cycle's durations must be positive");
            }
            if (days <= 0) {
                throw new IllegalArgumentException("a cycle spans at least one day, was " + days);
            }
        }
    }

    /** US FMCSA 49 CFR 395.3(b)(2) and (c): 70 hours on duty in 8 consecutive days; 34 hours off restart. */
    public static final Cycle US_70_HOURS_IN_8_DAYS = new Cycle(Duration.ofHours(70), 8, Duration.ofHours(34));

    /**
     * US FMCSA, property-carrying drivers (49 CFR 395.3): 11 hours driving within a 14-hour window after 10
     * consecutive hours off duty; a 30-minute break after 8 hours of driving (any 30 minutes not driving).
     * The 70-hour/8-day limit applies ({@link #US_70_HOURS_IN_8_DAYS}): a reload chain can span days. The
     * 60-hour/7-day variant (carriers not operating every day) and sleeper-berth splits are not modelled.
     */
    public static final HoursOfServiceRules US_PROPERTY_CARRYING = new HoursOfServiceRules(
            Duration.ofHours(11), Duration.ofHours(14), Duration.ofHours(10), Duration.ofHours(8),
            Duration.ofMinutes(30), US_70_HOURS_IN_8_DAYS);

    /**
     * An approximation of EU Regulation 561/2006: 9 hours daily driving, 45 minutes break after 4.5 hours,
     * 11 hours daily rest (so a 13-hour duty window). The twice-weekly 10-hour days, split breaks and reduced
     * rests are not modelled, which errs on the safe side.
     */
    public static final HoursOfServiceRules EU_561_2006_DAILY = new HoursOfServiceRules(
            Duration.ofHours(9), Duration.ofHours(13), Duration.ofHours(11), Duration.ofMinutes(270),
            Duration.ofMinutes(45));

    /** Daily limits only, no multi-day cycle. */
    public HoursOfServiceRules(Duration maxDrivingPerShift, Duration dutyWindow, Duration offDutyReset,
            Duration drivingBeforeBreak, Duration breakLength) {
        this(maxDrivingPerShift, dutyWindow, offDutyReset, drivingBeforeBreak, breakLength, null);
    }

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
        if (cycle != null && cycle.restart().compareTo(offDutyReset) < 0) {
            throw new IllegalArgumentException("the cycle's restart cannot be shorter than the off-duty reset");
        }
    }

    /** The same daily limits under another cycle (null: none). */
    public HoursOfServiceRules withCycle(Cycle next) {
        return new HoursOfServiceRules(maxDrivingPerShift, dutyWindow, offDutyReset, drivingBeforeBreak,
                breakLength, next);
    }
}
