package com.backhaulexchange.function.negotiationbooking;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.testing.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gaps the console found (ADR 40), through the function on DynamoDB Local, every response through the OpenAPI
 * validator: an agreed negotiation names its booking, read alone and in the list; the list's rows carry their load's
 * places; a broker lists the bookings of the principal whose delegation it holds, and nobody else's.
 */
class ListingsAndBrokersTest {
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

    private String agreedBooking(String negotiationId) {
        Reply accepted = fixture.act("accept", carrier, negotiationId);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        return accepted.json().path("bookingId").asText();
    }

    private static JsonNode row(Reply listed, String negotiationId) {
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        for (JsonNode item : listed.json().path("items")) {
            if (item.path("negotiationId").asText().equals(negotiationId)) {
                return item;
            }
        }
        throw new AssertionError("negotiation " + negotiationId + " is not listed: " + listed);
    }

    @Test
    void anAgreedNegotiationNamesItsBookingReadAloneAndInEitherPartysList() {
        String id = fixture.offer(shipper, deal, 180_000).json().path("negotiationId").asText();
        Reply open = fixture.send("get-negotiation.json", shipper, "PATH_NEGOTIATION_ID", id);
        assertThat(open.json().has("bookingId")).as("no booking before the agreement").isFalse();
        assertThat(row(fixture.send("list-negotiations.json", shipper), id).has("bookingId")).isFalse();

        String bookingId = agreedBooking(id);

        for (var party : List.of(carrier, shipper)) {
            Reply read = fixture.send("get-negotiation.json", party, "PATH_NEGOTIATION_ID", id);
            assertThat(read.json().path("status").asText()).isEqualTo("AGREED");
            assertThat(read.json().path("bookingId").asText()).isEqualTo(bookingId);
            assertThat(row(fixture.send("list-negotiations.json", party), id).path("bookingId").asText())
                    .isEqualTo(bookingId);
            Reply booking = fixture.send("get-booking.json", party, "PATH_BOOKING_ID", bookingId);
            assertThat(booking.json().path("negotiationId").asText()).isEqualTo(id);
        }
    }

    @Test
    void eachRowNamesItsLoadsOriginAndDestination() {
        String id = fixture.offer(shipper, deal, 180_000).json().path("negotiationId").asText();
        String origin = deal.load().lane().origin().label();
        String destination = deal.load().lane().destination().label();

        for (var party : List.of(carrier, shipper)) {
            JsonNode row = row(fixture.send("list-negotiations.json", party), id);
            assertThat(row.path("origin").asText()).isEqualTo(origin);
            assertThat(row.path("destination").asText()).isEqualTo(destination);
        }
        Reply read = fixture.send("get-negotiation.json", carrier, "PATH_NEGOTIATION_ID", id);
        assertThat(read.json().path("origin").asText()).isEqualTo(origin);
        assertThat(read.json().path("destination").asText()).isEqualTo(destination);
        assertThat(origin).isNotBlank().isNotEqualTo(destination);
    }

    @Test
    void aBrokerListsThePrincipalsBookingsWhileTheDelegationIsInForceAndIsRefusedAfterItsRevocation() {
        var broker = fixture.broker();
        String bookingId = agreedBooking(fixture.offer(shipper, deal, 180_000).json().path("negotiationId").asText());

        Reply before = fixture.send("list-bookings-for-a-principal.json", broker, "PRINCIPAL_ID", shipper.id());
        assertThat(before.status()).as("no delegation: " + before).isEqualTo(403);
        assertThat(before.json().path("reasonCode").asText()).isEqualTo("DELEGATION_MISSING");
        assertThat(before.body()).doesNotContain(bookingId);

        assertThat(fixture.send("grant-delegation.json", shipper, "PATH_BROKER_ID", broker.id()).status()).isEqualTo(200);
        Reply listed = fixture.send("list-bookings-for-a-principal.json", broker, "PRINCIPAL_ID", shipper.id());
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().path("items")).extracting(item -> item.path("bookingId").asText())
                .containsExactly(bookingId);
        assertThat(fixture.send("list-bookings.json", broker).json().path("items")).as("the broker's own: none")
                .isEmpty();

        Reply otherParty = fixture.send("list-bookings-for-a-principal.json", broker, "PRINCIPAL_ID", carrier.id());
        assertThat(otherParty.status()).as("the carrier delegated nothing").isEqualTo(403);
        assertThat(otherParty.body()).doesNotContain(bookingId);

        fixture.send("revoke-delegation.json", shipper, "PATH_BROKER_ID", broker.id());
        Reply revoked = fixture.send("list-bookings-for-a-principal.json", broker, "PRINCIPAL_ID", shipper.id());
        assertThat(revoked.status()).isEqualTo(403);
        assertThat(revoked.json().path("reasonCode").asText()).isEqualTo("DELEGATION_MISSING");
        assertThat(revoked.body()).doesNotContain(bookingId);
        Reply negotiations = fixture.send("list-open-negotiations-for-a-principal.json", broker, "PRINCIPAL_ID",
                shipper.id());
        assertThat(negotiations.status()).as("the negotiation list follows the same rule").isEqualTo(403);
    }

    @Test
    void aStrangerWithoutDelegationAndAPartyNamingItselfAreAnsweredByTheRule() {
        String bookingId = agreedBooking(fixture.offer(shipper, deal, 180_000).json().path("negotiationId").asText());
        var stranger = fixture.carrier();

        Reply refused = fixture.send("list-bookings-for-a-principal.json", stranger, "PRINCIPAL_ID", shipper.id());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain(bookingId);
        Reply unknown = fixture.send("list-bookings-for-a-principal.json", stranger, "PRINCIPAL_ID",
                "01HZZZZZZZZZZZZZZZZZZZZZZZ");
        assertThat(unknown.problemWithoutRequestIdentity()).as("an existing partner reads as an unknown one")
                .isEqualTo(refused.problemWithoutRequestIdentity());

        Reply own = fixture.send("list-bookings-for-a-principal.json", shipper, "PRINCIPAL_ID", shipper.id());
        assertThat(own.json().path("items")).extracting(item -> item.path("bookingId").asText())
                .containsExactly(bookingId);
        Reply malformed = fixture.send("list-bookings-for-a-principal.json", shipper, "PRINCIPAL_ID", "not-a-partner");
        assertThat(malformed.status()).isEqualTo(400);
    }
}
