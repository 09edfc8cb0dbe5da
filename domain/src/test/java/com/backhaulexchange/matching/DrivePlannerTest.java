package com.backhaulexchange.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.matching.DrivePlan.Activity;
import com.backhaulexchange.matching.DrivePlanner.Leg;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed plans at 50 mph from Monday 00:00 UTC, under US rules unless stated. */
class DrivePlannerTest {

    private static final DrivePlanner US = new DrivePlanner(50, HoursOfServiceRules.US_PROPERTY_CARRYING);
    private static final Instant MONDAY = Instant.parse("2026-11-23T00:00:00Z");

    private static Instant monday(int hour, int minute) {
        return MONDAY.plus(Duration.ofHours(hour).plusMinutes(minute));
    }

    private static Instant tuesday(int hour, int minute) {
        return monday(24 + hour, minute);
    }

    private static Activity driving(Instant from, Instant to, int leg, double miles) {
        return new Activity.Driving(from, to, leg, miles);
    }

    @Test
    void driveTimeIsMilesOverSpeedRoundedUpToTheSecond() {
        assertThat(US.driveTime(700)).isEqualTo(Duration.ofHours(14));
        assertThat(US.driveTime(0.01)).isEqualTo(Duration.ofSeconds(1));
        assertThat(US.driveTime(100.00000000001)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void sevenHundredMilesTakeABreakAfterEightHoursAndARestAfterEleven() {
        DrivePlan plan = US.plan(MONDAY, List.of(Leg.to(700)));

        assertThat(plan.activities()).containsExactly(
                driving(monday(0, 0), monday(8, 0), 0, 400),
                new Activity.Break(monday(8, 0), monday(8, 30)),
                driving(monday(8, 30), monday(11, 30), 0, 150),
                new Activity.Rest(monday(11, 30), monday(21, 30)),
                driving(monday(21, 30), tuesday(0, 30), 0, 150));
        assertThat(plan.endsAt()).isEqualTo(tuesday(0, 30));
        assertThat(plan.drivingTime()).isEqualTo(Duration.ofHours(14));
        assertThat(plan.hoursOfServiceStops()).hasSize(2);
        assertThat(plan.stops()).containsExactly(
                new DrivePlan.StopTimes(0, tuesday(0, 30), tuesday(0, 30), tuesday(0, 30)));
    }

    @Test
    void aThousandMilesTakeTwoBreaksAndOneRest() {
        DrivePlan plan = US.plan(MONDAY, List.of(Leg.to(1000)));

        assertThat(plan.hoursOfServiceStops()).containsExactly(
                new Activity.Break(monday(8, 0), monday(8, 30)),
                new Activity.Rest(monday(11, 30), monday(21, 30)),
                new Activity.Break(tuesday(5, 30), tuesday(6, 0)));
        assertThat(plan.endsAt()).isEqualTo(tuesday(7, 0));
    }

    @Test
    void aShortTripNeedsNoStop() {
        DrivePlan plan = US.plan(MONDAY, List.of(Leg.to(300)));
        assertThat(plan.activities()).containsExactly(driving(monday(0, 0), monday(6, 0), 0, 300));
        assertThat(plan.hoursOfServiceStops()).isEmpty();
    }

    @Test
    void theFourteenHourWindowKeepsRunningWhileWaitingAndDwelling() {
        DrivePlan plan = US.plan(MONDAY, List.of(
                new Leg(200, monday(6, 0), null, Duration.ofHours(1)),
                Leg.to(500)));

        assertThat(plan.activities()).containsExactly(
                driving(monday(0, 0), monday(4, 0), 0, 200),
                new Activity.Waiting(monday(4, 0), monday(6, 0), 0),
                new Activity.Dwell(monday(6, 0), monday(7, 0), 0),
                // 4 h driven; the wait was the break; the window opened at 00:00 closes at 14:00.
                driving(monday(7, 0), monday(14, 0), 1, 350),
                new Activity.Rest(monday(14, 0), tuesday(0, 0)),
                driving(tuesday(0, 0), tuesday(3, 0), 1, 150));
        assertThat(plan.stops().get(0)).isEqualTo(new DrivePlan.StopTimes(0, monday(4, 0), monday(6, 0), monday(7, 0)));
    }

    @Test
    void theDriverRestsDuringALongWaitWhenItsWindowWouldBeSpentAnyway() {
        DrivePlan plan = US.plan(MONDAY, List.of(
                new Leg(550, monday(18, 0), monday(23, 0), Duration.ofHours(1)),
                Leg.to(100)));

        assertThat(plan.activities()).containsExactly(
                driving(monday(0, 0), monday(8, 0), 0, 400),
                new Activity.Break(monday(8, 0), monday(8, 30)),
                driving(monday(8, 30), monday(11, 30), 0, 150),
                new Activity.Rest(monday(11, 30), monday(21, 30)),
                new Activity.Dwell(monday(21, 30), monday(22, 30), 0),
                driving(monday(22, 30), tuesday(0, 30), 1, 100));
    }

    @Test
    void theDriverWaitsInsteadWhenRestingFirstWouldMissTheStopsDeadline() {
        DrivePlan plan = US.plan(MONDAY, List.of(
                new Leg(550, monday(18, 0), monday(20, 0), Duration.ofHours(1)),
                Leg.to(100)));

        assertThat(plan.activities()).containsSubsequence(
                new Activity.Waiting(monday(11, 30), monday(18, 0), 0),
                new Activity.Dwell(monday(18, 0), monday(19, 0), 0),
                new Activity.Rest(monday(19, 0), tuesday(5, 0)),
                driving(tuesday(5, 0), tuesday(7, 0), 1, 100));
        assertThat(plan.stops().get(0).serviceStartsAt()).isEqualTo(monday(18, 0));
    }

    @Test
    void aWaitOfTenHoursOrMoreIsAFullReset() {
        DrivePlan plan = US.plan(MONDAY, List.of(
                new Leg(500, tuesday(9, 0), null, Duration.ofHours(1)),
                Leg.to(550)));

        assertThat(plan.activities()).filteredOn(Activity.Rest.class::isInstance).isEmpty();
        assertThat(plan.hoursOfServiceStops()).containsExactly(
                new Activity.Break(monday(8, 0), monday(8, 30)),
                new Activity.Break(tuesday(18, 0), tuesday(18, 30)));
        assertThat(plan.endsAt()).isEqualTo(tuesday(21, 30));
    }

    @Test
    void waitingBeforeTheFirstDutyDoesNotStartTheWindow() {
        DrivePlan plan = US.plan(MONDAY, List.of(
                new Leg(0, monday(4, 0), null, Duration.ofHours(1)),
                Leg.to(650)));

        assertThat(plan.activities()).containsExactly(
                new Activity.Waiting(monday(0, 0), monday(4, 0), 0),
                new Activity.Dwell(monday(4, 0), monday(5, 0), 0),
                driving(monday(5, 0), monday(13, 0), 1, 400),
                new Activity.Break(monday(13, 0), monday(13, 30)),
                driving(monday(13, 30), monday(16, 30), 1, 150),
                new Activity.Rest(monday(16, 30), tuesday(2, 30)),
                driving(tuesday(2, 30), tuesday(4, 30), 1, 100));
    }

    @Test
    void euRulesBreakAfterFourAndAHalfHoursAndRestElevenAfterNine() {
        DrivePlanner eu = new DrivePlanner(50, HoursOfServiceRules.EU_561_2006_DAILY);
        DrivePlan plan = eu.plan(MONDAY, List.of(Leg.to(500)));

        assertThat(plan.hoursOfServiceStops()).containsExactly(
                new Activity.Break(monday(4, 30), monday(5, 15)),
                new Activity.Rest(monday(9, 45), monday(20, 45)));
        assertThat(plan.endsAt()).isEqualTo(monday(21, 45));
    }

    @Test
    void aLegOfNoMilesArrivesAtOnce() {
        DrivePlan plan = US.plan(MONDAY, List.of(Leg.to(0)));
        assertThat(plan.activities()).isEmpty();
        assertThat(plan.endsAt()).isEqualTo(MONDAY);
    }

    @Test
    void drivingSegmentsShareTheLegsMiles() {
        DrivePlan plan = US.plan(MONDAY, List.of(Leg.to(1234.5)));
        double miles = plan.activities().stream().filter(Activity.Driving.class::isInstance)
                .mapToDouble(activity -> ((Activity.Driving) activity).miles()).sum();
        assertThat(miles).isCloseTo(1234.5, within(1e-9));
    }

    @Test
    void impossibleInputsAreRefused() {
        assertThatThrownBy(() -> new DrivePlanner(0, HoursOfServiceRules.US_PROPERTY_CARRYING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Leg.to(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Leg(1, null, null, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HoursOfServiceRules(Duration.ofHours(15), Duration.ofHours(14),
                Duration.ofHours(10), Duration.ofHours(8), Duration.ofMinutes(30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HoursOfServiceRules(Duration.ofHours(11), Duration.ofHours(14),
                Duration.ofHours(10), Duration.ZERO, Duration.ofMinutes(30)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
