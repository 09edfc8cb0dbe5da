package com.backhaulexchange.function.negotiationbooking;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.testing.Postings;
import com.backhaulexchange.testing.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tracking links (ADR 33) on events/ samples: the shipper's routes through the negotiation-booking handler, the
 * public view through its own handler; what the public sees is checked against an allow-list with sentinel values.
 */
class TrackingLinkApiTest {
    /** Every field the public view may ever have, by JSON pointer; anything else is a leak. */
    private static final Set<String> PUBLIC_FIELDS = Set.of("/status", "/lastKnownArea/latitudeDegrees",
            "/lastKnownArea/longitudeDegrees", "/lastKnownArea/precisionKm", "/lastSeenAt", "/eta",
            "/deliveryWindow/opensAt", "/deliveryWindow/closesAt", "/deliveryWindow/timeZone", "/linkExpiresAt");
    // A position whose digits would show in any field that copied it: 38.123456789, -90.987654321.
    private static final double SENTINEL_LAT = 38.123456789;
    private static final double SENTINEL_LON = -90.987654321;

    private DealFixture fixture;
    private PublicTrackingHandler publicHandler;
    private DealFixture.Caller carrier;
    private DealFixture.Caller shipper;
    private String bookingId;

    @BeforeEach
    void aBookedMovePickedUp() {
        fixture = new DealFixture();
        publicHandler = new PublicTrackingHandler(new FunctionEnvironment(fixture.environment()), fixture.clock);
        carrier = fixture.carrier();
        shipper = fixture.shipper();
        var deal = fixture.matched(carrier, shipper);
        String negotiation = fixture.offer(shipper, deal, 200_000).json().path("negotiationId").asText();
        bookingId = fixture.act("accept", carrier, negotiation).json().path("bookingId").asText();
        fixture.clock.set(Instant.parse("2026-11-23T13:45:00Z"));
    }

    private Reply create(DealFixture.Caller caller, Instant expiresAt) {
        return fixture.send("create-tracking-link.json", caller, "PATH_BOOKING_ID", bookingId, "EXPIRES_AT",
                expiresAt.toString());
    }

    private Reply publicView(String token) {
        var event = DealFixture.event("get-public-tracking.json", Map.of("PATH_TOKEN", token));
        var response = publicHandler.handleRequest(event, fixture.context);
        com.backhaulexchange.contract.OpenApiResponseValidator.shared().assertConforms(event, response);
        return Reply.of(response);
    }

    private void pickUpAndReport() {
        assertThat(fixture.send("record-pickup.json", carrier, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME",
                "2026-11-23T13:30:00Z").status()).isEqualTo(200);
        fixture.clock.set(Instant.parse("2026-11-24T02:00:00Z"));
        var reported = fixture.send("report-positions.json", carrier, "PATH_BOOKING_ID", bookingId, "REPORTED_AT_1",
                "2026-11-24T01:00:00Z", "LATITUDE_1", "38.10", "LONGITUDE_1", "-90.90", "REPORTED_AT_2",
                "2026-11-24T01:59:30Z", "LATITUDE_2", Double.toString(SENTINEL_LAT), "LONGITUDE_2",
                Double.toString(SENTINEL_LON));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(200);
    }

