package com.backhaulexchange.benchmarks.settlement;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingEvent;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.adapter.dynamodb.DealItems;
import com.backhaulexchange.adapter.json.Json;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchEvaluation;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.deal.negotiation.AccessorialTerms;
import com.backhaulexchange.deal.negotiation.NegotiationId;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.adapter.dynamodb.DynamoDbMatchRepository;
import com.backhaulexchange.function.settlement.SettlementApiHandler;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.testing.Postings;
import com.backhaulexchange.testing.RecordingContext;
import com.backhaulexchange.testing.SampleEventFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Seeding of collaborations and their periods, shared by the period-close and cold-start benchmarks: a
 * collaboration created and accepted through the settlement function's API handler on the sample events, matches
 * posted and saved through the lane and match repositories, and bookings' party copies written as the negotiation
 * function writes them (the only booking items the settler reads).
 */
public final class PeriodSeeding {
    private static final ObjectMapper MAPPER = Json.newMapper();

    private PeriodSeeding() {
    }


    public static String createCollaboration(SettlementApiHandler api, Path events, List<PartnerId> members,
            LocalDate start) throws IOException {
        PartnerId organiser = members.get(0);
        Map<String, String> values = values(organiser);
        values.put("NAME", "Benchmark pool");
        values.put("ORGANISER_ROLE", "MEMBER");
        values.put("START_DATE", start.toString());
        values.put("INVITEE_1", members.get(1).value());
        values.put("INVITEE_2", members.get(2).value());
        APIGatewayProxyRequestEvent create = SampleEventFiles.load(events.resolve("create-collaboration.json"),
                APIGatewayProxyRequestEvent.class, values);
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(create.getBody());
        var invitees = body.putArray("invitees");
        members.subList(1, members.size()).forEach(member -> invitees.add(member.value()));
        create.setBody(MAPPER.writeValueAsString(body));
        var created = api.handleRequest(create, new RecordingContext());
        if (created.getStatusCode() != 201) {
            throw new IllegalStateException("create: " + created.getStatusCode() + " " + created.getBody());
        }
        String id = MAPPER.readTree(created.getBody()).path("collaborationId").asText();
        for (PartnerId invitee : members.subList(1, members.size())) {
            Map<String, String> acceptValues = values(invitee);
            acceptValues.put("PATH_COLLABORATION_ID", id);
            var accepted = api.handleRequest(SampleEventFiles.load(events.resolve(
                    "accept-collaboration-invitation.json"), APIGatewayProxyRequestEvent.class, acceptValues),
                    new RecordingContext());
            if (accepted.getStatusCode() != 200) {
                throw new IllegalStateException("accept: " + accepted.getStatusCode() + " " + accepted.getBody());
            }
        }
        return id;
    }

    /** The placeholders of a partner calling the API: id, key id, roles, a well-formed key. */
    public static Map<String, String> values(PartnerId partner) {
        Map<String, String> values = new HashMap<>();
        String keyId = PartnerExamples.newKeyId().value();
        values.put("PARTNER_ID", partner.value());
        values.put("KEY_ID", keyId);
        values.put("ROLES", "CARRIER,SHIPPER");
        values.put("API_KEY", "bhx_" + partner.value() + "_" + keyId + "_" + "s".repeat(43));
        return values;
    }

    /** A stored match between a fresh truck of {@code carrier} and a fresh load of {@code shipper} (as PeriodFixture). */
    public static Match match(Postings postings, DynamoDbMatchRepository matches, PartnerId carrier,
            PartnerId shipper, Instant laneClock) {
        var truck = postings.post(Postings.truck(carrier));
        var load = postings.post(Postings.load(shipper));
        var evaluation = new MatchEvaluator(MatchingConfig.DEFAULT).evaluate(truck.lane(), Money.of(226, "USD"),
                load.lane());
        var match = Match.proposed(truck, load, (MatchEvaluation.Feasible) evaluation, laneClock);
        if (!matches.save(match, laneClock)) {
            throw new IllegalStateException("match not saved");
        }
        return match;
    }

    public static Booking delivered(Ulid ids, Match match, long agreed, Instant pickupAt) {
        Money amount = Money.of(agreed, "USD");
        NegotiationId negotiation = new NegotiationId(ids.next());
        List<BookingEvent> history = List.of(
                new BookingEvent.Booked(1, pickupAt.minusSeconds(86_400), negotiation, amount),
                new BookingEvent.PickedUp(2, pickupAt, match.carrier(), pickupAt),
                new BookingEvent.Delivered(3, pickupAt.plusSeconds(36_000), match.carrier(),
                        pickupAt.plusSeconds(36_000), null));
        return new Booking(new BookingId(ids.next()), negotiation, match.id(), match.capacityLaneId(),
                match.loadLaneId(), match.carrier(), match.shipper(), amount, AccessorialTerms.usualUsd(),
                pickupAt, BookingStatus.DELIVERED, (BookingEvent.PickedUp) history.get(1),
                (BookingEvent.Delivered) history.get(2), null, history);
    }

    public static Booking cancelledByShipper(Ulid ids, Match match, long agreed, Instant plannedPickup) {
        Money amount = Money.of(agreed, "USD");
        NegotiationId negotiation = new NegotiationId(ids.next());
        var cancelled = new BookingEvent.Cancelled(2, plannedPickup.minusSeconds(3_600), match.shipper(), Side.SHIPPER,
                "plant shut down", AccessorialTerms.usualUsd().tonuFee());
        List<BookingEvent> history = List.of(
                new BookingEvent.Booked(1, plannedPickup.minusSeconds(86_400), negotiation, amount), cancelled);
        return new Booking(new BookingId(ids.next()), negotiation, match.id(), match.capacityLaneId(),
                match.loadLaneId(), match.carrier(), match.shipper(), amount, AccessorialTerms.usualUsd(),
                plannedPickup, BookingStatus.CANCELLED, null, null, cancelled, history);
    }

    /** The booking's two party copies, as the negotiation function writes them (the settler reads only those). */
    public static List<Map<String, AttributeValue>> partyCopies(Booking booking) {
        return List.of(DealItems.partyBookingCopy(booking, booking.carrier()), DealItems.partyBookingCopy(booking, booking.shipper()));
    }

    public static void batchPut(DynamoDbClient dynamoDb, String table, List<Map<String, AttributeValue>> items) {
        for (int i = 0; i < items.size(); i += 25) {
            List<WriteRequest> requests = items.subList(i, Math.min(items.size(), i + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, requests);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> ask = pending;
                var response = dynamoDb.batchWriteItem(request -> request.requestItems(ask));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }
}
