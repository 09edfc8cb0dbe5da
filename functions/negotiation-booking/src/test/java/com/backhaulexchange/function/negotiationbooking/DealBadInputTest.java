package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.testing.JsonLiterals;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.contract.OpenApiResponseValidator;
import com.backhaulexchange.testing.Reply;
import com.backhaulexchange.testing.TableContents;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values an attacker-style run sent to the offer, auto-accept and booking routes: each is a 400 problem pointing
 * at the field, never a 500 and never coerced, and no table changes.
 */
class DealBadInputTest {
    private static final String[] BAD_TIMES = {"", " ", "2026-12-03", "2026-02-30T10:00:00Z",
            "2026-11-23T13:30:00-23:59", "2026-11-23T13:30Z", "2026-11-23T13:30:00Z[America/Chicago]",
            "2026-11-23T13:30:00Z[Mars/Olympus]"};
    private DealFixture fixture;
    private DealFixture.Caller carrier;
    private DealFixture.Caller shipper;
    private DealFixture.Deal deal;

    @BeforeEach
    void aMatch() {
        fixture = new DealFixture();
        carrier = fixture.carrier();
        shipper = fixture.shipper();
        deal = fixture.matched(carrier, shipper);
        fixture.notifications();
    }

    @ParameterizedTest(name = "currency {0}")
    @ValueSource(strings = {"ZZZ", "XXX", "XTS", "XAU"})
    void anUnknownOrPseudoCurrencyOnAnyMoneyFieldIsPointedAt(String currency) {
        offerRefused(body -> ((ObjectNode) body.path("amount")).put("currency", currency), "/amount/currency");
        offerRefused(body -> ((ObjectNode) body.path("accessorials").path("tonuFee")).put("currency", currency),
                "/accessorials/tonuFee/currency");
        offerRefused(body -> ((ObjectNode) body.path("accessorials").path("detentionRatePerHour"))
                .put("currency", currency), "/accessorials/detentionRatePerHour/currency");
        refused("set-auto-accept-price.json", carrier, body -> ((ObjectNode) body.path("amount"))
                .put("currency", currency), "/amount/currency", "PATH_LANE_ID", deal.truck().laneId(),
                "AMOUNT", "199999");
    }

    @ParameterizedTest(name = "detentionFreeHours {0}")
    @ValueSource(strings = {"1e308", "9223372036854775808", "2.5", "-1", "49"})
    void anInexactOrOutOfRangeWholeNumberIsPointedAt(String hours) {
        offerRefused(body -> ((ObjectNode) body.path("accessorials")).set("detentionFreeHours", JsonLiterals.number(hours)),
                "/accessorials/detentionFreeHours");
    }

    @Test
    void anImpossibleExpiryIsPointedAt() {
        for (String time : BAD_TIMES) {
            offerRefused(body -> body.put("expiresAt", time), "/expiresAt");
        }
    }

    @Test
    void anImpossiblePickupOrDeliveryTimeIsPointedAt() {
        String negotiation = fixture.offer(shipper, deal, 200_000).json().path("negotiationId").asText();
        String bookingId = fixture.act("accept", carrier, negotiation).json().path("bookingId").asText();
        fixture.clock.set(Instant.parse("2026-11-23T13:45:00Z"));
        fixture.notifications();
        for (String time : BAD_TIMES) {
            refused("record-pickup.json", carrier, body -> body.put("actualTime", time), "/actualTime",
                    "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME", "2026-11-23T13:30:00Z");
            refused("record-delivery.json", carrier, body -> body.put("actualTime", time), "/actualTime",
                    "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME", "2026-11-23T13:30:00Z");
        }
    }

    private void offerRefused(Consumer<ObjectNode> change, String pointer) {
        refused("open-negotiation.json", shipper, change, pointer, "PATH_MATCH_ID", deal.matchId(), "AMOUNT",
                "200000", "EXPIRES_AT", fixture.clock.instant().plusSeconds(7_200).toString());
    }

    private void refused(String sample, DealFixture.Caller caller, Consumer<ObjectNode> change, String pointer,
            String... namesAndValues) {
        var before = TableContents.of(fixture.dynamoDb, fixture.partnersTable, fixture.lanesTable,
                fixture.negotiationsTable);
        var event = DealFixture.event(sample, caller.values(namesAndValues));
        ObjectNode body = JsonLiterals.object(event.getBody());
        change.accept(body);
        event.setBody(body.toString());

        var response = fixture.handler.handleRequest(event, fixture.context);
        OpenApiResponseValidator.shared().assertConforms(event, response);
        Reply reply = Reply.of(response);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reply.errorPointers()).as(reply.body()).contains(pointer);
        assertThat(TableContents.of(fixture.dynamoDb, fixture.partnersTable, fixture.lanesTable,
                fixture.negotiationsTable)).as("nothing written").isEqualTo(before);
        assertThat(fixture.notifications()).as("nothing notified").isEmpty();
    }
}