    @Test
    void theShipperSharesALinkWhoseHolderSeesTheCoarseAreaAndEtaUntilItIsRevoked() {
        var created = create(shipper, fixture.clock.instant().plus(Duration.ofDays(3)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.json().path("token").asText();
        assertThat(token).startsWith("trk_");
        assertThat(created.json().path("publicPath").asText()).isEqualTo("/public/tracking/" + token);

        var scheduled = publicView(token);
        assertThat(scheduled.status()).isEqualTo(200);
        assertThat(scheduled.json().path("status").asText()).isEqualTo("SCHEDULED");
        assertThat(scheduled.json().has("lastKnownArea")).isFalse();

        pickUpAndReport();
        var inTransit = publicView(token);
        assertThat(inTransit.status()).isEqualTo(200);
        JsonNode view = inTransit.json();
        assertThat(view.path("status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(view.path("lastKnownArea").path("latitudeDegrees").asDouble()).isEqualTo(38.15);
        assertThat(view.path("lastKnownArea").path("longitudeDegrees").asDouble()).isEqualTo(-90.95);
        assertThat(view.path("lastSeenAt").asText()).isEqualTo("2026-11-24T01:59:00Z");
        assertThat(view.path("eta").asText()).isNotEmpty();
        assertThat(inTransit.headers()).containsEntry("Cache-Control", "no-store");

        var listed = fixture.send("list-tracking-links.json", shipper, "PATH_BOOKING_ID", bookingId);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("items")).hasSize(1);
        assertThat(listed.body()).doesNotContain(token.substring(4));
        String linkId = listed.json().path("items").get(0).path("linkId").asText();

        var revoked = fixture.send("revoke-tracking-link.json", shipper, "PATH_BOOKING_ID", bookingId,
                "PATH_LINK_ID", linkId);
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(fixture.send("revoke-tracking-link.json", shipper, "PATH_BOOKING_ID", bookingId, "PATH_LINK_ID",
                linkId).status()).as("again").isEqualTo(204);
        assertThat(fixture.send("list-tracking-links.json", shipper, "PATH_BOOKING_ID", bookingId).json()
                .path("items").get(0).path("status").asText()).isEqualTo("REVOKED");
        assertThat(publicView(token).status()).isEqualTo(404);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameLinkAndToken() {
        var values = shipper.values("PATH_BOOKING_ID", bookingId, "EXPIRES_AT",
                fixture.clock.instant().plus(Duration.ofDays(2)).toString());
        var event = DealFixture.event("create-tracking-link.json", values);
        event.getHeaders().put("Idempotency-Key", "f1c2d3e4-link-retry-0001");
        var first = fixture.send(event);
        var again = fixture.send(event);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("token")).isEqualTo(first.json().path("token"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(fixture.send("list-tracking-links.json", shipper, "PATH_BOOKING_ID", bookingId).json()
                .path("items")).hasSize(1);
    }

    @Test
    void revokedExpiredUnknownAndMalformedTokensAreTheSame404() {
        String revokedToken = create(shipper, fixture.clock.instant().plus(Duration.ofDays(1))).json().path("token")
                .asText();
        String linkId = fixture.send("list-tracking-links.json", shipper, "PATH_BOOKING_ID", bookingId).json()
                .path("items").get(0).path("linkId").asText();
        fixture.send("revoke-tracking-link.json", shipper, "PATH_BOOKING_ID", bookingId, "PATH_LINK_ID", linkId);
        String expiringToken = create(shipper, fixture.clock.instant().plusSeconds(60)).json().path("token").asText();
        fixture.clock.set(fixture.clock.instant().plusSeconds(61));

        List<Reply> replies = new ArrayList<>();
        for (String token : List.of(revokedToken, expiringToken, "trk_" + "A".repeat(43), "not-a-token")) {
            replies.add(publicView(token));
        }
        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(404));
        assertThat(replies.stream().map(Reply::problemWithoutRequestIdentity).distinct())
                .as("nothing tells them apart").hasSize(1);
    }

    @Test
    void thePublicViewHasNoFieldBeyondItsAllowListAndNoSentinelOfTheParties() {
        String token = create(shipper, fixture.clock.instant().plus(Duration.ofDays(3))).json().path("token").asText();
        pickUpAndReport();
        var reply = publicView(token);
        assertThat(reply.status()).isEqualTo(200);
        List<String> fields = new ArrayList<>();
        collect(reply.json(), "", fields);
        assertThat(PUBLIC_FIELDS).containsAll(fields);
        assertThat(fields).contains("/lastKnownArea/latitudeDegrees", "/eta", "/deliveryWindow/opensAt");
        // Sentinels: the exact position, the parties' ids and names, the price, the booking's and lanes' ids.
        assertThat(reply.body()).doesNotContain("123456", "987654", carrier.id(), shipper.id(), bookingId,
                carrier.partner().profile().legalName(), shipper.partner().profile().legalName(), "200000", "2000.00",
                Postings.ST_LOUIS.label());
    }

    @Test
    void onceDeliveredTheViewIsTheStatusAlone() {
        String token = create(shipper, fixture.clock.instant().plus(Duration.ofDays(3))).json().path("token").asText();
        pickUpAndReport();
        fixture.clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        var delivered = fixture.send("record-delivery.json", carrier, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME",
                "2026-11-24T15:00:00Z");
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        assertThat(publicView(token).json().toString()).isEqualTo("{\"status\":\"DELIVERED\"}");
    }

    @Test
    void onlyTheShipperManagesLinksAndBadExpiriesAreRefusedWritingNothing() {
        var byCarrier = create(carrier, fixture.clock.instant().plusSeconds(3_600));
        assertThat(byCarrier.status()).isEqualTo(403);
        assertThat(byCarrier.json().path("reasonCode").asText()).isEqualTo("WRONG_PARTY");
        var stranger = fixture.carrier();
        assertThat(create(stranger, fixture.clock.instant().plusSeconds(3_600)).status()).isEqualTo(404);
        assertThat(fixture.send("list-tracking-links.json", stranger, "PATH_BOOKING_ID", bookingId).status())
                .isEqualTo(404);
        assertThat(fixture.send("list-tracking-links.json", carrier, "PATH_BOOKING_ID", bookingId).status())
                .isEqualTo(403);

        var tooFar = create(shipper, fixture.clock.instant().plus(Duration.ofDays(31)));
        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(tooFar.json().path("reasonCode").asText()).isEqualTo("EXPIRY_TOO_FAR");
        assertThat(tooFar.body()).contains("/expiresAt");
        assertThat(create(shipper, fixture.clock.instant().minusSeconds(1)).status()).isEqualTo(400);
        assertThat(fixture.send("list-tracking-links.json", shipper, "PATH_BOOKING_ID", bookingId).json()
                .path("items")).isEmpty();
        assertThat(fixture.send("revoke-tracking-link.json", shipper, "PATH_BOOKING_ID", bookingId, "PATH_LINK_ID",
                "01JDTRKN000000000000000001").status()).isEqualTo(404);
    }

    private static void collect(JsonNode node, String at, List<String> fields) {
        if (node.isObject()) {
            node.properties().forEach(field -> collect(field.getValue(), at + "/" + field.getKey(), fields));
        } else {
            fields.add(at);
        }
    }
}
