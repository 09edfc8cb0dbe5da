package com.backhaulexchange.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class DeliveryBackoffPropertiesTest {

    @Property(tries = 2000)
    @Label("every delay lies between the minimum and the ceiling, which is base x 2^(n-1) capped")
    void delaysAreBounded(@ForAll @IntRange(min = 1, max = 100) int failedAttempts,
            @ForAll @LongRange(min = 1, max = 60_000) long baseMillis,
            @ForAll @LongRange(min = 0, max = 3_600_000) long extraCapMillis,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double jitter) {
        Duration base = Duration.ofMillis(baseMillis);
        Duration cap = base.plusMillis(extraCapMillis);
        var backoff = new DeliveryBackoff(base, cap, Duration.ofSeconds(1), () -> jitter);

        Duration delay = backoff.delayAfter(failedAttempts);
        double exponential = baseMillis * Math.pow(2, failedAttempts - 1);
        long ceiling = Math.max(1000, (long) Math.min(cap.toMillis(), exponential));

        assertThat(backoff.ceilingAfter(failedAttempts).toMillis()).isEqualTo(ceiling);
        assertThat(delay.toMillis()).isBetween(Math.min(1000, ceiling), ceiling);
    }

    @Property(tries = 500)
    @Label("the ceiling never decreases with the attempt")
    void ceilingsAreMonotone(@ForAll @IntRange(min = 1, max = 60) int failedAttempts) {
        var backoff = DeliveryBackoff.defaults();

        assertThat(backoff.ceilingAfter(failedAttempts + 1)).isGreaterThanOrEqualTo(backoff.ceilingAfter(failedAttempts));
        assertThat(backoff.ceilingAfter(failedAttempts)).isLessThanOrEqualTo(DeliveryBackoff.DEFAULT_CAP);
    }

    @Property(tries = 200)
    @Label("full jitter: the lowest and highest jitter reach the minimum and the ceiling")
    void jitterSpansTheWholeRange(@ForAll @IntRange(min = 1, max = 12) int failedAttempts) {
        var low = new DeliveryBackoff(DeliveryBackoff.DEFAULT_BASE, DeliveryBackoff.DEFAULT_CAP,
                DeliveryBackoff.DEFAULT_MINIMUM, () -> 0.0);
        var high = new DeliveryBackoff(DeliveryBackoff.DEFAULT_BASE, DeliveryBackoff.DEFAULT_CAP,
                DeliveryBackoff.DEFAULT_MINIMUM, () -> 1.0);

        assertThat(low.delayAfter(failedAttempts)).isEqualTo(DeliveryBackoff.DEFAULT_MINIMUM);
        assertThat(high.delayAfter(failedAttempts)).isEqualTo(high.ceilingAfter(failedAttempts));
    }

    @Property(tries = 1)
    @Label("the documented defaults: 15 s doubling to a 15 min cap")
    void documentedDefaults() {
        var backoff = DeliveryBackoff.defaults();

        assertThat(java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(backoff::ceilingAfter).toList())
                .containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1),
                        Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(15));
    }
}
