package com.backhaulexchange.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.matching.DrivePlan.Activity;
import com.backhaulexchange.matching.DrivePlanner.Leg;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the legs, a plan never breaks the hours-of-service rules it was given. */
class DrivePlannerPropertiesTest {

    private static final Instant START = Instant.parse("2026-11-23T06:00:00Z");

    @Property(tries = 1000)
    @Label("activities follow one another without gap or overlap, and each leg is driven in full")
    void thePlanIsContiguousAndComplete(@ForAll("legs") List<Leg> legs, @ForAll("rules") HoursOfServiceRules rules) {
        DrivePlanner planner = new DrivePlanner(50, rules);
        DrivePlan plan = planner.plan(START, legs);

        Instant cursor = START;
        for (Activity activity : plan.activities()) {
            assertThat(activity.startsAt()).isEqualTo(cursor);
            assertThat(activity.endsAt()).isAfter(activity.startsAt());
            cursor = activity.endsAt();
        }
        assertThat(plan.endsAt()).isEqualTo(cursor);
        for (int leg = 0; leg < legs.size(); leg++) {
            int index = leg;
            List<Activity.Driving> driving = plan.activities().stream()
                    .filter(activity -> activity instanceof Activity.Driving d && d.legIndex() == index)
                    .map(Activity.Driving.class::cast).toList();
            assertThat(driving.stream().map(Activity::duration).reduce(Duration.ZERO, Duration::plus))
                    .isEqualTo(planner.driveTime(legs.get(leg).miles()));
            assertThat(driving.stream().mapToDouble(Activity.Driving::miles).sum())
                    .isCloseTo(legs.get(leg).miles(), within(1e-6));
        }
    }

    @Property(tries = 1000)
    @Label("no stop is served before its window opens, and stops come in order")
    void stopsAreServedInTheirWindowsInOrder(@ForAll("legs") List<Leg> legs,
            @ForAll("rules") HoursOfServiceRules rules) {
        DrivePlan plan = new DrivePlanner(50, rules).plan(START, legs);

        assertThat(plan.stops()).hasSameSizeAs(legs);
        Instant previous = START;
        for (DrivePlan.StopTimes stop : plan.stops()) {
            Leg leg = legs.get(stop.legIndex());
            assertThat(stop.arrivesAt()).isAfterOrEqualTo(previous);
            assertThat(stop.serviceStartsAt()).isAfterOrEqualTo(stop.arrivesAt());
            if (leg.serviceNotBefore() != null) {
                assertThat(stop.serviceStartsAt()).isAfterOrEqualTo(leg.serviceNotBefore());
            }
            assertThat(Duration.between(stop.serviceStartsAt(), stop.departsAt())).isEqualTo(leg.dwell());
            previous = stop.departsAt();
        }
    }

    @Property(tries = 1000)
    @Label("driving stays within the daily allowance, the duty window and the break rule")
    void drivingObeysTheHoursOfServiceRules(@ForAll("legs") List<Leg> legs,
            @ForAll("rules") HoursOfServiceRules rules) {
        DrivePlan plan = new DrivePlanner(50, rules).plan(START, legs);

        Instant shiftStartedAt = null;
        Duration drivenInShift = Duration.ZERO;
        Duration drivenSinceBreak = Duration.ZERO;
        for (Activity activity : plan.activities()) {
            Duration length = activity.duration();
            boolean offDuty = activity instanceof Activity.Rest || activity instanceof Activity.Waiting
                    || activity instanceof Activity.Break;
            if (offDuty && length.compareTo(rules.offDutyReset()) >= 0) {
                shiftStartedAt = null;
                drivenInShift = Duration.ZERO;
                drivenSinceBreak = Duration.ZERO;
                continue;
            }
            if (!(activity instanceof Activity.Driving) && length.compareTo(rules.breakLength()) >= 0) {
                drivenSinceBreak = Duration.ZERO;
            }
            if (activity instanceof Activity.Driving || activity instanceof Activity.Dwell) {
                if (shiftStartedAt == null) {
                    shiftStartedAt = activity.startsAt();
                }
            }
            if (activity instanceof Activity.Driving) {
                drivenInShift = drivenInShift.plus(length);
                drivenSinceBreak = drivenSinceBreak.plus(length);
                assertThat(drivenInShift).isLessThanOrEqualTo(rules.maxDrivingPerShift());
                assertThat(drivenSinceBreak).isLessThanOrEqualTo(rules.drivingBeforeBreak());
                assertThat(activity.endsAt()).isBeforeOrEqualTo(shiftStartedAt.plus(rules.dutyWindow()));
            }
            if (activity instanceof Activity.Rest) {
                assertThat(length).isIn(rules.offDutyReset(),
                        rules.cycle() == null ? rules.offDutyReset() : rules.cycle().restart());
            }
            if (activity instanceof Activity.Break) {
                assertThat(length).isEqualTo(rules.breakLength());
            }
        }
    }

    @Property(tries = 1000)
    @Label("no driving once the cycle's on-duty allowance is spent, until a restart")
    void drivingObeysTheMultiDayCycle(@ForAll("legs") List<Leg> legs) {
        HoursOfServiceRules rules = HoursOfServiceRules.US_PROPERTY_CARRYING;
        DrivePlan plan = new DrivePlanner(50, rules).plan(START, legs);

        Duration onDuty = Duration.ZERO;
        for (Activity activity : plan.activities()) {
            boolean offDuty = activity instanceof Activity.Rest || activity instanceof Activity.Waiting
                    || activity instanceof Activity.Break;
            if (offDuty && activity.duration().compareTo(rules.cycle().restart()) >= 0) {
                onDuty = Duration.ZERO;
            } else if (!offDuty) {
                if (activity instanceof Activity.Driving) {
                    assertThat(onDuty.plus(activity.duration())).isLessThanOrEqualTo(rules.cycle().maxOnDuty());
                }
                onDuty = onDuty.plus(activity.duration());
            }
        }
    }

    @Provide
    Arbitrary<List<Leg>> legs() {
        Arbitrary<Double> miles = Arbitraries.oneOf(Arbitraries.doubles().between(0, 1500),
                Arbitraries.of(0.0, 50.0, 400.0, 550.0));
        Arbitrary<Instant> notBefore = Arbitraries.longs().between(-5 * 3600, 72 * 3600)
                .map(START::plusSeconds).injectNull(0.4);
        Arbitrary<Duration> dwell = Arbitraries.longs().between(0, 4 * 60).map(Duration::ofMinutes);
        Arbitrary<Duration> deadlineAfter = Arbitraries.longs().between(0, 24 * 60).map(Duration::ofMinutes);
        Arbitrary<Leg> leg = Combinators.combine(miles, notBefore, dwell, deadlineAfter, Arbitraries.of(true, false))
                .as((m, opens, d, after, hasDeadline) -> new Leg(m, opens,
                        opens != null && hasDeadline ? opens.plus(after) : null, d));
        return leg.list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<HoursOfServiceRules> rules() {
        return Arbitraries.of(HoursOfServiceRules.US_PROPERTY_CARRYING, HoursOfServiceRules.EU_561_2006_DAILY);
    }
}
