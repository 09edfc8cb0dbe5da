package com.backhaulexchange.function.negotiationbooking;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.testing.Reply;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Someone who may not see an object (no party of it, no delegation in force from any party) gets exactly the
 * answer an id that names nothing gets: same status, type, title and detail, no reasonCode. Otherwise a
 * stranger could probe ids and tell foreign matches, negotiations, bookings and lanes from missing ones.
 */
class ExistenceOracleTest {
    private static final String UNKNOWN_ULID = "01HZZZZZZZZZZZZZZZZZZZZZZZ";
    private static final String UNKNOWN_MATCH_ID = "0123456789abcdef0123456789abcdef";

    private DealFixture fixture;
    private DealFixture.Caller carrier;
    private DealFixture.Caller shipper;
    private DealFixture.Deal openDeal;
    private String negotiationId;
    private String bookingId;

    @BeforeEach
    void anOpenNegotiationAndABooking() {
        fixture = new DealFixture();
        carrier = fixture.carrier();
        shipper = fixture.shipper();
        openDeal = fixture.matched(carrier, shipper);
        negotiationId = fixture.offer(shipper, openDeal, 180_000).json().path("negotiationId").asText();
        var bookedDeal = fixture.matched(carrier, shipper);
        String booked = fixture.offer(shipper, bookedDeal, 200_000).json().path("negotiationId").asText();
        bookingId = fixture.act("accept", carrier, booked).json().path("bookingId").asText();
        assertThat(bookingId).isNotBlank();
    }

    /** A partner unrelated to the deals, a broker nobody delegated to, and one whose delegation was revoked. */
    private List<DealFixture.Caller> outsiders() {
        var revokedBroker = fixture.broker();
        fixture.send("grant-delegation.json", shipper, "PATH_BROKER_ID", revokedBroker.id());
        fixture.send("revoke-delegation.json", shipper, "PATH_BROKER_ID", revokedBroker.id());
        return List.of(fixture.shipper(), fixture.broker(), revokedBroker);
    }

    @Test
    void negotiationRoutesAnswerAForeignIdAsAnUnknownOne() {
        for (var outsider : outsiders()) {
            Function<String, List<Reply>> allRoutes = id -> List.of(
                    fixture.send("get-negotiation.json", outsider, "PATH_NEGOTIATION_ID", id),
                    fixture.send("get-negotiation-history.json", outsider, "PATH_NEGOTIATION_ID", id),
                    fixture.counter(outsider, id, 190_000),
                    fixture.act("accept", outsider, id),
                    fixture.act("reject", outsider, id),
                    fixture.act("withdraw", outsider, id));
            assertIndistinguishable(allRoutes.apply(negotiationId), allRoutes.apply(UNKNOWN_ULID));
        }
    }

    @Test
    void openingANegotiationAnswersAForeignMatchAsAnUnknownOne() {
        for (var outsider : outsiders()) {
            var foreign = fixture.offer(outsider, openDeal, 150_000);
            var unknown = fixture.send("open-negotiation.json", outsider, "PATH_MATCH_ID", UNKNOWN_MATCH_ID,
                    "AMOUNT", "150000", "EXPIRES_AT", fixture.clock.instant().plusSeconds(7_200).toString());
            assertIndistinguishable(List.of(foreign), List.of(unknown));
        }
    }

    @Test
    void bookingRoutesAnswerAForeignIdAsAnUnknownOne() {
        String at = fixture.clock.instant().toString();
        for (var outsider : outsiders()) {
            Function<String, List<Reply>> allRoutes = id -> List.of(
                    fixture.send("get-booking.json", outsider, "PATH_BOOKING_ID", id),
                    fixture.send("get-rate-confirmation.json", outsider, "PATH_BOOKING_ID", id),
                    fixture.send("record-pickup.json", outsider, "PATH_BOOKING_ID", id, "ACTUAL_TIME", at),
                    fixture.send("record-delivery.json", outsider, "PATH_BOOKING_ID", id, "ACTUAL_TIME", at),
                    fixture.send("cancel-booking.json", outsider, "PATH_BOOKING_ID", id, "REASON", "Plans changed."));
            assertIndistinguishable(allRoutes.apply(bookingId), allRoutes.apply(UNKNOWN_ULID));
        }
    }

    @Test
    void autoAcceptPriceRoutesAnswerAForeignLaneAsAnUnknownOne() {
        for (var outsider : outsiders()) {
            Function<String, List<Reply>> allRoutes = id -> List.of(
                    fixture.send("get-auto-accept-price.json", outsider, "PATH_LANE_ID", id),
                    fixture.send("set-auto-accept-price.json", outsider, "PATH_LANE_ID", id, "AMOUNT", "170000"));
            assertIndistinguishable(allRoutes.apply(openDeal.load().laneId()), allRoutes.apply(UNKNOWN_ULID));
        }
    }

    @Test
    void delegatingToAPartnerWhoIsNoBrokerAnswersAsAnUnknownId() {
        var outsider = fixture.shipper();
        var toAShipper = fixture.send("grant-delegation.json", outsider, "PATH_BROKER_ID", shipper.id());
        var toNobody = fixture.send("grant-delegation.json", outsider, "PATH_BROKER_ID", UNKNOWN_ULID);
        assertIndistinguishable(List.of(toAShipper), List.of(toNobody));
    }

    @Test
    void aBrokerWhoMaySeeTheNegotiationIsStillToldWhichDelegationItLacks() {
        var broker = fixture.broker();
        fixture.send("grant-delegation.json", carrier, "PATH_BROKER_ID", broker.id());
        var event = DealFixture.event("accept-offer.json", broker.values("PATH_NEGOTIATION_ID", negotiationId));
        event.setQueryStringParameters(Map.of("side", "SHIPPER"));
        event.setMultiValueQueryStringParameters(Map.of("side", List.of("SHIPPER")));
        var forTheShipper = fixture.send(event);
        assertThat(forTheShipper.status()).as(forTheShipper.toString()).isEqualTo(403);
        assertThat(forTheShipper.json().path("reasonCode").asText()).isEqualTo("DELEGATION_MISSING");
    }

    private static void assertIndistinguishable(List<Reply> foreign, List<Reply> unknown) {
        assertThat(foreign).hasSameSizeAs(unknown);
        for (int i = 0; i < foreign.size(); i++) {
            assertThat(foreign.get(i).status()).as(foreign.get(i).toString()).isEqualTo(404);
            assertThat(foreign.get(i).json().has("reasonCode")).as(foreign.get(i).toString()).isFalse();
            assertThat(foreign.get(i).problemWithoutRequestIdentity()).as("route #%d", i)
                    .isEqualTo(unknown.get(i).problemWithoutRequestIdentity());
        }
    }
}
