package com.backhaulexchange.settlement.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodScheduleTest {

    private static final PeriodSchedule WEEKLY = new PeriodSchedule(PeriodKind.WEEKLY, LocalDate.of(2026, 1, 7));
    private static final PeriodSchedule MONTHLY = new PeriodSchedule(PeriodKind.MONTHLY, LocalDate.of(2026, 1, 31));

    @Test
    void weeklyPeriodsStartAtUtcMidnightOnTheStartDatesWeekday() {
        SettlementPeriod period = WEEKLY.periodAt(Instant.parse("2026-01-20T10:00:00Z"));

        assertThat(period.index()).isEqualTo(1);
        assertThat(period.startsAt()).isEqualTo(Instant.parse("2026-01-14T00:00:00Z"));
        assertThat(period.endsAt()).isEqualTo(Instant.parse("2026-01-21T00:00:00Z"));
    }

    @Test
    void aPeriodIncludesItsStartAndExcludesItsEnd() {
        assertThat(WEEKLY.periodAt(Instant.parse("2026-01-14T00:00:00Z")).index()).isEqualTo(1);
        assertThat(WEEKLY.periodAt(Instant.parse("2026-01-13T23:59:59.999Z")).index()).isZero();
        assertThat(WEEKLY.period(1).contains(Instant.parse("2026-01-21T00:00:00Z"))).isFalse();
    }

    @Test
    void anInstantBeforeTheStartBelongsToPeriodZeroAndTheNextBoundaryIsTheStart() {
        Instant before = Instant.parse("2026-01-01T12:00:00Z");

        assertThat(WEEKLY.periodAt(before).index()).isZero();
        assertThat(WEEKLY.nextBoundaryIndex(before)).isZero();
        assertThat(WEEKLY.nextBoundaryIndex(Instant.parse("2026-01-07T00:00:00Z"))).isEqualTo(1);
    }

    @Test
    void monthlyPeriodsFromTheThirtyFirstEndOnTheLastDayOfShortMonthsWithoutDrift() {
        assertThat(MONTHLY.period(0).endsAt()).isEqualTo(Instant.parse("2026-02-28T00:00:00Z"));
        assertThat(MONTHLY.period(1).endsAt()).isEqualTo(Instant.parse("2026-03-31T00:00:00Z"));
        assertThat(MONTHLY.period(2).endsAt()).isEqualTo(Instant.parse("2026-04-30T00:00:00Z"));
        assertThat(MONTHLY.periodAt(Instant.parse("2026-03-30T23:00:00Z")).index()).isEqualTo(1);
        assertThat(MONTHLY.periodAt(Instant.parse("2027-01-31T00:00:00Z")).index()).isEqualTo(12);
    }

    @Test
    void aPeriodClosesSixHoursAfterItEnds() {
        SettlementPeriod period = WEEKLY.period(0);

        assertThat(SettlementPeriod.GRACE).isEqualTo(Duration.ofHours(6));
        assertThat(period.closesAt()).isEqualTo(Instant.parse("2026-01-14T06:00:00Z"));
    }

    @Test
    void everyInstantFallsInThePeriodItIsFoundIn() {
        for (PeriodSchedule schedule : new PeriodSchedule[] {WEEKLY, MONTHLY}) {
            Instant instant = schedule.startsAt();
            for (int hours = 0; hours < 24 * 800; hours += 7) {
                Instant at = instant.plus(Duration.ofHours(hours));
                assertThat(schedule.periodAt(at).contains(at)).as("%s %s", schedule.kind(), at).isTrue();
            }
        }
    }
}
