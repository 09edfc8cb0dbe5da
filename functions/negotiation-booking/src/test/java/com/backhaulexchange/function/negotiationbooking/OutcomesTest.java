package com.backhaulexchange.function.negotiationbooking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.matching.MatchExplanation;
import com.backhaulexchange.testing.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /partners/me/outcomes on the sample events: a booking picked up and delivered adds to both parties'
 * counters in the delivery's transaction; each reads its role's figures, a broker a principal's only through
 * a delegation in force, anyone else nothing; bad ranges are 400s pointing at the parameter.
 */
class OutcomesTest {
    private static final long AGREED_CENTS = 200_000;

    private DealFixture fixture;
    private DealFixture.Caller carrier;
    private DealFixture.Caller shipper;
    private MatchExplanation explanation;

    @BeforeEach
    void aDeliveredBooking() {
        fixture = new DealFixture();
        carrier = fixture.carrier();
        shipper = fixture.shipper();
        var deal = fixture.matched(carrier, shipper);
        explanation = deal.match().explanation();
        String negotiation = fixture.offer(shipper, deal, AGREED_CENTS).json().path("negotiationId").asText();
        String bookingId = fixture.act("accept", carrier, negotiation).json().path("bookingId").asText();
        fixture.clock.set(Instant.parse("2026-11-23T13:45:00Z"));
        assertThat(fixture.send("record-pickup.json", carrier, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME",
                "2026-11-23T13:30:00Z").status()).isEqualTo(200);
        fixture.clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        var delivery = fixture.send("record-delivery.json", carrier, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME",
                "2026-11-24T15:10:00Z");
        assertThat(delivery.status()).as(delivery.toString()).isEqualTo(200);
        // the same delivery again changes nothing, and adds nothing to the counters
        assertThat(fixture.send("record-delivery.json", carrier, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME",
                "2026-11-24T15:10:00Z").status()).isEqualTo(200);
    }

    private Reply outcomes(DealFixture.Caller caller, String from, String to, String granularity) {
        return fixture.send("get-outcomes.json", caller, "FROM", from, "TO", to, "GRANULARITY", granularity);
    }

    private static JsonNode role(Reply reply, String role) {
        for (JsonNode node : reply.json().path("roles")) {
            if (node.path("role").asText().equals(role)) {
                return node;
            }
        }
        throw new AssertionError("no " + role + " in " + reply.json());
    }

