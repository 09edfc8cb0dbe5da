package com.backhaulexchange.benchmarks.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodCloseSeedTest {
    @Test
    void theBookingsAddUpAndEveryCollaborationHasThreeToEightMembers() {
        List<PeriodCloseSeed.Plan> plans = PeriodCloseSeed.plan(1_000, 100_000, 2.0, 5);
        assertThat(plans).hasSize(1_000);
        assertThat(plans.stream().mapToInt(PeriodCloseSeed.Plan::bookings).sum()).isEqualTo(100_000);
        assertThat(plans).allSatisfy(plan -> {
            assertThat(plan.members()).isBetween(3, 8);
            assertThat(plan.bookings()).isPositive();
            assertThat(plan.cancelled()).isBetween(0, plan.bookings() - 1);
        });
        int cancelled = plans.stream().mapToInt(PeriodCloseSeed.Plan::cancelled).sum();
        assertThat(cancelled).isBetween(1_500, 2_500);
        int largest = plans.stream().mapToInt(PeriodCloseSeed.Plan::bookings).max().orElseThrow();
        assertThat(largest).as("a tail well above the mean of 100").isGreaterThan(250);
    }

    @Test
    void theSameSeedGivesTheSamePlan() {
        assertThat(PeriodCloseSeed.plan(50, 5_000, 2.0, 7)).isEqualTo(PeriodCloseSeed.plan(50, 5_000, 2.0, 7));
    }
}
