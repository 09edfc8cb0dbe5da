package com.backhaulexchange.matching;

import com.backhaulexchange.matching.DrivePlan.Activity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Plans one driver's legs at a constant average speed under hours-of-service rules, as early as it can.
 *
 * <p>The driver starts rested (a posting's "available from" is when the truck and driver can roll). It
 * drives as long as the rules allow, takes the short break when due and the full off-duty reset when the
 * duty window or the driving allowance is spent. At a stop it waits (off duty) for the service window to
 * open and dwells (on duty, not driving) to load or unload. Any pause of at least the break length counts
 * as the break; one of at least the reset length opens a new duty window. When a wait would leave the
 * driver with a spent duty window after the dwell, it takes the reset during the wait instead, if service
 * can still start by the stop's deadline: that is never later and leaves a fresh shift. Under a multi-day
 * {@link HoursOfServiceRules.Cycle cycle}, driving stops when the on-duty time (driving and dwell) reaches
 * the cycle's limit, and the driver takes the cycle's restart (a {@link DrivePlan.Activity.Rest} of that
 * length); any pause that long also restarts the cycle.
 *
 * <p>Drive time is miles / speed, rounded up to the second. The planner never rejects: a late arrival is
 * in the plan, and the feasibility rules judge it.
 */
public record DrivePlanner(double averageSpeedMph, HoursOfServiceRules rules) {

    public DrivePlanner {
        if (!(averageSpeedMph > 0 && averageSpeedMph <= 100)) {
            throw new IllegalArgumentException("averageSpeedMph must be within (0, 100], was " + averageSpeedMph);
        }
        Objects.requireNonNull(rules, "rules");
    }

    /**
     * A leg to drive and the stop at its end. {@code serviceNotBefore} (null: none) is when the stop's
     * window opens, {@code serviceDeadline} (null: none) when it closes, {@code dwell} the time spent there.
     */
    public record Leg(double miles, Instant serviceNotBefore, Instant serviceDeadline, Duration dwell) {
        public Leg {
            if (!(miles >= 0) || Double.isInfinite(miles)) {
                throw new IllegalArgumentException("miles must be finite and non-negative, was " + miles);
            }
            Objects.requireNonNull(dwell, "dwell");
            if (dwell.isNegative()) {
                throw new IllegalArgumentException("dwell must not be negative");
            }
        }

        /** A leg whose stop has no window and no dwell: the end of a route. */
        public static Leg to(double miles) {
            return new Leg(miles, null, null, Duration.ZERO);
        }
    }

    public Duration driveTime(double miles) {
        // Up to the second, but floating-point noise (100.00000000001 miles) does not cost a whole second.
        return Duration.ofSeconds((long) Math.ceil(miles / averageSpeedMph * 3600 - 1e-6));
    }

    public DrivePlan plan(Instant start, List<Leg> legs) {
        Objects.requireNonNull(start, "start");
        var driver = new Driver(start);
        List<DrivePlan.StopTimes> stops = new ArrayList<>(legs.size());
        for (int legIndex = 0; legIndex < legs.size(); legIndex++) {
            Leg leg = legs.get(legIndex);
            driver.drive(legIndex, leg.miles(), driveTime(leg.miles()).getSeconds());
            stops.add(driver.serve(legIndex, leg));
        }
        return new DrivePlan(start, driver.activities, stops, driver.now);
    }

    /** The driver's clock and hours-of-service counters as the plan unfolds. */
    private final class Driver {
        private final List<Activity> activities = new ArrayList<>();
        private Instant now;
        /** When the current duty window opened; null while the driver is rested and not yet on duty. */
        private Instant shiftStartedAt;
        private long drivenInShiftSeconds;
        private long drivenSinceBreakSeconds;
        /** On duty (driving, dwelling) since the plan's start or the last cycle restart. */
        private long onDutyInCycleSeconds;

        Driver(Instant start) {
            this.now = start;
        }

        void drive(int legIndex, double miles, long driveSeconds) {
            long remaining = driveSeconds;
            while (remaining > 0) {
                if (shiftStartedAt == null) {
                    startShift();
                }
                long possible = Math.min(Math.min(remaining, cycleLeftSeconds()), Math.min(windowLeftSeconds(),
                        Math.min(drivingLeftSeconds(), rules.drivingBeforeBreak().getSeconds()
                                - drivenSinceBreakSeconds)));
                if (possible <= 0 && cycleLeftSeconds() <= 0) {
                    pause(new Activity.Rest(now, now.plus(rules.cycle().restart())));
                } else if (possible > 0) {
                    Instant end = now.plusSeconds(possible);
                    activities.add(new Activity.Driving(now, end, legIndex, miles * possible / driveSeconds));
                    now = end;
                    remaining -= possible;
                    drivenInShiftSeconds += possible;
                    drivenSinceBreakSeconds += possible;
                    onDutyInCycleSeconds += possible;
                } else if (windowLeftSeconds() <= rules.breakLength().getSeconds() || drivingLeftSeconds() <= 0) {
                    // A break with the window (nearly) spent would only be followed by the reset: rest now.
                    rest();
                } else {
                    Instant end = now.plus(rules.breakLength());
                    activities.add(new Activity.Break(now, end));
                    now = end;
                    drivenSinceBreakSeconds = 0;
                }
            }
        }

        DrivePlan.StopTimes serve(int legIndex, Leg leg) {
            Instant arrivesAt = now;
            Instant notBefore = leg.serviceNotBefore();
            if (notBefore != null && notBefore.isAfter(now)) {
                Duration wait = Duration.between(now, notBefore);
                if (shiftStartedAt != null && wait.compareTo(rules.offDutyReset()) < 0
                        && restingDuringTheWaitPays(notBefore, leg)) {
                    rest();
                }
                if (notBefore.isAfter(now)) {
                    pause(new Activity.Waiting(now, notBefore, legIndex));
                }
            }
            Instant serviceStartsAt = now;
            if (!leg.dwell().isZero()) {
                if (shiftStartedAt == null) {
                    startShift();
                }
                Instant end = now.plus(leg.dwell());
                activities.add(new Activity.Dwell(now, end, legIndex));
                now = end;
                onDutyInCycleSeconds += leg.dwell().getSeconds();
                if (leg.dwell().compareTo(rules.breakLength()) >= 0) {
                    drivenSinceBreakSeconds = 0;
                }
            }
            return new DrivePlan.StopTimes(legIndex, arrivesAt, serviceStartsAt, now);
        }

        /**
         * Whether, waiting until {@code notBefore} and dwelling, the driver would end with no driving left
         * in the shift, while a reset started now still lets service begin by the deadline.
         */
        private boolean restingDuringTheWaitPays(Instant notBefore, Leg leg) {
            Instant departsAfterWaiting = notBefore.plus(leg.dwell());
            boolean spentAfterService = !departsAfterWaiting.isBefore(shiftStartedAt.plus(rules.dutyWindow()))
                    || drivingLeftSeconds() <= 0;
            Instant restedAt = now.plus(rules.offDutyReset());
            Instant serviceAfterRest = restedAt.isAfter(notBefore) ? restedAt : notBefore;
            boolean stillInTime = leg.serviceDeadline() == null || !serviceAfterRest.isAfter(leg.serviceDeadline());
            return spentAfterService && stillInTime;
        }

        /** Time not driving; long enough, it counts as the break or the reset. */
        private void pause(Activity pause) {
            activities.add(pause);
            now = pause.endsAt();
            Duration length = pause.duration();
            if (rules.cycle() != null && length.compareTo(rules.cycle().restart()) >= 0) {
                onDutyInCycleSeconds = 0;
            }
            if (length.compareTo(rules.offDutyReset()) >= 0) {
                shiftStartedAt = null;
                drivenInShiftSeconds = 0;
                drivenSinceBreakSeconds = 0;
            } else if (length.compareTo(rules.breakLength()) >= 0) {
                drivenSinceBreakSeconds = 0;
            }
        }

        private void rest() {
            pause(new Activity.Rest(now, now.plus(rules.offDutyReset())));
        }

        private void startShift() {
            shiftStartedAt = now;
            drivenInShiftSeconds = 0;
            drivenSinceBreakSeconds = 0;
        }

        private long windowLeftSeconds() {
            return Duration.between(now, shiftStartedAt.plus(rules.dutyWindow())).getSeconds();
        }

        private long cycleLeftSeconds() {
            return rules.cycle() == null ? Long.MAX_VALUE
                    : rules.cycle().maxOnDuty().getSeconds() - onDutyInCycleSeconds;
        }

        private long drivingLeftSeconds() {
            return rules.maxDrivingPerShift().getSeconds() - drivenInShiftSeconds;
        }
    }
}
