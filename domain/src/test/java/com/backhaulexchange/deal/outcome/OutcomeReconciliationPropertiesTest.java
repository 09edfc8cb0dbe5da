package com.backhaulexchange.deal.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.emissions.EmissionsMethod;
import com.backhaulexchange.partner.PartnerId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Every figure reconciles (issue 12): random deliveries between a few partners over a year are posted as the
 * store's counters would add them (one day ledger per partner and day); then for every partner and granularity
 * the series and the counterparty breakdown each add up to the totals, the lane pairs do with the deliveries
 * recorded before lane pairs were counted, and over all partners the carrier-side figures add up to the
 * network's (the sum over the deliveries themselves).
 */
class OutcomeReconciliationPropertiesTest {
    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final EmissionsMethod METHOD = new EmissionsMethod("GLEC-NA-2019+DESNZ-2024", "bhx-default-1");
    private static final double MILES = 1e-6;
    private static final List<LanePair> LANE_PAIRS = List.of(new LanePair("US-TX", "US-MO"),
            new LanePair("US-MO", "US-TX"), new LanePair("US-IL", "US-IL"), new LanePair("DE", "PL"),
            new LanePair("US-DE", "DE"));

    private static List<DeliveredOutcome> deliveries(long seed, int count, int partners) {
        Random random = new Random(seed);
        List<DeliveredOutcome> deliveries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PartnerId carrier = partner(random.nextInt(partners));
            PartnerId shipper = partner(random.nextInt(partners));
            LocalDate day = START.plusDays(random.nextInt(366));
            double loaded = 50 + random.nextDouble() * 1_500;
            double empty = random.nextDouble() * 400;
            double baseline = random.nextDouble() * 800;
            double kg = (baseline - empty) * 12.65 / 8.1;
            Map<EmissionsMethod, Co2eKg> co2e = Map.of(METHOD, new Co2eKg(kg, kg * 10.2 / 12.65));
            var carrierFigures = new OutcomeFigures(1, 1, loaded, empty, baseline, baseline - empty,
                    Map.of("USD", (long) random.nextInt(200_000) - 50_000), co2e);
            var shipperFigures = new OutcomeFigures(1, 1, loaded, 0, 0, 0,
                    Map.of("USD", (long) random.nextInt(100_000)), co2e);
            deliveries.add(new DeliveredOutcome(
                    new LedgerEntry(carrier, day, OutcomeRole.CARRIER, shipper, carrierFigures),
                    new LedgerEntry(shipper, day, OutcomeRole.SHIPPER, carrier, shipperFigures),
                    LANE_PAIRS.get(random.nextInt(LANE_PAIRS.size()))));
        }
        return deliveries;
    }

    private static PartnerId partner(int index) {
        return new PartnerId(String.format("01JDPART%018d", index));
    }

    /** What the store holds: the entries of each partner and day added together. */
    private static Map<PartnerId, List<DayLedger>> ledgers(List<DeliveredOutcome> deliveries) {
        Map<PartnerId, Map<LocalDate, List<LedgerEntry>>> entries = new HashMap<>();
        for (DeliveredOutcome delivery : deliveries) {
            for (LedgerEntry entry : delivery.entries()) {
                entries.computeIfAbsent(entry.partner(), p -> new HashMap<>())
                        .computeIfAbsent(entry.day(), d -> new ArrayList<>()).add(entry);
            }
        }
        Map<PartnerId, List<DayLedger>> ledgers = new HashMap<>();
        entries.forEach((partner, days) -> days.forEach((day, dayEntries) ->
                ledgers.computeIfAbsent(partner, p -> new ArrayList<>()).add(DayLedger.of(day, dayEntries))));
        return ledgers;
    }

    @Property(tries = 200)
    @Label("the series and the counterparty breakdown each add up to the totals, at every granularity")
    void seriesAndBreakdownAddUpToTheTotals(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int count,
            @ForAll @IntRange(min = 1, max = 6) int partners, @ForAll OutcomeQuery.Granularity granularity) {
        var query = new OutcomeQuery(START, START.plusDays(365), granularity);
        ledgers(deliveries(seed, count, partners)).forEach((partner, days) -> {
            OutcomeReport report = OutcomeReport.of(partner, query, days, List.of());
            for (OutcomeReport.RoleReport role : report.roles()) {
                OutcomeFigures series = role.series().stream().map(OutcomeReport.Period::figures)
                        .reduce(OutcomeFigures.ZERO, OutcomeFigures::plus);
                OutcomeFigures breakdown = role.byCounterparty().stream().map(OutcomeReport.Counterparty::figures)
                        .reduce(OutcomeFigures.ZERO, OutcomeFigures::plus);
                assertReconciles(series, role.totals());
                assertReconciles(breakdown, role.totals());
                assertThat(role.series()).hasSize(OutcomeReport.periods(query).size());
            }
        });
    }

    @Property(tries = 200)
    @Label("over all partners the carrier-side figures add up to the network's")
    void partnersAddUpToTheNetwork(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int count,
            @ForAll @IntRange(min = 1, max = 6) int partners) {
        List<DeliveredOutcome> deliveries = deliveries(seed, count, partners);
        var query = new OutcomeQuery(START, START.plusDays(365), OutcomeQuery.Granularity.MONTH);
        OutcomeFigures carriers = OutcomeFigures.ZERO;
        OutcomeFigures shippers = OutcomeFigures.ZERO;
        for (var entry : ledgers(deliveries).entrySet()) {
            for (OutcomeReport.RoleReport role : OutcomeReport.of(entry.getKey(), query, entry.getValue(), List.of())
                    .roles()) {
                if (role.role() == OutcomeRole.CARRIER) {
                    carriers = carriers.plus(role.totals());
                } else {
                    shippers = shippers.plus(role.totals());
                }
            }
        }
        OutcomeFigures network = deliveries.stream().map(d -> d.carrier().figures())
                .reduce(OutcomeFigures.ZERO, OutcomeFigures::plus);

        assertReconciles(carriers, network);
        assertThat(carriers.bookings()).isEqualTo(deliveries.size());
        assertThat(shippers.bookings()).isEqualTo(deliveries.size());
        assertThat(shippers.emptyMilesAvoided()).isZero();
    }

    @Property(tries = 200)
    @Label("the lane pairs, with what was delivered before they were counted, add up to the totals of any range")
    void lanePairsAddUpToTheTotals(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int count,
            @ForAll @IntRange(min = 1, max = 6) int partners, @ForAll @IntRange(min = 0, max = 300) int uncounted,
            @ForAll @IntRange(min = 0, max = 365) int fromDay, @ForAll @IntRange(min = 0, max = 365) int days) {
        List<DeliveredOutcome> deliveries = deliveries(seed, count, partners);
        // The first deliveries were recorded before lane pairs were counted: in the day ledgers only.
        List<DeliveredOutcome> counted = deliveries.subList(Math.min(uncounted, count), count);
        LocalDate from = START.plusDays(fromDay);
        LocalDate to = from.plusDays(Math.min(days, 365 - fromDay));
        var query = new OutcomeQuery(from, to, OutcomeQuery.Granularity.WEEK);
        ledgers(deliveries).forEach((partner, allDays) -> {
            List<DayLedger> inRange = allDays.stream().filter(day -> inRange(day.day(), from, to)).toList();
            List<LanePairDay> lanePairDays = LanePairDay.of(partner, counted).stream()
                    .filter(day -> inRange(day.day(), from, to)).toList();
            OutcomeReport report = OutcomeReport.of(partner, query, inRange, lanePairDays);
            for (OutcomeReport.RoleReport role : report.roles()) {
                OutcomeFigures lanePairs = role.byLanePair().stream().map(OutcomeReport.LanePairFigures::figures)
                        .reduce(OutcomeFigures.ZERO, OutcomeFigures::plus);
                assertReconciles(lanePairs.plus(role.lanePairNotRecorded()), role.totals());
                long uncountedBookings = deliveries.subList(0, Math.min(uncounted, count)).stream()
                        .flatMap(delivery -> delivery.entries().stream())
                        .filter(entry -> entry.partner().equals(partner) && entry.role() == role.role()
                                && inRange(entry.day(), from, to))
                        .count();
                assertThat(role.lanePairNotRecorded().bookings()).isEqualTo(uncountedBookings);
                // Tenancy: only lane pairs of the partner's own bookings in that role.
                assertThat(role.byLanePair()).allSatisfy(row -> assertThat(counted).anySatisfy(delivery ->
                        assertThat(delivery.entries()).anySatisfy(entry -> {
                            assertThat(entry.partner()).isEqualTo(partner);
                            assertThat(entry.role()).isEqualTo(role.role());
                            assertThat(delivery.lanePair()).isEqualTo(row.lanePair());
                        })));
            }
        });
    }

    private static boolean inRange(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static void assertReconciles(OutcomeFigures sum, OutcomeFigures totals) {
        assertThat(sum.bookings()).isEqualTo(totals.bookings());
        assertThat(sum.loadsMoved()).isEqualTo(totals.loadsMoved());
        for (ToDoubleFunction<OutcomeFigures> miles : List.<ToDoubleFunction<OutcomeFigures>>of(
                OutcomeFigures::loadedMiles, OutcomeFigures::emptyMilesDriven, OutcomeFigures::baselineEmptyMiles,
                OutcomeFigures::emptyMilesAvoided)) {
            assertThat(miles.applyAsDouble(sum)).isCloseTo(miles.applyAsDouble(totals), within(MILES));
        }
        // money is whole minor units: exact to the cent
        assertThat(sum.surplusByCurrency()).isEqualTo(totals.surplusByCurrency());
        assertThat(sum.co2eAvoided().keySet()).isEqualTo(totals.co2eAvoided().keySet());
        sum.co2eAvoided().forEach((method, kg) -> assertThat(kg.wellToWheel())
                .isCloseTo(totals.co2eAvoided().get(method).wellToWheel(), within(MILES)));
    }
}
