package com.backhaulexchange.function.settlement;

import com.backhaulexchange.adapter.dynamodb.DynamoDbCollaborationStore;
import com.backhaulexchange.settlement.collaboration.CollaborationStore;
import com.backhaulexchange.kernel.id.Ulid;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingEvent;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.booking.BookingStatus;
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
import com.backhaulexchange.adapter.dynamodb.DealItems;
import com.backhaulexchange.adapter.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbMatchRepository;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.testing.Postings;
import com.backhaulexchange.testing.TemplateTables;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Period close on top of {@link CollaborationFixture}: fresh LanesTable and NegotiationsTable holding the
 * members' matches and bookings as the other functions write them, and the settler and schedule handlers.
 */
final class PeriodFixture {
    /** Tuesday 10 November 2026: before the test collaborations' start date (Monday 16 November). */
    static final Instant BEFORE_START = Instant.parse("2026-11-10T12:00:00Z");

    final CollaborationFixture api = new CollaborationFixture(BEFORE_START);
    final String lanesTable = TemplateTables.createFresh(api.dynamoDb, "LanesTable");
    final String negotiationsTable = api.negotiationsTable;
    final DynamoDbLaneRepository lanes = new DynamoDbLaneRepository(api.dynamoDb, lanesTable);
    final DynamoDbMatchRepository matches = new DynamoDbMatchRepository(api.dynamoDb, lanesTable);
    final Postings postings = new Postings(lanes, api.clock);
    final com.backhaulexchange.kernel.id.Ulid ids = new com.backhaulexchange.kernel.id.Ulid(api.clock, new SecureRandom());
    final CollaborationStore store = new DynamoDbCollaborationStore(api.dynamoDb, api.collaborationsTable);

    Map<String, String> environment() {
        Map<String, String> variables = new HashMap<>(api.environment());
        variables.put("NEGOTIATIONS_TABLE_NAME", negotiationsTable);
        variables.put("LANES_TABLE_NAME", lanesTable);
        return variables;
    }

    PeriodSettlerHandler settler() {
        return new PeriodSettlerHandler(new FunctionEnvironment(environment()), api.clock);
    }

    PeriodSettlerHandler settler(CollaborationStore withStore) {
        return new PeriodSettlerHandler(new FunctionEnvironment(environment()), api.clock, withStore);
    }

    SettlementScheduleHandler schedule() {
        return new SettlementScheduleHandler(new FunctionEnvironment(environment()), api.clock);
    }

    /** Runs the settler on messages for (collaboration, period) pairs; returns the ids of failed messages. */
    List<String> settle(PeriodSettlerHandler handler, String collaborationId, long... periods) {
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (long period : periods) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m-" + records.size());
            message.setBody("{\"collaborationId\":\"" + collaborationId + "\",\"periodIndex\":" + period + "}");
            records.add(message);
        }
        event.setRecords(records);
        SQSBatchResponse response = handler.handleRequest(event, api.context);
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    /** A stored match between a fresh truck of {@code carrier} and a fresh load of {@code shipper}. */
    Match match(PartnerId carrier, PartnerId shipper) {
        return match(carrier, shipper, null);
    }

    /** A match of a truck that carries its carrier's fleet fuel economy (null: the default truck, ADR 47). */
    Match match(PartnerId carrier, PartnerId shipper, com.backhaulexchange.emissions.FleetFuelEconomy fleet) {
        var truck = postings.post(Postings.truck(carrier).withFleetFuelEconomy(fleet));
        var load = postings.post(Postings.load(shipper));
        var evaluation = new MatchEvaluator(MatchingConfig.DEFAULT).evaluate(truck.lane(), Money.of(226, "USD"),
                load.lane());
        assertThat(evaluation).isInstanceOf(MatchEvaluation.Feasible.class);
        var match = Match.proposed(truck, load, (MatchEvaluation.Feasible) evaluation, api.clock.instant());
        assertThat(matches.save(match, api.clock.instant())).isTrue();
        return match;
    }

    /** A delivered booking on {@code match} at {@code agreed} cents, picked up at {@code pickupAt}. */
    Booking delivered(Match match, long agreed, Instant pickupAt) {
        Money amount = Money.of(agreed, "USD");
        NegotiationId negotiation = new NegotiationId(ids.next());
        List<BookingEvent> history = List.of(
                new BookingEvent.Booked(1, pickupAt.minusSeconds(86_400), negotiation, amount),
                new BookingEvent.PickedUp(2, pickupAt, match.carrier(), pickupAt),
                new BookingEvent.Delivered(3, pickupAt.plusSeconds(36_000), match.carrier(),
                        pickupAt.plusSeconds(36_000), null));
        return store(new Booking(new BookingId(ids.next()), negotiation, match.id(), match.capacityLaneId(),
                match.loadLaneId(), match.carrier(), match.shipper(), amount, AccessorialTerms.usualUsd(),
                pickupAt, BookingStatus.DELIVERED, (BookingEvent.PickedUp) history.get(1),
                (BookingEvent.Delivered) history.get(2), null, history));
    }

