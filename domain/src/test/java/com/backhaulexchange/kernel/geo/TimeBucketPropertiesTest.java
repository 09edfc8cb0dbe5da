package com.backhaulexchange.kernel.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class TimeBucketPropertiesTest {

    private static final long START_2026 = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

    @Property(tries = 1000)
    @Label("the buckets of a range are exactly the consecutive days from its start's to its end's")
    void bucketsAreConsecutiveAndCoverTheRange(
            @ForAll @LongRange(min = 0, max = 365L * 86_400) long startOffsetSeconds,
            @ForAll @LongRange(min = 0, max = 20L * 86_400) long lengthSeconds,
            @ForAll @LongRange(min = 0, max = 1_000_000) long probe) {
        Instant from = Instant.ofEpochSecond(START_2026 + startOffsetSeconds);
        Instant to = from.plusSeconds(lengthSeconds);

        List<TimeBucket> buckets = TimeBucket.bucketsOverlapping(from, to);

        assertThat(buckets.get(0)).isEqualTo(TimeBucket.of(from));
        assertThat(buckets.get(buckets.size() - 1)).isEqualTo(TimeBucket.of(to));
        for (int i = 1; i < buckets.size(); i++) {
            assertThat(buckets.get(i).dayUtc()).isEqualTo(buckets.get(i - 1).dayUtc().plusDays(1));
        }
        Instant inside = from.plusSeconds(lengthSeconds == 0 ? 0 : probe % (lengthSeconds + 1));
        assertThat(buckets).contains(TimeBucket.of(inside));
    }

    @Property(tries = 1000)
    @Label("two overlapping ranges always share a bucket")
    void overlappingRangesShareABucket(
            @ForAll @LongRange(min = 0, max = 30L * 86_400) long aStart,
            @ForAll @LongRange(min = 0, max = 5L * 86_400) long aLength,
            @ForAll @LongRange(min = 0, max = 30L * 86_400) long bStart,
            @ForAll @LongRange(min = 0, max = 5L * 86_400) long bLength) {
        long overlapFrom = Math.max(aStart, bStart);
        long overlapTo = Math.min(aStart + aLength, bStart + bLength);
        List<TimeBucket> a = TimeBucket.bucketsOverlapping(Instant.ofEpochSecond(START_2026 + aStart),
                Instant.ofEpochSecond(START_2026 + aStart + aLength));
        List<TimeBucket> b = TimeBucket.bucketsOverlapping(Instant.ofEpochSecond(START_2026 + bStart),
                Instant.ofEpochSecond(START_2026 + bStart + bLength));
        if (overlapFrom <= overlapTo) {
            assertThat(a).containsAnyElementsOf(b);
        }
    }
}
