package com.backhaulexchange.kernel.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeBucketTest {

    @Test
    void anInstantFallsInItsUtcDay() {
        assertThat(TimeBucket.of(Instant.parse("2026-11-24T23:59:59Z")).key()).isEqualTo("2026-11-24");
        // 20:00 in Chicago on the 24th is already the 25th in UTC.
        assertThat(TimeBucket.of(Instant.parse("2026-11-25T02:00:00Z")).dayUtc()).isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void aRangeWithinOneDayHasOneBucket() {
        assertThat(TimeBucket.bucketsOverlapping(Instant.parse("2026-11-24T08:00:00Z"),
                Instant.parse("2026-11-24T18:00:00Z"))).extracting(TimeBucket::key).containsExactly("2026-11-24");
    }

    @Test
    void aRangeOverMidnightsHasEveryDayItTouches() {
        List<TimeBucket> buckets = TimeBucket.bucketsOverlapping(Instant.parse("2026-11-24T22:00:00Z"),
                Instant.parse("2026-11-26T01:00:00Z"));
        assertThat(buckets).extracting(TimeBucket::key).containsExactly("2026-11-24", "2026-11-25", "2026-11-26");
    }

    @Test
    void theEndOfARangeIsIncluded() {
        assertThat(TimeBucket.bucketsOverlapping(Instant.parse("2026-11-24T08:00:00Z"),
                Instant.parse("2026-11-25T00:00:00Z"))).extracting(TimeBucket::key)
                .containsExactly("2026-11-24", "2026-11-25");
    }

    @Test
    void aBucketStartsAtUtcMidnightAndEndsBeforeTheNext() {
        TimeBucket bucket = new TimeBucket(LocalDate.of(2026, 11, 24));
        assertThat(bucket.startsAt()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(bucket.endsBefore()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    }

    @Test
    void aRangeEndingBeforeItStartsOrSpanningMoreThanAYearIsRefused() {
        Instant start = Instant.parse("2026-11-24T08:00:00Z");
        assertThatThrownBy(() -> TimeBucket.bucketsOverlapping(start, start.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeBucket.bucketsOverlapping(start, start.plusSeconds(366L * 86_400)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TimeBucket.bucketsOverlapping(start, start.plusSeconds(365L * 86_400))).hasSize(366);
    }
}