    /**
     * A delivered booking of one load of a booked package deal, as the negotiation function makes it (ADR 32): the
     * deal's id as its negotiation, the pair's match id, at {@code agreed} cents, picked up at {@code pickupAt}.
     */
    Booking deliveredPackageLeg(com.backhaulexchange.deal.packagedeal.PackageDealId deal,
            com.backhaulexchange.lane.CapacityLaneId truck, com.backhaulexchange.lane.LoadLaneId load, PartnerId carrier,
            PartnerId shipper, long agreed, Instant pickupAt) {
        Money amount = Money.of(agreed, "USD");
        NegotiationId negotiation = new NegotiationId(deal.value());
        List<BookingEvent> history = List.of(
                new BookingEvent.Booked(1, pickupAt.minusSeconds(86_400), negotiation, amount),
                new BookingEvent.PickedUp(2, pickupAt, carrier, pickupAt),
                new BookingEvent.Delivered(3, pickupAt.plusSeconds(36_000), carrier, pickupAt.plusSeconds(36_000),
                        null));
        return store(new Booking(new BookingId(ids.next()), negotiation,
                com.backhaulexchange.matching.MatchId.of(truck, load), truck, load, carrier, shipper, amount,
                AccessorialTerms.usualUsd(), pickupAt, BookingStatus.DELIVERED, (BookingEvent.PickedUp) history.get(1),
                (BookingEvent.Delivered) history.get(2), null, history));
    }

    /** A booking the shipper cancelled inside the TONU window (the usual USD 200 fee), pickup planned then. */
    Booking cancelledByShipper(Match match, long agreed, Instant plannedPickup) {
        Money amount = Money.of(agreed, "USD");
        NegotiationId negotiation = new NegotiationId(ids.next());
        var cancelled = new BookingEvent.Cancelled(2, plannedPickup.minusSeconds(3_600), match.shipper(), Side.SHIPPER,
                "plant shut down", AccessorialTerms.usualUsd().tonuFee());
        List<BookingEvent> history = List.of(
                new BookingEvent.Booked(1, plannedPickup.minusSeconds(86_400), negotiation, amount), cancelled);
        return store(new Booking(new BookingId(ids.next()), negotiation, match.id(), match.capacityLaneId(),
                match.loadLaneId(), match.carrier(), match.shipper(), amount, AccessorialTerms.usualUsd(),
                plannedPickup, BookingStatus.CANCELLED, null, null, cancelled, history));
    }

    /** The shipper's answer to the carrier's detention claim at one stop, stored as the negotiation function does. */
    void detention(Booking booking, com.backhaulexchange.tracking.StopKind stop, long chargeMinorUnits,
            com.backhaulexchange.tracking.DetentionClaim.Status status) {
        Instant arrived = booking.pickup().actualTime().minusSeconds(4 * 3_600);
        var detention = new com.backhaulexchange.tracking.Detention(stop, arrived, arrived.plusSeconds(3 * 3_600),
                arrived, 180, 2, 60, Money.of(5_000, "USD"), Money.of(chargeMinorUnits, "USD"));
        var claim = new com.backhaulexchange.tracking.DetentionClaim(booking.id(), detention, status,
                arrived.plusSeconds(4 * 3_600), arrived.plusSeconds(5 * 3_600),
                status == com.backhaulexchange.tracking.DetentionClaim.Status.DISPUTED ? "gate log says otherwise"
                        : null);
        new com.backhaulexchange.adapter.dynamodb.DynamoDbDetentionClaimStore(api.dynamoDb, negotiationsTable)
                .save(claim, null, List.of());
    }

    /** Writes the booking's two party copies as the negotiation function does (the settler reads only those). */
    private Booking store(Booking booking) {
        for (PartnerId party : List.of(booking.carrier(), booking.shipper())) {
            api.dynamoDb.putItem(request -> request.tableName(negotiationsTable)
                    .item(DealItems.partyBookingCopy(booking, party)));
        }
        return booking;
    }

    /** Every item of the collaboration's partition whose sort key starts with {@code prefix}. */
    List<Map<String, AttributeValue>> items(String collaborationId, String prefix) {
        return api.dynamoDb.query(request -> request.tableName(api.collaborationsTable).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("COLLAB#" + collaborationId),
                        ":prefix", AttributeValue.fromS(prefix)))).items();
    }

    /**
     * The settlement document of a committed period exactly as stored: its chunks in order, gunzipped (the
     * bytes the tests compare across reruns, crashes and later periods).
     */
    byte[] storedDocument(String collaborationId, long index) {
        String header = String.format("PERIOD#%010d", index);
        var out = new java.io.ByteArrayOutputStream();
        items(collaborationId, header + "#CHUNK#")
                .forEach(chunk -> out.writeBytes(chunk.get("data").b().asByteArray()));
        assertThat(out.size()).as("period " + index + " is committed").isPositive();
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
