package com.backhaulexchange.deal.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.deal.outcome.Co2eKg;
import com.backhaulexchange.deal.outcome.DeliveredOutcome;
import com.backhaulexchange.deal.outcome.LanePair;
import com.backhaulexchange.deal.outcome.LedgerEntry;
import com.backhaulexchange.deal.outcome.OutcomeFigures;
import com.backhaulexchange.deal.outcome.OutcomeRole;
import com.backhaulexchange.emissions.EmissionsMethod;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.partner.PartnerId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Every figure reconciles (issue 12): random deliveries between a few partners in a few regions over a year are
 * counted twice, as the partners' outcome ledgers count them (ADR 26) and as the network's region-week counters
 * count them (the same outcome, ADR 41, summed per stored item as the ADDs would). Over all partners the
 * carriers' figures, and the carriers' earnings plus the shippers' savings, equal the network's, in total and
 * region by region; and the regions' totals add up to the network's total.
 */
class NetworkReconciliationPropertiesTest {
    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final EmissionsMethod METHOD = new EmissionsMethod("GLEC-NA-2019+DESNZ-2024", "bhx-default-1");
    private static final List<MatchingRegion> REGIONS = List.of(MatchingRegion.parse("9v"),
            MatchingRegion.parse("dp"), MatchingRegion.parse("9y"));

    record Delivery(DeliveredOutcome outcome, MatchingRegion region) {
    }

    private static List<Delivery> deliveries(long seed, int count, int partners) {
        Random random = new Random(seed);
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PartnerId carrier = partner(random.nextInt(partners));
            PartnerId shipper = partner(random.nextInt(partners));
            LocalDate day = START.plusDays(random.nextInt(365));
            double loaded = 50 + random.nextDouble() * 1_500;
            double empty = random.nextDouble() * 400;
            double baseline = random.nextDouble() * 800;
            double kg = (baseline - empty) * 1.562;
            Map<EmissionsMethod, Co2eKg> co2e = Map.of(METHOD, new Co2eKg(kg, kg * 1.259 / 1.562));
            var carrierFigures = new OutcomeFigures(1, 1, loaded, empty, baseline, baseline - empty,
                    Map.of("USD", (long) random.nextInt(200_000) - 50_000), co2e);
            var shipperFigures = new OutcomeFigures(1, 1, loaded, 0, 0, 0,
                    random.nextBoolean() ? Map.of("USD", (long) random.nextInt(100_000))
                            : Map.of("CAD", (long) random.nextInt(100_000)), co2e);
            deliveries.add(new Delivery(new DeliveredOutcome(
                    new LedgerEntry(carrier, day, OutcomeRole.CARRIER, shipper, carrierFigures),
                    new LedgerEntry(shipper, day, OutcomeRole.SHIPPER, carrier, shipperFigures),
                    new LanePair("US-TX", "US-MO")),
                    REGIONS.get(random.nextInt(REGIONS.size()))));
        }
        return deliveries;
    }

    private static PartnerId partner(int index) {
        return new PartnerId(String.format("01JDPART%018d", index));
    }

    /** The stored items: one per region and week, the ADDs of its deliveries summed. */
    private static List<NetworkEntry> stored(List<Delivery> deliveries) {
        Map<String, NetworkEntry> items = new HashMap<>();
        for (Delivery delivery : deliveries) {
            NetworkEntry entry = NetworkActivity.delivered(delivery.outcome(), delivery.region());
            items.merge(entry.region() + "/" + entry.week(), entry, (a, b) ->
                    new NetworkEntry(a.region(), a.week(), a.counters().plus(b.counters())));
        }
        return List.copyOf(items.values());
    }

    @Property(tries = 40)
    @Label("the sum over partners of the outcome ledgers equals the network's figures, per region and in total")
    void partnersSumToTheNetwork(@ForAll long seed, @ForAll @IntRange(min = 1, max = 150) int count,
            @ForAll @IntRange(min = 1, max = 8) int partners) {
        List<Delivery> deliveries = deliveries(seed, count, partners);
        NetworkFigures figures = NetworkFigures.of(NetworkWeek.parse("2026-W01"), NetworkWeek.parse("2026-W53"),
                stored(deliveries));

        for (MatchingRegion region : REGIONS) {
            List<Delivery> here = deliveries.stream().filter(d -> d.region().equals(region)).toList();
            NetworkCounters network = figures.byRegion().getOrDefault(region, NetworkCounters.ZERO);
            assertReconciles(here, network);
        }
        assertReconciles(deliveries, figures.total());
        NetworkCounters regionsSum = figures.byRegion().values().stream()
                .reduce(NetworkCounters.ZERO, NetworkCounters::plus);
        assertThat(regionsSum.deliveries()).isEqualTo(figures.total().deliveries());
        assertThat(regionsSum.surplusByCurrency()).isEqualTo(figures.total().surplusByCurrency());
        assertThat(regionsSum.partners()).isEqualTo(figures.total().partners());
    }

    private static void assertReconciles(List<Delivery> deliveries, NetworkCounters network) {
        OutcomeFigures carriers = OutcomeFigures.ZERO;
        OutcomeFigures shippers = OutcomeFigures.ZERO;
        for (Delivery delivery : deliveries) {
            carriers = carriers.plus(delivery.outcome().carrier().figures());
            shippers = shippers.plus(delivery.outcome().shipper().figures());
        }
        assertThat(network.deliveries()).isEqualTo(carriers.bookings()).isEqualTo(shippers.bookings());
        assertThat(network.loadedMiles()).isCloseTo(carriers.loadedMiles(), within(1e-6));
        assertThat(network.emptyMilesDriven()).isCloseTo(carriers.emptyMilesDriven(), within(1e-6));
        assertThat(network.baselineEmptyMiles()).isCloseTo(carriers.baselineEmptyMiles(), within(1e-6));
        assertThat(network.emptyMilesAvoided()).isCloseTo(carriers.emptyMilesAvoided(), within(1e-6));
        Map<String, Long> surplus = new HashMap<>(carriers.surplusMinorUnits());
        shippers.surplusMinorUnits().forEach((currency, amount) -> surplus.merge(currency, amount, Long::sum));
        assertThat(network.surplusByCurrency()).isEqualTo(surplus);
        double carriersKg = carriers.co2eAvoided().getOrDefault(METHOD, Co2eKg.ZERO).wellToWheel();
        assertThat(network.co2eAvoided().getOrDefault(METHOD, Co2eKg.ZERO).wellToWheel())
                .isCloseTo(carriersKg, within(1e-6));
        assertThat(network.partners()).containsExactlyInAnyOrderElementsOf(deliveries.stream()
                .flatMap(d -> d.outcome().entries().stream().map(LedgerEntry::partner)).distinct().toList());
    }
}
