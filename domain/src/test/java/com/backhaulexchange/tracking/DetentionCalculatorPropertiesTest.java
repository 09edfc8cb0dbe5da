package com.backhaulexchange.tracking;

import static com.backhaulexchange.tracking.TrackingExamples.CHICAGO;
import static com.backhaulexchange.tracking.TrackingExamples.monday;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.negotiation.AccessorialTerms;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Whatever the arrival, the departure, the free hours and the rate. */
class DetentionCalculatorPropertiesTest {
    private static final TimeWindow WINDOW = new TimeWindow(monday(8, 0), monday(12, 0), CHICAGO);

    private static Detention compute(long arrivedMinute, long stayedMinutes, int freeHours, long rateMinorUnits) {
        Instant arrived = monday(0, 0).plus(Duration.ofMinutes(arrivedMinute));
        var terms = new AccessorialTerms(freeHours, Money.of(rateMinorUnits, "USD"), Money.of(0, "USD"), 24);
        return DetentionCalculator.compute(StopKind.PICKUP, WINDOW,
                new StopProgress(arrived, arrived.plus(Duration.ofMinutes(stayedMinutes)), null, false), terms)
                .orElseThrow();
    }

    @Property
    void never_negative(@ForAll @LongRange(max = 24 * 60) long arrivedMinute,
            @ForAll @LongRange(max = 72 * 60) long stayedMinutes, @ForAll @IntRange(max = 24) int freeHours,
            @ForAll @LongRange(max = 1_000_000) long rate) {
        Detention detention = compute(arrivedMinute, stayedMinutes, freeHours, rate);

        assertThat(detention.charge().amountMinorUnits()).isNotNegative();
        assertThat(detention.billedMinutes()).isNotNegative();
        assertThat(detention.billedMinutes() % DetentionCalculator.BILLING_INCREMENT_MINUTES).isZero();
    }

    @Property
    void a_later_departure_never_costs_less(@ForAll @LongRange(max = 24 * 60) long arrivedMinute,
            @ForAll @LongRange(max = 72 * 60) long stayedMinutes, @ForAll @LongRange(max = 600) long moreMinutes,
            @ForAll @IntRange(max = 24) int freeHours, @ForAll @LongRange(max = 1_000_000) long rate) {
        Detention earlier = compute(arrivedMinute, stayedMinutes, freeHours, rate);
        Detention later = compute(arrivedMinute, stayedMinutes + moreMinutes, freeHours, rate);

        assertThat(later.charge().amountMinorUnits()).isGreaterThanOrEqualTo(earlier.charge().amountMinorUnits());
        assertThat(later.billedMinutes()).isGreaterThanOrEqualTo(earlier.billedMinutes());
    }

    @Property
    void nothing_is_charged_within_the_free_time(@ForAll @LongRange(max = 24 * 60) long arrivedMinute,
            @ForAll @IntRange(max = 24) int freeHours, @ForAll @LongRange(max = 24 * 60) long stayedMinutes,
            @ForAll @LongRange(max = 1_000_000) long rate) {
        Detention detention = compute(arrivedMinute, Math.min(stayedMinutes, freeHours * 60L), freeHours, rate);

        assertThat(detention.charge().amountMinorUnits()).isZero();
    }

    @Property
    void the_charge_is_the_billed_quarters_at_the_rate_to_within_half_a_cent(
            @ForAll @LongRange(max = 24 * 60) long arrivedMinute, @ForAll @LongRange(max = 72 * 60) long stayedMinutes,
            @ForAll @IntRange(max = 24) int freeHours, @ForAll @LongRange(max = 1_000_000) long rate) {
        Detention detention = compute(arrivedMinute, stayedMinutes, freeHours, rate);

        long quarters = detention.billedMinutes() / 15;
        assertThat(Math.abs(detention.charge().amountMinorUnits() * 4 - quarters * rate)).isLessThanOrEqualTo(2);
        assertThat(detention.billedMinutes()).isLessThan(
                Math.max(0, detention.dwellMinutes() - freeHours * 60L) + 15);
    }
}
