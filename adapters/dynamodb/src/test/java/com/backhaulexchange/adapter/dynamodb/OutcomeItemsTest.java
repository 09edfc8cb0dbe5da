package com.backhaulexchange.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.outcome.Co2eKg;
import com.backhaulexchange.deal.outcome.DayLedger;
import com.backhaulexchange.deal.outcome.DeliveredOutcome;
import com.backhaulexchange.deal.outcome.LanePair;
import com.backhaulexchange.deal.outcome.LanePairDay;
import com.backhaulexchange.deal.outcome.LedgerEntry;
import com.backhaulexchange.deal.outcome.OutcomeFigures;
import com.backhaulexchange.deal.outcome.OutcomeRole;
import com.backhaulexchange.emissions.EmissionsMethod;
import com.backhaulexchange.partner.PartnerId;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The outcome ledger's items: what a delivery ADDs, and the day ledger and the lane-pair day (ADR 45) read back
 * from the counters.
 */
class OutcomeItemsTest {
    private static final PartnerId CARRIER = new PartnerId("01JDCARR000000000000000001");
    private static final PartnerId SHIPPER = new PartnerId("01JDSHPR000000000000000001");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final EmissionsMethod V1 = new EmissionsMethod("GLEC-NA-2019+DESNZ-2024", "bhx-default-1");
    private static final EmissionsMethod V2 = new EmissionsMethod("GLEC-NA-2019+DESNZ-2024", "bhx-default-2");

    private static OutcomeFigures figures(long cents, EmissionsMethod method) {
        return new OutcomeFigures(1, 1, 600.5, 200, 600, 400, Map.of("USD", cents), Map.of(method, new Co2eKg(624.7, 503.7)));
    }

    /** The item DynamoDB would hold after the updates, applied to an empty item. */
    private static Map<String, AttributeValue> applied(Update update) {
        Map<String, AttributeValue> item = new HashMap<>(update.key());
        update.expressionAttributeNames().forEach((placeholder, name) -> {
            var value = update.expressionAttributeValues().get(":" + placeholder.substring(1));
            item.merge(name, value, (a, b) -> AttributeValue.fromN(
                    new java.math.BigDecimal(a.n()).add(new java.math.BigDecimal(b.n())).toPlainString()));
        });
        return item;
    }

    @Test
    void aDeliveryAddsTotalsAndTheCounterpartyToEachPartysDayAndReadsBack() {
        var entries = List.of(new LedgerEntry(CARRIER, DAY, OutcomeRole.CARRIER, SHIPPER, figures(77_000, V1)),
                new LedgerEntry(SHIPPER, DAY, OutcomeRole.SHIPPER, CARRIER, figures(30_000, V1)));

        List<Update> updates = OutcomeItems.updates("NegotiationsTable", entries);

        assertThat(updates).hasSize(2);
        assertThat(updates.getFirst().key().get("pk").s()).isEqualTo("OUTCOME#" + CARRIER.value());
        assertThat(updates.getFirst().key().get("sk").s()).isEqualTo("DAY#2026-11-24");
        assertThat(updates.getFirst().updateExpression()).startsWith("SET entityType = :type ADD ");
        assertThat(updates.getFirst().expressionAttributeNames()).containsValues("CARRIER|total|bookings",
                "CARRIER|cp|" + SHIPPER.value() + "|surplusMinorUnits|USD",
                "CARRIER|total|co2eWtwKg|GLEC-NA-2019+DESNZ-2024|bhx-default-1");
        DayLedger read = OutcomeItems.dayFrom(applied(updates.getFirst()));
        assertThat(read.day()).isEqualTo(DAY);
        assertThat(read.totals()).containsOnlyKeys(OutcomeRole.CARRIER);
        assertThat(read.totals().get(OutcomeRole.CARRIER)).isEqualTo(figures(77_000, V1));
        assertThat(read.byCounterparty().get(OutcomeRole.CARRIER)).containsOnlyKeys(SHIPPER);
    }

    @Test
    void aPartnerOnBothSidesOfABookingGetsOneUpdateAndFiguresOfTwoVersionsStayApart() {
        var entries = List.of(new LedgerEntry(CARRIER, DAY, OutcomeRole.CARRIER, CARRIER, figures(10, V1)),
                new LedgerEntry(CARRIER, DAY, OutcomeRole.SHIPPER, CARRIER, figures(20, V2)));

        List<Update> updates = OutcomeItems.updates("NegotiationsTable", entries);

        assertThat(updates).as("one transaction cannot touch an item twice").hasSize(1);
        DayLedger read = OutcomeItems.dayFrom(applied(updates.getFirst()));
        assertThat(read.totals().get(OutcomeRole.CARRIER).co2eAvoided()).containsOnlyKeys(V1);
        assertThat(read.totals().get(OutcomeRole.SHIPPER).co2eAvoided()).containsOnlyKeys(V2);
        assertThat(read.totals().get(OutcomeRole.SHIPPER).surplusMinorUnits()).isEqualTo(Map.of("USD", 20L));
    }

