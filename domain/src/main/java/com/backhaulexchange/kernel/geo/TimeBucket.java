package com.backhaulexchange.kernel.geo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A UTC calendar day, the time part of a candidate-retrieval key: postings are indexed under every day their
 * time range touches, and a search reads the days of its own range, so two overlapping ranges always share a
 * bucket. UTC rather than local days, so that lanes in different time zones meet in the same bucket.
 */
public record TimeBucket(LocalDate dayUtc) implements Comparable<TimeBucket> {

    /** A bound on the fan-out of one range; longer ranges are a caller error. */
    public static final int MAX_BUCKETS = 366;

    public TimeBucket {
        Objects.requireNonNull(dayUtc, "dayUtc");
    }

    public static TimeBucket of(Instant instant) {
        return new TimeBucket(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    /** The buckets of every instant in the closed range [{@code from}, {@code to}], in order. */
    public static List<TimeBucket> bucketsOverlapping(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range ends before it starts: " + from + " .. " + to);
        }
        LocalDate first = of(from).dayUtc();
        LocalDate last = of(to).dayUtc();
        if (first.plusDays(MAX_BUCKETS).isBefore(last.plusDays(1))) {
            throw new IllegalArgumentException("range spans more than " + MAX_BUCKETS + " days: " + from + " .. " + to);
        }
        List<TimeBucket> buckets = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            buckets.add(new TimeBucket(day));
        }
        return List.copyOf(buckets);
    }

    public Instant startsAt() {
        return dayUtc.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant of the next bucket. */
    public Instant endsBefore() {
        return dayUtc.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The key form, ISO {@code yyyy-MM-dd}. */
    public String key() {
        return dayUtc.toString();
    }

    @Override
    public int compareTo(TimeBucket other) {
        return dayUtc.compareTo(other.dayUtc);
    }

    @Override
    public String toString() {
        return key();
    }
}