    @Test
    void theCarrierSeesTheEmptyMilesItAvoidedWhatItEarnedAndTheCo2eWithItsMethod() {
        var reply = outcomes(carrier, "2026-11-01", "2026-11-30", "WEEK");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("roles")).hasSize(1);
        JsonNode totals = role(reply, "CARRIER").path("totals");
        assertThat(totals.path("bookings").asLong()).isEqualTo(1);
        assertThat(totals.path("loadsMoved").asLong()).isEqualTo(1);
        assertThat(totals.path("loadedMiles").asDouble()).as("the delivery's actual miles").isEqualTo(612.4);
        assertThat(totals.path("emptyMilesAvoided").asDouble())
                .isCloseTo(explanation.emptyMilesAvoided(), within(0.05));
        assertThat(totals.path("emptyMilesDriven").asDouble()).isCloseTo(
                explanation.originDeadheadMiles() + explanation.destinationDeadheadMiles(), within(0.05));
        assertThat(totals.path("surplusKind").asText()).isEqualTo("EARNED");
        assertThat(totals.path("surplus").path(0).path("amountMinorUnits").asLong())
                .isEqualTo(AGREED_CENTS - explanation.economics().carrierIncrementalCost().amountMinorUnits());
        JsonNode co2e = totals.path("co2eAvoided").path(0);
        assertThat(co2e.path("kgWellToWheel").asDouble())
                .isCloseTo(explanation.emptyMilesAvoided() * 12.65 / 8.1, within(0.1));
        assertThat(co2e.path("emissionsMethod").path("factorSet").asText()).isEqualTo("GLEC-NA-2019+DESNZ-2024");
        assertThat(co2e.path("emissionsMethod").path("version").asText()).isEqualTo("bhx-default-1");
        assertThat(totals.path("deadheadShareBefore").asDouble())
                .isGreaterThan(totals.path("deadheadShareAfter").asDouble());
        // November 2026 in ISO weeks: Sun 1st, 2–8, 9–15, 16–22, 23–29, Mon 30th; the delivery in the week of the 23rd
        JsonNode series = role(reply, "CARRIER").path("series");
        assertThat(series).hasSize(6);
        assertThat(series.path(4).path("start").asText()).isEqualTo("2026-11-23");
        assertThat(series.path(4).path("figures").path("bookings").asLong()).isEqualTo(1);
        assertThat(series.path(3).path("figures").path("bookings").asLong()).isZero();
        JsonNode counterparty = role(reply, "CARRIER").path("byCounterparty");
        assertThat(counterparty).hasSize(1);
        assertThat(counterparty.path(0).path("partnerId").asText()).isEqualTo(shipper.id());
        // Dallas → St. Louis: the load's states, the same figures as the totals
        JsonNode lanePairs = role(reply, "CARRIER").path("byLanePair");
        assertThat(lanePairs).hasSize(1);
        assertThat(lanePairs.path(0).path("origin").asText()).isEqualTo("US-TX");
        assertThat(lanePairs.path(0).path("destination").asText()).isEqualTo("US-MO");
        assertThat(lanePairs.path(0).path("figures")).isEqualTo(totals);
        assertThat(role(reply, "CARRIER").has("lanePairNotRecorded")).isFalse();
    }

    @Test
    void theShipperSeesWhatItSavedAndItsLoadsCo2eButNotTheTrucksMiles() {
        var reply = outcomes(shipper, "2026-11-24", "2026-11-24", "DAY");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode totals = role(reply, "SHIPPER").path("totals");
        assertThat(totals.path("bookings").asLong()).isEqualTo(1);
        assertThat(totals.has("emptyMilesAvoided")).isFalse();
        assertThat(totals.has("deadheadShareBefore")).isFalse();
        assertThat(totals.path("surplusKind").asText()).isEqualTo("SAVED");
        assertThat(totals.path("surplus").path(0).path("amountMinorUnits").asLong())
                .isEqualTo(explanation.economics().shipperPrice().amountMinorUnits() - AGREED_CENTS);
        assertThat(role(reply, "SHIPPER").path("byCounterparty").path(0).path("partnerId").asText())
                .isEqualTo(carrier.id());
        JsonNode lanePair = role(reply, "SHIPPER").path("byLanePair").path(0);
        assertThat(lanePair.path("origin").asText() + "→" + lanePair.path("destination").asText())
                .isEqualTo("US-TX→US-MO");
        assertThat(lanePair.path("figures")).isEqualTo(totals);
    }

    @Test
    void aDayRecordedBeforeLanePairsWereCountedStillReadsAndIsShownWithoutALanePair() {
        // A day item as the release before ADR 45 wrote it: its counters, and no lane-pair item beside it.
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("OUTCOME#" + carrier.id()));
        item.put("sk", AttributeValue.fromS("DAY#2026-11-10"));
        item.put("entityType", AttributeValue.fromS("OUTCOME_DAY"));
        for (String prefix : List.of("CARRIER|total|", "CARRIER|cp|" + shipper.id() + "|")) {
            item.put(prefix + "bookings", AttributeValue.fromN("1"));
            item.put(prefix + "loadsMoved", AttributeValue.fromN("1"));
            item.put(prefix + "loadedMiles", AttributeValue.fromN("500.5"));
            item.put(prefix + "emptyMilesDriven", AttributeValue.fromN("40"));
            item.put(prefix + "baselineEmptyMiles", AttributeValue.fromN("340"));
            item.put(prefix + "emptyMilesAvoided", AttributeValue.fromN("300"));
            item.put(prefix + "surplusMinorUnits|USD", AttributeValue.fromN("55000"));
            item.put(prefix + "co2eWtwKg|GLEC-NA-2019+DESNZ-2024|bhx-default-1", AttributeValue.fromN("468.6"));
            item.put(prefix + "co2eTtwKg|GLEC-NA-2019+DESNZ-2024|bhx-default-1", AttributeValue.fromN("377.7"));
        }
        fixture.dynamoDb.putItem(request -> request.tableName(fixture.negotiationsTable).item(item));

        var reply = outcomes(carrier, "2026-11-01", "2026-11-30", "MONTH");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode role = role(reply, "CARRIER");
        assertThat(role.path("totals").path("bookings").asLong()).isEqualTo(2);
        assertThat(role.path("byLanePair")).hasSize(1);
        assertThat(role.path("byLanePair").path(0).path("figures").path("bookings").asLong()).isEqualTo(1);
        JsonNode notRecorded = role.path("lanePairNotRecorded");
        assertThat(notRecorded.path("bookings").asLong()).isEqualTo(1);
        assertThat(notRecorded.path("loadedMiles").asDouble()).isEqualTo(500.5);
        assertThat(notRecorded.path("emptyMilesAvoided").asDouble()).isEqualTo(300);
        assertThat(notRecorded.path("surplus").path(0).path("amountMinorUnits").asLong()).isEqualTo(55_000);
        assertThat(notRecorded.path("co2eAvoided").path(0).path("kgWellToWheel").asDouble()).isEqualTo(468.6);
        assertThat(role.path("byLanePair").path(0).path("figures").path("loadedMiles").asDouble()
                + notRecorded.path("loadedMiles").asDouble())
                .isCloseTo(role.path("totals").path("loadedMiles").asDouble(), within(0.05));
    }

    @Test
    void aRangeWithoutDeliveriesHasNoRoles() {
        var reply = outcomes(carrier, "2026-10-01", "2026-10-31", "MONTH");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("roles")).isEmpty();
    }

    @Test
    void aStrangerSeesNothingOfThemAndABrokerOnlyThroughADelegationInForce() {
        var stranger = fixture.carrier();
        var broker = fixture.broker();

        assertThat(outcomes(stranger, "2026-11-01", "2026-11-30", "DAY").json().path("roles")).isEmpty();
        var foreign = fixture.send("get-outcomes-of-a-principal.json", stranger, "FROM", "2026-11-01", "TO",
                "2026-11-30", "PRINCIPAL_ID", carrier.id());
        assertThat(foreign.status()).isEqualTo(404);
        var unknown = fixture.send("get-outcomes-of-a-principal.json", stranger, "FROM", "2026-11-01", "TO",
                "2026-11-30", "PRINCIPAL_ID", "01JDZZZZZZZZZZZZZZZZZZZZZZ");
        assertThat(unknown.status()).as("the same answer as for a partner that exists").isEqualTo(404);
        assertThat(unknown.json().path("detail")).isEqualTo(foreign.json().path("detail"));

        var undelegated = fixture.send("get-outcomes-of-a-principal.json", broker, "FROM", "2026-11-01", "TO",
                "2026-11-30", "PRINCIPAL_ID", shipper.id());
        assertThat(undelegated.status()).isEqualTo(404);
        assertThat(fixture.send("grant-delegation.json", shipper, "PATH_BROKER_ID", broker.id()).status())
                .isEqualTo(200);
        var delegated = fixture.send("get-outcomes-of-a-principal.json", broker, "FROM", "2026-11-01", "TO",
                "2026-11-30", "PRINCIPAL_ID", shipper.id());
        assertThat(delegated.status()).as(delegated.toString()).isEqualTo(200);
        assertThat(delegated.json().path("partnerId").asText()).isEqualTo(shipper.id());
        assertThat(role(delegated, "SHIPPER").path("totals").path("bookings").asLong()).isEqualTo(1);
        var ofTheCarrier = fixture.send("get-outcomes-of-a-principal.json", broker, "FROM", "2026-11-01", "TO",
                "2026-11-30", "PRINCIPAL_ID", carrier.id());
        assertThat(ofTheCarrier.status()).as("a delegation from the shipper shows nothing of the carrier")
                .isEqualTo(404);

        fixture.send("revoke-delegation.json", shipper, "PATH_BROKER_ID", broker.id());
        assertThat(fixture.send("get-outcomes-of-a-principal.json", broker, "FROM", "2026-11-01", "TO", "2026-11-30",
                "PRINCIPAL_ID", shipper.id()).status()).isEqualTo(404);
    }

    @Test
    void badRangesAre400sPointingAtTheParameter() {
        var backwards = outcomes(carrier, "2026-11-30", "2026-11-01", "DAY");
        var tooLong = outcomes(carrier, "2026-01-01", "2027-01-02", "DAY");
        var notADate = outcomes(carrier, "2026-11-31", "2026-12-01", "DAY");
        var badGranularity = outcomes(carrier, "2026-11-01", "2026-11-30", "HOUR");

        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().path("errors").path(0).path("pointer").asText()).isEqualTo("#/query/to");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").path(0).path("pointer").asText()).isEqualTo("#/query/to");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.json().path("errors").path(0).path("pointer").asText()).isEqualTo("#/query/from");
        assertThat(badGranularity.status()).isEqualTo(400);
        assertThat(badGranularity.json().path("errors").path(0).path("pointer").asText())
                .isEqualTo("#/query/granularity");
        assertThat(outcomes(carrier, "2026-01-01", "2026-12-31", "DAY").status()).as("a year").isEqualTo(200);
    }

    @Test
    void csvOnAskingForIt() {
        var reply = fixture.send("get-outcomes-csv.json", carrier, "FROM", "2026-11-01", "TO", "2026-11-30");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/csv");
        String[] lines = reply.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("role,section,period,counterparty,figure,value,unit,laneOrigin,laneDestination");
        assertThat(lines).contains("CARRIER,TOTAL,2026-11-01/2026-11-30,,bookings,1,count,,",
                "CARRIER,TOTAL,2026-11-01/2026-11-30,,loadedMiles,612.4,mi,,",
                "CARRIER,LANE_PAIR,2026-11-01/2026-11-30,,bookings,1,count,US-TX,US-MO",
                "CARRIER,LANE_PAIR,2026-11-01/2026-11-30,,loadedMiles,612.4,mi,US-TX,US-MO");
        assertThat(lines).anyMatch(line -> line.startsWith("CARRIER,COUNTERPARTY,2026-11-01/2026-11-30,"
                + shipper.id() + ",bookings,1,"));
        assertThat(lines).anyMatch(line -> line.contains(",co2eAvoidedKg,")
                && line.endsWith(",kg CO2e well-to-wheel GLEC-NA-2019+DESNZ-2024 bhx-default-1,,"));
        assertThat(lines).noneMatch(line -> line.contains("LANE_PAIR_NOT_RECORDED"));
        assertThat(lines).allMatch(line -> line.split(",", -1).length == 9);
    }
}
