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
 * range, empty ones included, so it plots without gaps), a breakdown by counterparty and one by lane pair,
 * largest first by bookings. The totals, the series and the counterparties are sums of the same day ledgers;
 * the lane pairs are sums of the lane-pair days written in the same transactions (ADR 45), and what they leave
 * of the totals is the deliveries recorded before lane pairs were counted ({@code lanePairNotRecorded}). So the
 * series, the counterparties, and the lane pairs with that remainder each add up to the totals.
 */
public record OutcomeReport(PartnerId partner, OutcomeQuery query, List<RoleReport> roles) {

    public OutcomeReport {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(query, "query");
        roles = List.copyOf(roles);
    }

    /** {@code lanePairNotRecorded} is {@link OutcomeFigures#ZERO} when every delivery has its lane pair. */
    public record RoleReport(OutcomeRole role, OutcomeFigures totals, List<Period> series,
            List<Counterparty> byCounterparty, List<LanePairFigures> byLanePair, OutcomeFigures lanePairNotRecorded) {
        public RoleReport {
            series = List.copyOf(series);
            byCounterparty = List.copyOf(byCounterparty);
            byLanePair = List.copyOf(byLanePair);
            Objects.requireNonNull(lanePairNotRecorded, "lanePairNotRecorded");
        }
    }

    public record Period(LocalDate start, LocalDate end, OutcomeFigures figures) {
    }

    public record Counterparty(PartnerId partner, OutcomeFigures figures) {
    }

    public record LanePairFigures(LanePair lanePair, OutcomeFigures figures) {
    }

    /**
     * The report of {@code days} and {@code lanePairDays} (the partner's day ledgers and lane-pair days; any
     * outside the range is refused).
     */
    public static OutcomeReport of(PartnerId partner, OutcomeQuery query, List<DayLedger> days,
            List<LanePairDay> lanePairDays) {
        List<Period> periods = periods(query);
        Map<OutcomeRole, OutcomeFigures> totals = new EnumMap<>(OutcomeRole.class);
        Map<OutcomeRole, OutcomeFigures[]> series = new EnumMap<>(OutcomeRole.class);
        Map<OutcomeRole, Map<PartnerId, OutcomeFigures>> parties = new EnumMap<>(OutcomeRole.class);
        for (DayLedger day : days) {
            requireInRange(query, day.day());
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
        Map<OutcomeRole, Map<LanePair, OutcomeFigures>> lanePairs = new EnumMap<>(OutcomeRole.class);
        for (LanePairDay lanePairDay : lanePairDays) {
            requireInRange(query, lanePairDay.day());
            lanePairDay.figures().forEach((role, figures) -> lanePairs
                    .computeIfAbsent(role, r -> new LinkedHashMap<>())
                    .merge(lanePairDay.lanePair(), figures, OutcomeFigures::plus));
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
            List<LanePairFigures> byLanePair = lanePairs.getOrDefault(role, Map.of()).entrySet().stream()
                    .map(entry -> new LanePairFigures(entry.getKey(), entry.getValue()))
                    .sorted(Comparator.comparingLong((LanePairFigures l) -> l.figures().bookings()).reversed()
                            .thenComparing(l -> l.lanePair().origin())
                            .thenComparing(l -> l.lanePair().destination()))
                    .toList();
            OutcomeFigures withLanePair = byLanePair.stream().map(LanePairFigures::figures)
                    .reduce(OutcomeFigures.ZERO, OutcomeFigures::plus);
            OutcomeFigures notRecorded = totals.get(role).bookings() > withLanePair.bookings()
                    ? totals.get(role).minus(withLanePair) : OutcomeFigures.ZERO;
            roles.add(new RoleReport(role, totals.get(role), rolePeriods, breakdown, byLanePair, notRecorded));
        }
        return new OutcomeReport(partner, query, roles);
    }

    private static void requireInRange(OutcomeQuery query, LocalDate day) {
        if (day.isBefore(query.from()) || day.isAfter(query.to())) {
            throw new IllegalArgumentException("day " + day + " is outside " + query.from() + ".." + query.to());
        }
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
