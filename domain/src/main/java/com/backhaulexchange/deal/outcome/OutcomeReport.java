package com.backhaulexchange.deal.outcome;

import com.backhaulexchange.partner.PartnerId;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A partner's outcomes over a range, per role it played: the totals, a series of periods (every period of the
 * range, empty ones included, so it plots without gaps) and a breakdown by counterparty, largest first by
 * bookings. Everything is a sum of the same day ledgers, so the series and the breakdown each add up to the
 * totals.
 */
public record OutcomeReport(PartnerId partner, OutcomeQuery query, List<RoleReport> roles) {

    public OutcomeReport {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(query, "query");
        roles = List.copyOf(roles);
    }

    public record RoleReport(OutcomeRole role, OutcomeFigures totals, List<Period> series,
            List<Counterparty> byCounterparty) {
        public RoleReport {
            series = List.copyOf(series);
            byCounterparty = List.copyOf(byCounterparty);
        }
    }

    public record Period(LocalDate start, LocalDate end, OutcomeFigures figures) {
    }

    public record Counterparty(PartnerId partner, OutcomeFigures figures) {
    }

    /** The report of {@code days} (the partner's day ledgers; days outside the range are refused). */
    public static OutcomeReport of(PartnerId partner, OutcomeQuery query, List<DayLedger> days) {
        List<Period> periods = periods(query);
        Map<OutcomeRole, OutcomeFigures> totals = new EnumMap<>(OutcomeRole.class);
        Map<OutcomeRole, OutcomeFigures[]> series = new EnumMap<>(OutcomeRole.class);
        Map<OutcomeRole, Map<PartnerId, OutcomeFigures>> parties = new EnumMap<>(OutcomeRole.class);
        for (DayLedger day : days) {
            if (day.day().isBefore(query.from()) || day.day().isAfter(query.to())) {
                throw new IllegalArgumentException("day " + day.day() + " is outside " + query.from() + ".."
                        + query.to());
            }
            int period = periodIndex(periods, day.day());
            day.totals().forEach((role, figures) -> {
                totals.merge(role, figures, OutcomeFigures::plus);
                OutcomeFigures[] roleSeries = series.computeIfAbsent(role, r -> {
                    OutcomeFigures[] empty = new OutcomeFigures[periods.size()];
                    java.util.Arrays.fill(empty, OutcomeFigures.ZERO);
                    return empty;
                });
                roleSeries[period] = roleSeries[period].plus(figures);
            });
            day.byCounterparty().forEach((role, byParty) -> byParty.forEach((counterparty, figures) ->
                    parties.computeIfAbsent(role, r -> new LinkedHashMap<>())
                            .merge(counterparty, figures, OutcomeFigures::plus)));
        }
        List<RoleReport> roles = new ArrayList<>();
        for (OutcomeRole role : OutcomeRole.values()) {
            if (!totals.containsKey(role)) {
                continue;
            }
            OutcomeFigures[] roleSeries = series.get(role);
            List<Period> rolePeriods = new ArrayList<>(periods.size());
            for (int i = 0; i < periods.size(); i++) {
                rolePeriods.add(new Period(periods.get(i).start(), periods.get(i).end(), roleSeries[i]));
            }
            List<Counterparty> breakdown = parties.getOrDefault(role, Map.of()).entrySet().stream()
                    .map(entry -> new Counterparty(entry.getKey(), entry.getValue()))
                    .sorted(Comparator.comparingLong((Counterparty c) -> c.figures().bookings()).reversed()
                            .thenComparing(c -> c.partner().value()))
                    .toList();
            roles.add(new RoleReport(role, totals.get(role), rolePeriods, breakdown));
        }
        return new OutcomeReport(partner, query, roles);
    }

    /** The periods of the range at the query's granularity, clipped to the range. */
    static List<Period> periods(OutcomeQuery query) {
        List<Period> periods = new ArrayList<>();
        LocalDate start = query.from();
        while (!start.isAfter(query.to())) {
            LocalDate end = switch (query.granularity()) {
                case DAY -> start;
                case WEEK -> start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
            };
            if (end.isAfter(query.to())) {
                end = query.to();
            }
            periods.add(new Period(start, end, OutcomeFigures.ZERO));
            start = end.plusDays(1);
        }
        return periods;
    }

    private static int periodIndex(List<Period> periods, LocalDate day) {
        int low = 0;
        int high = periods.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (periods.get(mid).start().isAfter(day)) {
                high = mid - 1;
            } else {
                low = mid;
            }
        }
        return low;
    }
}
