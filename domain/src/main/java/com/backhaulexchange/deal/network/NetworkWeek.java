package com.backhaulexchange.deal.network;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ISO-8601 week (Monday to Sunday, week 1 holds the year's first Thursday), written {@code 2026-W49}: the
 * unit the network counters are kept in. The text sorts in time order, so a key range is a week range.
 */
public record NetworkWeek(int weekBasedYear, int week) implements Comparable<NetworkWeek> {
    private static final Pattern TEXT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public NetworkWeek {
        if (weekBasedYear < 1000 || weekBasedYear > 9999) {
            throw new IllegalArgumentException("week-based year out of range: " + weekBasedYear);
        }
        int weeks = (int) IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(LocalDate.of(weekBasedYear, 6, 1))
                .getMaximum();
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException(weekBasedYear + " has no ISO week " + week);
        }
    }

    public static NetworkWeek of(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return new NetworkWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** {@code 2026-W49}; anything else, or a week the year does not have, is rejected. */
    public static NetworkWeek parse(String text) {
        var matcher = TEXT.matcher(Objects.requireNonNull(text, "text"));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an ISO week (yyyy-Www): " + text);
        }
        return new NetworkWeek(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    public LocalDate monday() {
        return LocalDate.of(weekBasedYear, 6, 1)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public NetworkWeek next() {
        return of(monday().plusWeeks(1));
    }

    /** Weeks from this one to {@code to} inclusive (0 when {@code to} is earlier). */
    public long weeksThrough(NetworkWeek to) {
        return Math.max(0, java.time.temporal.ChronoUnit.WEEKS.between(monday(), to.monday()) + 1);
    }

    @Override
    public int compareTo(NetworkWeek other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", weekBasedYear, week);
    }
}
