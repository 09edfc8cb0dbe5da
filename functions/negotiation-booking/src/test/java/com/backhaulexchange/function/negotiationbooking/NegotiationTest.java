package com.backhaulexchange.function.negotiationbooking;


import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.matching.MatchStatus;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.testing.Postings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class NegotiationTest {
    private DealFixture fixture;
    private DealFixture.Caller carrier;
    private DealFixture.Caller shipper;
    private DealFixture.Deal deal;

    @BeforeEach
    void aMatchBetweenATruckAndALoad() {
        fixture = new DealFixture();
        carrier = fixture.carrier();
        shipper = fixture.shipper();
        deal = fixture.matched(carrier, shipper);
    }

    @Test
    void theShipperOffersTheCarrierCountersAndTheShipperAcceptsWhichBooksBothLanes() {
        var opened = fixture.offer(shipper, deal, 180_000);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.json().path("status").asText()).isEqualTo("OPEN");
        assertThat(opened.json().path("turn").asText()).isEqualTo("CARRIER");
        assertThat(opened.json().path("yourSide").asText()).isEqualTo("SHIPPER");
        String id = opened.json().path("negotiationId").asText();

        fixture.clock.advance(Duration.ofMinutes(5));
        var countered = fixture.counter(carrier, id, 210_000);
        assertThat(countered.status()).as(countered.toString()).isEqualTo(200);
        assertThat(countered.json().path("turn").asText()).isEqualTo("SHIPPER");
        assertThat(countered.json().path("offers")).hasSize(2);

        fixture.clock.advance(Duration.ofMinutes(5));
        var accepted = fixture.act("accept", shipper, id);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().path("status").asText()).isEqualTo("AGREED");
        String bookingId = accepted.json().path("bookingId").asText();
        assertThat(bookingId).isNotBlank();

        assertThat(fixture.lanes.findLane(deal.truck().laneId()).orElseThrow().status()).isEqualTo(LaneStatus.BOOKED);
        assertThat(fixture.lanes.findLane(deal.load().laneId()).orElseThrow().status()).isEqualTo(LaneStatus.BOOKED);
        assertThat(fixture.matches.find(deal.match().id()).orElseThrow().status()).isEqualTo(MatchStatus.BOOKED);
        for (var party : List.of(carrier, shipper)) {
            var booking = fixture.send("get-booking.json", party, "PATH_BOOKING_ID", bookingId);
            assertThat(booking.status()).isEqualTo(200);
            assertThat(booking.json().path("agreedAmount").path("amountMinorUnits").asLong()).isEqualTo(210_000);
            assertThat(booking.json().path("status").asText()).isEqualTo("BOOKED");
        }
        var confirmation = fixture.send("get-rate-confirmation.json", shipper, "PATH_BOOKING_ID", bookingId);
        assertThat(confirmation.status()).as(confirmation.toString()).isEqualTo(200);
        assertThat(confirmation.json().path("reference").asText()).isEqualTo(bookingId);
        assertThat(confirmation.json().path("carrier").path("dotNumber").asText())
                .isEqualTo(carrier.partner().profile().dotNumber());
        assertThat(confirmation.json().path("allInRate").path("amountMinorUnits").asLong()).isEqualTo(210_000);
        assertThat(confirmation.json().path("paymentTerms").path("netDays").asInt()).isEqualTo(30);
        for (var stop : List.of("pickup", "delivery")) {
            var window = confirmation.json().path(stop).path("window");
            for (var edge : List.of("opensAt", "closesAt")) {
                assertThat(window.path(edge).asText()).as("%s window %s, RFC 3339 with seconds", stop, edge)
                        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?[+-]\\d{2}:\\d{2}");
            }
        }

        assertThat(fixture.notifications()).extracting(Notification::type, n -> n.recipient().value())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(NotificationType.OFFER_RECEIVED, carrier.id()),
                        org.assertj.core.groups.Tuple.tuple(NotificationType.OFFER_COUNTERED, shipper.id()),
                        org.assertj.core.groups.Tuple.tuple(NotificationType.OFFER_ACCEPTED, carrier.id()),
                        org.assertj.core.groups.Tuple.tuple(NotificationType.BOOKING_CONFIRMED, carrier.id()),
                        org.assertj.core.groups.Tuple.tuple(NotificationType.BOOKING_CONFIRMED, shipper.id()));
        assertThat(outboxItems()).as("every notification handed over").isEmpty();
    }

    @Test
    void eachSideSeesTheMarketSplitAndOnlyItsOwnLimits() {
        String id = fixture.offer(shipper, deal, 180_000).json().path("negotiationId").asText();

        var shippersView = fixture.send("get-negotiation.json", shipper, "PATH_NEGOTIATION_ID", id);
        var carriersView = fixture.send("get-negotiation.json", carrier, "PATH_NEGOTIATION_ID", id);

        var shipperOffer = shippersView.json().path("offers").get(0);
        var carrierOffer = carriersView.json().path("offers").get(0);
        assertThat(shipperOffer.path("marketSplit")).isEqualTo(carrierOffer.path("marketSplit"));
        assertThat(shipperOffer.path("yourView").path("budget").path("amountMinorUnits").asLong()).isEqualTo(240_000);
        assertThat(carrierOffer.path("yourView").has("budget")).isFalse();
        assertThat(carriersView.body()).doesNotContain("240000");
        assertThat(shippersView.body()).doesNotContain(Long.toString(
                deal.match().explanation().economics().carrierIncrementalCost().amountMinorUnits()));
        assertThat(carrierOffer.path("yourView").path("ownMargin").path("amountMinorUnits").asLong()).isEqualTo(
                180_000 - deal.match().explanation().economics().carrierIncrementalCost().amountMinorUnits());
    }

    @Test
    void aStrangerAndAnUndelegatedBrokerAreToldNothingExists() {
        String id = fixture.offer(shipper, deal, 180_000).json().path("negotiationId").asText();
        var stranger = fixture.shipper();
        var broker = fixture.broker();

        assertThat(fixture.send("get-negotiation.json", stranger, "PATH_NEGOTIATION_ID", id).status()).isEqualTo(404);
        assertThat(fixture.act("accept", stranger, id).status()).isEqualTo(404);
        assertThat(fixture.offer(stranger, deal, 100_000).status()).isEqualTo(404);
        // A broker no party delegated to may not see the negotiation: told nothing exists, like a stranger.
        var brokerAccepting = fixture.act("accept", broker, id);
        assertThat(brokerAccepting.status()).isEqualTo(404);
        assertThat(brokerAccepting.json().has("reasonCode")).isFalse();
        assertThat(fixture.send("get-negotiation.json", broker, "PATH_NEGOTIATION_ID", id).status()).isEqualTo(404);
        var brokerOpening = fixture.offer(broker, deal, 150_000);
        assertThat(brokerOpening.status()).isEqualTo(404);
        assertThat(brokerOpening.json().has("reasonCode")).isFalse();
    }

    @Test
    void anOpenRetriedWithItsIdempotencyKeyReplaysTheFirstAnswerInsteadOfA409() {
        String expiresAt = fixture.clock.instant().plusSeconds(7_200).toString();
        var first = fixture.send(openWithKey(shipper, 180_000, expiresAt, "0pen-negotiation-1"));
        var retry = fixture.send(openWithKey(shipper, 180_000, expiresAt, "0pen-negotiation-1"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());

        var otherAmount = fixture.send(openWithKey(shipper, 170_000, expiresAt, "0pen-negotiation-1"));
        assertThat(otherAmount.status()).as(otherAmount.toString()).isEqualTo(422);
        assertThat(otherAmount.json().path("type").asText()).endsWith("/idempotency-key-reused");
        var withoutKey = fixture.offer(shipper, deal, 180_000);
        assertThat(withoutKey.status()).as("without a key a retry is told the match is taken").isEqualTo(409);
    }

    private com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent openWithKey(
            DealFixture.Caller caller, long cents, String expiresAt, String idempotencyKey) {
        var event = DealFixture.event("open-negotiation.json", caller.values("PATH_MATCH_ID", deal.matchId(), "AMOUNT",
                Long.toString(cents), "EXPIRES_AT", expiresAt));
        var headers = new java.util.HashMap<>(event.getHeaders());
        headers.put("Idempotency-Key", idempotencyKey);
        event.setHeaders(headers);
        return event;
    }

    @Test
    void aBrokerDelegatedByTheShipperNegotiatesForItUntilTheDelegationIsRevoked() {
        var broker = fixture.broker();
        var granted = fixture.send("grant-delegation.json", shipper, "PATH_BROKER_ID", broker.id());
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.json().path("active").asBoolean()).isTrue();

        var opened = fixture.offer(broker, deal, 175_000);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.json().path("yourSide").asText()).isEqualTo("SHIPPER");
        String id = opened.json().path("negotiationId").asText();
        var listed = fixture.send("list-open-negotiations-for-a-principal.json", broker, "PRINCIPAL_ID", shipper.id());
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().path("items")).extracting(item -> item.path("negotiationId").asText())
                .containsExactly(id);
        var history = fixture.send("get-negotiation-history.json", carrier, "PATH_NEGOTIATION_ID", id);
        assertThat(history.json().path("items").get(0).path("actingPartnerId").asText()).isEqualTo(broker.id());

        fixture.send("revoke-delegation.json", shipper, "PATH_BROKER_ID", broker.id());
        fixture.counter(carrier, id, 190_000);
        var afterRevocation = fixture.act("accept", broker, id);
        assertThat(afterRevocation.status()).as("with no delegation left it may not see the negotiation")
                .isEqualTo(404);
        assertThat(afterRevocation.json().has("reasonCode")).isFalse();
    }

    @Test
    void anExpiredOfferCannotBeAcceptedEvenBeforeHousekeepingRunsWhichThenTellsBothParties() {
        String id = fixture.offer(shipper, deal, 180_000).json().path("negotiationId").asText();
        fixture.notifications();
        fixture.clock.advance(Duration.ofHours(2).plusSeconds(1));

        var late = fixture.act("accept", carrier, id);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("reasonCode").asText()).isEqualTo("OFFER_EXPIRED");
        assertThat(fixture.send("get-negotiation.json", carrier, "PATH_NEGOTIATION_ID", id).json().path("status")
                .asText()).isEqualTo("EXPIRED");

        var run = fixture.housekeeping().handleRequest(Map.of(), fixture.context);
        assertThat(run.get("expired")).isEqualTo(1);
        assertThat(fixture.notifications()).extracting(Notification::type)
                .containsExactly(NotificationType.OFFER_EXPIRED, NotificationType.OFFER_EXPIRED);
        assertThat(fixture.lanes.findLane(deal.load().laneId()).orElseThrow().status()).isEqualTo(LaneStatus.OPEN);
        var reopened = fixture.offer(carrier, deal, 200_000);
        assertThat(reopened.status()).as("the match is free again: " + reopened).isEqualTo(201);
    }

    @Test
    void anOfferMeetingTheCarriersAutoAcceptPriceBooksAtOnceWithoutRevealingThePrice() {
        var set = fixture.send("set-auto-accept-price.json", carrier, "PATH_LANE_ID", deal.truck().laneId(),
                "AMOUNT", "199999");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(fixture.send("get-auto-accept-price.json", shipper, "PATH_LANE_ID", deal.truck().laneId())
                .status()).as("another partner's lane").isEqualTo(404);

        var opened = fixture.offer(shipper, deal, 200_000);

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.json().path("status").asText()).isEqualTo("AGREED");
        assertThat(opened.json().path("bookingId").asText()).isNotBlank();
        assertThat(opened.body()).doesNotContain("199999");
        var history = fixture.send("get-negotiation-history.json", shipper, "PATH_NEGOTIATION_ID",
                opened.json().path("negotiationId").asText());
        assertThat(history.json().path("items").get(1).path("event").asText()).isEqualTo("AUTO_ACCEPTED");
        assertThat(history.body()).doesNotContain("199999");

        // The truck is booked now: a price on it would never apply, so none is taken.
        var onBooked = fixture.send("set-auto-accept-price.json", carrier, "PATH_LANE_ID", deal.truck().laneId(),
                "AMOUNT", "150000");
        assertThat(onBooked.status()).as(onBooked.toString()).isEqualTo(409);
        assertThat(onBooked.json().path("reasonCode").asText()).isEqualTo("LANE_NOT_OPEN");
        assertThat(fixture.send("get-auto-accept-price.json", carrier, "PATH_LANE_ID", deal.truck().laneId()).body())
                .contains("199999");
    }

    @Test
    void badOffersAreRefusedWithTheirReasonAndWriteNothing() {
        var zero = fixture.offer(shipper, deal, 0);
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().path("reasonCode").asText()).isEqualTo("AMOUNT_NOT_POSITIVE");
        var past = fixture.send("open-negotiation.json", shipper, "PATH_MATCH_ID", deal.matchId(), "AMOUNT", "180000",
                "EXPIRES_AT", fixture.clock.instant().minusSeconds(60).toString());
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().path("reasonCode").asText()).isEqualTo("EXPIRY_IN_THE_PAST");
        var absurd = fixture.offer(shipper, deal, 90_000_000_00L);
        assertThat(absurd.status()).isEqualTo(400);
        assertThat(absurd.json().path("reasonCode").asText()).isEqualTo("AMOUNT_ABSURD");
        var unknownMatch = fixture.send("open-negotiation.json", shipper, "PATH_MATCH_ID", "0".repeat(32),
                "AMOUNT", "180000", "EXPIRES_AT", fixture.clock.instant().plusSeconds(600).toString());
        assertThat(unknownMatch.status()).isEqualTo(404);

        assertThat(allItems()).isEmpty();
        assertThat(fixture.notifications()).isEmpty();
    }

    @Test
    void actingTwiceIsAConflictThatChangesNothing() {
        String id = fixture.offer(shipper, deal, 180_000).json().path("negotiationId").asText();
        assertThat(fixture.act("accept", carrier, id).status()).isEqualTo(200);
        int items = allItems().size();

        var again = fixture.act("accept", carrier, id);
        var counterAfter = fixture.counter(shipper, id, 170_000);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("reasonCode").asText()).isEqualTo("ALREADY_AGREED");
        assertThat(counterAfter.status()).isEqualTo(409);
        assertThat(allItems()).hasSize(items);
    }

    @Test
    void bookingALoadSupersedesTheCompetingNegotiationOnItAndItsAcceptanceIsAConflict() {
        var otherCarrier = fixture.carrier();
        var otherTruck = fixture.postings.post(Postings.truck(otherCarrier.partner().id()));
        var otherMatch = fixture.match(otherCarrier, otherTruck, deal.load());
        String first = fixture.offer(carrier, deal, 200_000).json().path("negotiationId").asText();
        String second = fixture.offer(otherCarrier, new DealFixture.Deal(otherTruck, deal.load(), otherMatch), 190_000)
                .json().path("negotiationId").asText();

        assertThat(fixture.act("accept", shipper, first).status()).isEqualTo(200);
        var competing = fixture.send("get-negotiation.json", otherCarrier, "PATH_NEGOTIATION_ID", second);
        var lateAccept = fixture.act("accept", shipper, second);

        assertThat(competing.json().path("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(lateAccept.status()).isEqualTo(409);
        assertThat(fixture.lanes.findLane(otherTruck.laneId()).orElseThrow().status()).isEqualTo(LaneStatus.OPEN);
        assertThat(fixture.matches.find(otherMatch.id()).orElseThrow().status()).isEqualTo(MatchStatus.RETRACTED);
    }

    @Test
    void aQueueThatCannotBeReachedNeverFailsTheRequestAndHousekeepingHandsTheNotificationOverLater() {
        var reply = fixture.send(fixture.handlerWithUnreachableQueue(), "open-negotiation.json", shipper,
                "PATH_MATCH_ID", deal.matchId(), "AMOUNT", "180000",
                "EXPIRES_AT", fixture.clock.instant().plusSeconds(7_200).toString());

        assertThat(reply.status()).isEqualTo(201);
        assertThat(outboxItems()).hasSize(1);
        assertThat(fixture.notifications()).isEmpty();

        fixture.clock.advance(Duration.ofMinutes(1));
        var run = fixture.housekeeping().handleRequest(Map.of(), fixture.context);

        assertThat(run.get("notificationsHandedOver")).isEqualTo(1);
        assertThat(fixture.notifications()).extracting(Notification::type).containsExactly(NotificationType.OFFER_RECEIVED);
        assertThat(outboxItems()).isEmpty();
    }

    /** Every item but the carrier's compliance record, which the fixture files before the test (ADR 37). */
    private List<Map<String, AttributeValue>> allItems() {
        return fixture.dynamoDb.scanPaginator(request -> request.tableName(fixture.negotiationsTable)
                .consistentRead(true)).items().stream()
                .filter(item -> !item.get("pk").s().startsWith("COMPLIANCE#")).toList();
    }

    private List<Map<String, AttributeValue>> outboxItems() {
        return allItems().stream().filter(item -> item.get("pk").s().startsWith("NOTIFY#")).toList();
    }
}
