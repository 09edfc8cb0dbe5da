package com.backhaulexchange.tracking;

import static com.backhaulexchange.tracking.TrackingExamples.CHICAGO;
import static com.backhaulexchange.tracking.TrackingExamples.monday;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.negotiation.AccessorialTerms;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.TimeWindow;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pickup window opens Monday 08:00 (UTC+6h in the examples); 2 free hours, USD 50 an hour. */
class DetentionCalculatorTest {
    private static final TimeWindow WINDOW = new TimeWindow(monday(8, 0), monday(12, 0), CHICAGO);
    private static final AccessorialTerms TERMS = AccessorialTerms.usualUsd();

    private static Detention compute(Instant arrived, Instant departed) {
        return DetentionCalculator.compute(StopKind.PICKUP, WINDOW, new StopProgress(arrived, departed, null, false),
                TERMS).orElseThrow();
    }

    @Test
    void nothing_is_computed_before_the_truck_departed() {
        assertThat(DetentionCalculator.compute(StopKind.PICKUP, WINDOW,
                new StopProgress(monday(8, 0), null, null, false), TERMS)).isEmpty();
        assertThat(DetentionCalculator.compute(StopKind.PICKUP, WINDOW, StopProgress.NONE, TERMS)).isEmpty();
    }

    @Test
    void an_early_truck_starts_the_clock_at_the_appointment() {
        Detention detention = compute(monday(6, 30), monday(11, 0));

        assertThat(detention.clockStartedAt()).isEqualTo(monday(8, 0));
        assertThat(detention.dwellMinutes()).isEqualTo(180);
        assertThat(detention.billedMinutes()).isEqualTo(60);
        assertThat(detention.charge()).isEqualTo(Money.of(5_000, "USD"));
    }

    @Test
    void a_late_truck_starts_the_clock_when_it_arrives() {
        Detention detention = compute(monday(9, 10), monday(12, 10));

        assertThat(detention.clockStartedAt()).isEqualTo(monday(9, 10));
        assertThat(detention.dwellMinutes()).isEqualTo(180);
        assertThat(detention.charge()).isEqualTo(Money.of(5_000, "USD"));
    }

    @Test
    void a_started_quarter_hour_is_billed_whole() {
        Detention oneMinuteOver = compute(monday(8, 0), monday(10, 1));
        Detention quarterAndOne = compute(monday(8, 0), monday(10, 16));

        assertThat(oneMinuteOver.billedMinutes()).isEqualTo(15);
        assertThat(oneMinuteOver.charge()).isEqualTo(Money.of(1_250, "USD"));
        assertThat(quarterAndOne.billedMinutes()).isEqualTo(30);
        assertThat(quarterAndOne.charge()).isEqualTo(Money.of(2_500, "USD"));
    }

    @Test
    void within_the_free_time_there_is_no_charge() {
        Detention detention = compute(monday(8, 0), monday(10, 0));

        assertThat(detention.billedMinutes()).isZero();
        assertThat(detention.charge()).isEqualTo(Money.of(0, "USD"));
        assertThat(detention.isCharged()).isFalse();
    }

    @Test
    void a_quarter_of_an_odd_rate_is_rounded_half_up_to_the_cent() {
        var odd = new AccessorialTerms(1, Money.of(4_999, "USD"), Money.of(0, "USD"), 24);
        Detention detention = DetentionCalculator.compute(StopKind.DELIVERY, WINDOW,
                new StopProgress(monday(8, 0), monday(9, 1), null, false), odd).orElseThrow();

        // One quarter of 49.99 is 12.4975: 12.50.
        assertThat(detention.charge()).isEqualTo(Money.of(1_250, "USD"));
        assertThat(detention.stop()).isEqualTo(StopKind.DELIVERY);
    }

    @Test
    void a_started_minute_counts() {
        Detention onTheMinute = compute(monday(8, 0), monday(10, 0));
        Detention aSecondMore = compute(monday(8, 0), monday(10, 0).plusSeconds(1));

        assertThat(onTheMinute.dwellMinutes()).isEqualTo(120);
        assertThat(onTheMinute.charge().amountMinorUnits()).isZero();
        assertThat(aSecondMore.dwellMinutes()).isEqualTo(121);
        assertThat(aSecondMore.billedMinutes()).isEqualTo(15);
    }

    @Test
    void without_free_time_a_few_seconds_at_the_dock_are_a_quarter_hour() {
        var noFreeTime = new AccessorialTerms(0, Money.of(6_000, "USD"), Money.of(0, "USD"), 24);
        Detention detention = DetentionCalculator.compute(StopKind.DELIVERY, WINDOW,
                new StopProgress(monday(9, 0), monday(9, 0).plusSeconds(20), null, false), noFreeTime).orElseThrow();

        assertThat(detention.dwellMinutes()).isEqualTo(1);
        assertThat(detention.billedMinutes()).isEqualTo(15);
        assertThat(detention.charge()).isEqualTo(Money.of(1_500, "USD"));
    }
}
