package com.backhaulexchange.settlement.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.outcome.Co2eKg;
import com.backhaulexchange.deal.outcome.DayLedger;
import com.backhaulexchange.deal.outcome.LedgerEntry;
import com.backhaulexchange.deal.outcome.OutcomeFigures;
import com.backhaulexchange.deal.outcome.OutcomeQuery;
import com.backhaulexchange.deal.outcome.OutcomeRole;
import com.backhaulexchange.emissions.EmissionsMethod;
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
import org.junit.jupiter.api.Test;

/** A collaboration's figures from its members' day ledgers: only bookings between members, money to the cent. */
class CollaborationFiguresTest {

    static final PartnerId A = new PartnerId("01JDPRTA000000000000000001");
    static final PartnerId B = new PartnerId("01JDPRTB000000000000000002");
    static final PartnerId OUTSIDER = new PartnerId("01JDPRTX000000000000000009");
    static final LocalDate DAY = LocalDate.of(2026, 11, 18);
    static final OutcomeQuery RANGE = new OutcomeQuery(DAY.minusDays(3), DAY.plusDays(3),
            OutcomeQuery.Granularity.DAY);

    /** One delivery: the carrier's and the shipper's ledger entries, as DeliveredOutcome writes them. */
    static List<LedgerEntry> delivery(LocalDate day, PartnerId carrier, PartnerId shipper, double emptyAvoided,
            long earned, long saved, double kg) {
        var co2e = Map.of(EmissionsMethod.DEFAULT, new Co2eKg(kg, kg * 0.8));
        return List.of(
                new LedgerEntry(carrier, day, OutcomeRole.CARRIER, shipper, new OutcomeFigures(1, 1, 500, 40,
                        40 + emptyAvoided, emptyAvoided, Map.of("USD", earned), co2e)),
                new LedgerEntry(shipper, day, OutcomeRole.SHIPPER, carrier, new OutcomeFigures(1, 1, 500, 0, 0, 0,
                        Map.of("USD", saved), co2e)));
    }

    static Map<PartnerId, List<DayLedger>> ledgers(List<LedgerEntry> entries) {
        Map<PartnerId, Map<LocalDate, List<LedgerEntry>>> byPartner = new HashMap<>();
        for (LedgerEntry entry : entries) {
            byPartner.computeIfAbsent(entry.partner(), p -> new java.util.TreeMap<>())
                    .computeIfAbsent(entry.day(), d -> new ArrayList<>()).add(entry);
        }
        Map<PartnerId, List<DayLedger>> days = new HashMap<>();
        byPartner.forEach((partner, byDay) -> days.put(partner, byDay.entrySet().stream()
                .map(day -> DayLedger.of(day.getKey(), day.getValue())).toList()));
        return days;
    }

    @Test
    void onlyBookingsBetweenMembersCountAndEachOnceOnTheTrucksSide() {
        List<LedgerEntry> entries = new ArrayList<>();
        entries.addAll(delivery(DAY, A, B, 300, 40_000, 25_000, 468.6));
        entries.addAll(delivery(DAY, B, A, 100, 10_000, 5_000, 156.2));
        entries.addAll(delivery(DAY, A, OUTSIDER, 999, 99_999, 99_999, 999));

        CollaborationFigures figures = CollaborationFigures.of("col-1", RANGE, List.of(A, B), ledgers(entries),
                List.of());

        assertThat(figures.totals().bookings()).isEqualTo(2);
        assertThat(figures.totals().emptyMilesAvoided()).isEqualTo(400);
        assertThat(figures.totals().co2eAvoided().get(EmissionsMethod.DEFAULT).wellToWheel())
                .isCloseTo(624.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(figures.surplusMinorUnits()).containsEntry("USD", 80_000L);
        var a = figures.byMember().get(0);
        assertThat(a.asCarrier().bookings()).isEqualTo(1);
        assertThat(a.asShipper().bookings()).isEqualTo(1);
        assertThat(a.surplusMinorUnits()).containsEntry("USD", 45_000L);
        assertThat(figures.byMember().get(1).surplusMinorUnits()).containsEntry("USD", 35_000L);
    }

    @Property(tries = 100)
    @Label("the members' surpluses sum to the collaboration's to the cent, whatever the outsiders' bookings")
    void membersSurplusesReconcileWithTheCollaborations(@ForAll long seed) {
        Random random = new Random(seed);
        List<PartnerId> partners = List.of(A, B, OUTSIDER, new PartnerId("01JDPRTC000000000000000003"));
        List<LedgerEntry> entries = new ArrayList<>();
        long expected = 0;
        List<PartnerId> members = List.of(A, B, partners.get(3));
        for (int i = random.nextInt(20); i > 0; i--) {
            PartnerId carrier = partners.get(random.nextInt(4));
            PartnerId shipper = partners.get(random.nextInt(4));
            long earned = random.nextInt(100_000) - 20_000;
            long saved = random.nextInt(100_000) - 20_000;
            entries.addAll(delivery(DAY.plusDays(random.nextInt(4)), carrier, shipper, random.nextInt(300), earned,
                    saved, random.nextInt(500)));
            if (members.contains(carrier) && members.contains(shipper)) {
                expected += earned + saved;
            }
        }

        CollaborationFigures figures = CollaborationFigures.of("col-1", RANGE, members, ledgers(entries), List.of());

        long byMember = figures.byMember().stream()
                .mapToLong(member -> member.surplusMinorUnits().getOrDefault("USD", 0L)).sum();
        assertThat(figures.surplusMinorUnits().getOrDefault("USD", 0L)).isEqualTo(expected).isEqualTo(byMember);
    }
}
