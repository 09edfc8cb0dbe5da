package com.backhaulexchange.deal.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NetworkWeekTest {

    @Test
    void aDayBelongsToItsIsoWeekAcrossTheYearBoundary() {
        assertThat(NetworkWeek.of(LocalDate.of(2026, 12, 3))).hasToString("2026-W49");
        // 2027-01-01 is a Friday: it belongs to 2026's last week, which 2026 (a Thursday year) has as W53.
        assertThat(NetworkWeek.of(LocalDate.of(2027, 1, 1))).hasToString("2026-W53");
        assertThat(NetworkWeek.of(LocalDate.of(2025, 12, 29))).hasToString("2026-W01");
    }

    @Test
    void parsesItsTextAndRejectsWeeksTheYearDoesNotHave() {
        assertThat(NetworkWeek.parse("2026-W49").monday()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(NetworkWeek.parse("2026-W53").next()).hasToString("2027-W01");
        assertThatThrownBy(() -> NetworkWeek.parse("2025-W53")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetworkWeek.parse("2026-W00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetworkWeek.parse("2026-49")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsTheWeeksOfARangeAndSortsInTimeOrder() {
        assertThat(NetworkWeek.parse("2026-W01").weeksThrough(NetworkWeek.parse("2026-W53"))).isEqualTo(53);
        assertThat(NetworkWeek.parse("2026-W10").weeksThrough(NetworkWeek.parse("2026-W09"))).isZero();
        assertThat(NetworkWeek.parse("2026-W53")).isLessThan(NetworkWeek.parse("2027-W01"));
    }
}
