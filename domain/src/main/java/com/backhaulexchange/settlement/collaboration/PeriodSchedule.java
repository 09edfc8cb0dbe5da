package com.backhaulexchange.settlement.collaboration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The periods of a collaboration, in UTC from midnight of {@code startDate}: weekly periods start on the
 * start date's weekday; monthly periods start on the start date's day of month, or on the month's last day
 * when it is shorter (a 31 January start gives 28/29 February, then 31 March: each boundary is computed from
 * the start date, never from the previous boundary, so no drift).
 */
public record PeriodSchedule(PeriodKind kind, LocalDate startDate) {

    public PeriodSchedule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startDate, "startDate");
    }

    public Instant startsAt() {
        return boundary(0);
    }

    public SettlementPeriod period(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("no period before the start: " + index);
        }
        return new SettlementPeriod(index, boundary(index), boundary(index + 1));
    }

    /** The period containing {@code instant}; period 0 for any instant before the start. */
    public SettlementPeriod periodAt(Instant instant) {
        if (instant.isBefore(startsAt())) {
            return period(0);
        }
        LocalDate day = instant.atOffset(ZoneOffset.UTC).toLocalDate();
        long guess = switch (kind) {
            case WEEKLY -> ChronoUnit.WEEKS.between(startDate, day);
            case MONTHLY -> ChronoUnit.MONTHS.between(startDate, day);
        };
        long index = Math.max(0, guess - 1);
        while (!boundary(index + 1).isAfter(instant)) {
            index++;
        }
        return period(index);
    }

    /** Whether {@code instant} is on or after the start (the first period has begun). */
    public boolean hasStarted(Instant instant) {
        return !instant.isBefore(startsAt());
    }

    /**
     * The first period whose whole span is still ahead at {@code instant}: period 0 before the start, else the
     * period after the current one. Joining, agreement changes and leaving take effect at this boundary.
     */
    public long nextBoundaryIndex(Instant instant) {
        return hasStarted(instant) ? periodAt(instant).index() + 1 : 0;
    }

    private Instant boundary(long index) {
        LocalDate date = switch (kind) {
            case WEEKLY -> startDate.plusWeeks(index);
            case MONTHLY -> startDate.plusMonths(index);
        };
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
