package com.backhaulexchange.matching.chain;

import static com.backhaulexchange.matching.chain.ChainExamples.CHICAGO;
import static com.backhaulexchange.matching.chain.ChainExamples.DALLAS;
import static com.backhaulexchange.matching.chain.ChainExamples.DENVER;
import static com.backhaulexchange.matching.chain.ChainExamples.TWO_DOLLARS_A_MILE;
import static com.backhaulexchange.matching.chain.ChainExamples.chicago;
import static com.backhaulexchange.matching.chain.ChainExamples.chicagoTime;
import static com.backhaulexchange.matching.chain.ChainExamples.load;
import static com.backhaulexchange.matching.chain.ChainExamples.truck;
import static com.backhaulexchange.matching.chain.ChainExamples.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.matching.DrivePlan;
import com.backhaulexchange.matching.DrivePlan.Activity;
import com.backhaulexchange.matching.HoursOfServiceRules;
import com.backhaulexchange.matching.MatchingConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A week-long triangle from Chicago: Chicago → Dallas (962.98 road miles, 19 h 15 min 35 s), Dallas → Denver
 * (793.99, 15 h 52 min 48 s), Denver → Chicago (1,100.11, 22 h 0 min 9 s), with 3 hours to load and to unload
 * each. 57 h 8 min 32 s of driving and 18 h of dwell: 75 h 8 min 32 s on duty, past the US 70-hour limit, so
 * the plan must stop for a 34-hour restart during the last load.
 */
class ChainHoursOfServiceTest {

    private static final MatchingConfig LONG_DWELL = MatchingConfig.DEFAULT.withDwell(Duration.ofHours(3),
            Duration.ofHours(3));
    private static final MatchingConfig NO_CYCLE = LONG_DWELL.withHoursOfService(
            HoursOfServiceRules.US_PROPERTY_CARRYING.withCycle(null));

    private final List<LoadLane> loads = List.of(
            load(21, CHICAGO, DALLAS, window(chicago(0, 6, 0), chicago(9, 0, 0)),
                    window(chicago(0, 6, 0), chicago(9, 0, 0)), 300_000),
            load(22, DALLAS, DENVER, window(chicago(0, 6, 0), chicago(9, 0, 0)),
                    window(chicago(0, 6, 0), chicago(9, 0, 0)), 300_000),
            load(23, DENVER, CHICAGO, window(chicago(0, 6, 0), chicago(9, 0, 0)),
                    window(chicago(0, 6, 0), chicago(9, 0, 0)), 300_000));

    private static ChainEvaluation evaluate(CapacityLane capacity, List<LoadLane> loads, MatchingConfig config) {
        return ChainEvaluator.evaluate(capacity, TWO_DOLLARS_A_MILE, loads, ReloadPreferences.DEFAULT, config);
    }

    @Test
    void theSeventyHourLimitForcesARestartDuringTheLastLoad() {
        CapacityLane week = truck(CHICAGO, CHICAGO, chicagoTime(9, 0, 0));
        DrivePlan plan = evaluate(week, loads, LONG_DWELL).explanation().drivePlan();

        List<Activity> restarts = plan.activities().stream()
                .filter(activity -> activity instanceof Activity.Rest && activity.duration().equals(Duration.ofHours(34)))
                .toList();
        assertThat(restarts).hasSize(1);
        Instant restartAt = restarts.getFirst().startsAt();
        Duration onDutyBefore = plan.activities().stream()
                .filter(activity -> activity instanceof Activity.Driving || activity instanceof Activity.Dwell)
                .filter(activity -> !activity.startsAt().isAfter(restartAt))
                .map(Activity::duration).reduce(Duration.ZERO, Duration::plus);
        assertThat(onDutyBefore).isEqualTo(Duration.ofHours(70));
        // The restart falls while driving the last load (leg 5: Denver → Chicago).
        Activity before = plan.activities().get(plan.activities().indexOf(restarts.getFirst()) - 1);
        assertThat(before).isInstanceOfSatisfying(Activity.Driving.class, driving ->
                assertThat(driving.legIndex()).isEqualTo(5));
        assertThat(plan.drivingTime()).isEqualTo(Duration.parse("PT57H8M32S"));
    }

    @Test
    void withoutTheCycleTheSameChainArrivesEarlier() {
        CapacityLane week = truck(CHICAGO, CHICAGO, chicagoTime(9, 0, 0));
        Instant withCycle = evaluate(week, loads, LONG_DWELL).explanation().drivePlan().endsAt();
        Instant withoutCycle = evaluate(week, loads, NO_CYCLE).explanation().drivePlan().endsAt();
        assertThat(evaluate(week, loads, NO_CYCLE).explanation().drivePlan().activities())
                .noneMatch(activity -> activity.duration().compareTo(Duration.ofHours(34)) >= 0);
        // The 34-hour restart replaces at most one 10-hour rest: at least 24 hours later, never more than 34.
        assertThat(Duration.between(withoutCycle, withCycle)).isBetween(Duration.ofHours(24), Duration.ofHours(34));
    }

    @Test
    void soAChainThatFitsTheDailyLimitsCanMissItsDeadline() {
        Instant withoutCycle = evaluate(truck(CHICAGO, CHICAGO, chicagoTime(9, 0, 0)), loads, NO_CYCLE)
                .explanation().drivePlan().endsAt();
        ZonedDateTime deadline = withoutCycle.plus(Duration.ofHours(1)).atZone(chicagoTime(0, 0, 0).getZone());
        CapacityLane tight = truck(CHICAGO, CHICAGO, deadline);

        assertThat(evaluate(tight, loads, NO_CYCLE)).isInstanceOf(ChainEvaluation.Feasible.class);
        ChainEvaluation evaluation = evaluate(tight, loads, LONG_DWELL);
        assertThat(evaluation).isInstanceOfSatisfying(ChainEvaluation.Infeasible.class, infeasible ->
                assertThat(infeasible.rejections()).extracting(ChainRejection::loadIndex, ChainRejection::reasonCode)
                        .containsExactly(tuple(null, "MUST_ARRIVE_BY_MISSED")));
    }

    @Test
    void aChainWithinSeventyHoursOnDutyIsUntouchedByTheCycle() {
        CapacityLane week = truck(CHICAGO, CHICAGO, chicagoTime(9, 0, 0));
        List<LoadLane> twoLoads = loads.subList(0, 2);
        assertThat(evaluate(week, twoLoads, MatchingConfig.DEFAULT).explanation().drivePlan())
                .isEqualTo(evaluate(week, twoLoads, MatchingConfig.DEFAULT.withHoursOfService(
                        HoursOfServiceRules.US_PROPERTY_CARRYING.withCycle(null))).explanation().drivePlan());
    }
}