    @Test
    void aDeliveryAlsoAddsToEachPartysSmallLanePairDayItemAndReadsBack() {
        var outcome = new DeliveredOutcome(new LedgerEntry(CARRIER, DAY, OutcomeRole.CARRIER, SHIPPER,
                figures(77_000, V1)), new LedgerEntry(SHIPPER, DAY, OutcomeRole.SHIPPER, CARRIER, figures(30_000, V1)),
                new LanePair("US-TX", "US-MO"));

        List<Update> updates = OutcomeItems.updates("NegotiationsTable", outcome);

        assertThat(updates).as("two day items, two lane-pair day items").hasSize(4);
        Update carrierLanePair = updates.get(2);
        assertThat(carrierLanePair.key().get("pk").s()).isEqualTo("OUTCOME#" + CARRIER.value());
        assertThat(carrierLanePair.key().get("sk").s()).isEqualTo("LANE#2026-11-24#US-TX#US-MO");
        assertThat(carrierLanePair.expressionAttributeNames()).containsValues("CARRIER|bookings",
                "CARRIER|surplusMinorUnits|USD", "CARRIER|co2eWtwKg|GLEC-NA-2019+DESNZ-2024|bhx-default-1");
        assertThat(carrierLanePair.expressionAttributeNames().values())
                .as("no counterparty in the lane-pair item").noneMatch(name -> name.contains(SHIPPER.value()));
        assertThat(carrierLanePair.expressionAttributeValues().get(":type").s()).isEqualTo("OUTCOME_LANE_PAIR_DAY");
        Map<String, AttributeValue> item = applied(carrierLanePair);
        item.put("entityType", AttributeValue.fromS("OUTCOME_LANE_PAIR_DAY"));
        assertThat(itemSizeBytes(item)).as("one write unit").isLessThan(1024);
        LanePairDay read = OutcomeItems.lanePairDayFrom(item);
        assertThat(read.day()).isEqualTo(DAY);
        assertThat(read.lanePair()).isEqualTo(new LanePair("US-TX", "US-MO"));
        assertThat(read.figures()).isEqualTo(Map.of(OutcomeRole.CARRIER, figures(77_000, V1)));
        assertThat(OutcomeItems.lanePairDayFrom(applied(updates.get(3))).figures())
                .isEqualTo(Map.of(OutcomeRole.SHIPPER, figures(30_000, V1)));
    }

    @Test
    void aPartnerOnBothSidesOfABookingGetsOneLanePairUpdate() {
        var outcome = new DeliveredOutcome(new LedgerEntry(CARRIER, DAY, OutcomeRole.CARRIER, CARRIER,
                figures(10, V1)), new LedgerEntry(CARRIER, DAY, OutcomeRole.SHIPPER, CARRIER, figures(20, V1)),
                new LanePair("DE", "PL"));

        List<Update> updates = OutcomeItems.updates("NegotiationsTable", outcome);

        assertThat(updates).as("one transaction cannot touch an item twice").hasSize(2);
        assertThat(OutcomeItems.lanePairDayFrom(applied(updates.get(1))).figures())
                .containsOnlyKeys(OutcomeRole.CARRIER, OutcomeRole.SHIPPER);
    }

    /** DynamoDB's item size: the UTF-8 lengths of the names and values (numbers counted as their digits). */
    private static int itemSizeBytes(Map<String, AttributeValue> item) {
        int size = 0;
        for (var attribute : item.entrySet()) {
            size += attribute.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            AttributeValue value = attribute.getValue();
            size += value.s() != null ? value.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    : value.n().length() + 1;
        }
        return size;
    }

    @Test
    void aFigureALaterReleaseAddedIsSkipped() {
        var update = OutcomeItems.updates("NegotiationsTable",
                List.of(new LedgerEntry(CARRIER, DAY, OutcomeRole.CARRIER, SHIPPER, figures(5, V1)))).getFirst();
        Map<String, AttributeValue> item = applied(update);
        item.put("CARRIER|total|reloadsFound", AttributeValue.fromN("3"));
        item.put("BROKER|total|bookings", AttributeValue.fromN("1"));
        item.put("entityType", AttributeValue.fromS("OUTCOME_DAY"));

        assertThat(OutcomeItems.dayFrom(item).totals().get(OutcomeRole.CARRIER)).isEqualTo(figures(5, V1));
    }
}
