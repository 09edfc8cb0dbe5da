package com.backhaulexchange.function.negotiationbooking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.testing.Postings;
import com.backhaulexchange.testing.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Detention on events/ samples (ADR 38): the delivery window opens Tuesday 06:00 Chicago (12:00Z); the offer gives 2
 * free hours and USD 50 an hour. The truck is at St. Louis from 11:30Z (early: the clock starts at 12:00Z) and
 * leaves at 15:31Z: 211 minutes, 91 beyond the free time, billed as 7 quarter hours, USD 87.50.
 */
class DetentionApiTest {
    private static final double ST_LOUIS_LAT = Postings.ST_LOUIS.coordinates().latitudeDegrees();
    private static final double ST_LOUIS_LON = Postings.ST_LOUIS.coordinates().longitudeDegrees();

    private DealFixture fixture;
    private DealFixture.Caller carrier;
    private DealFixture.Caller shipper;
    private String bookingId;

    @BeforeEach
    void aBookedMovePickedUp() {
        fixture = new DealFixture();
        carrier = fixture.carrier();
        shipper = fixture.shipper();
        var deal = fixture.matched(carrier, shipper);
        String negotiation = fixture.offer(shipper, deal, 200_000).json().path("negotiationId").asText();
        bookingId = fixture.act("accept", carrier, negotiation).json().path("bookingId").asText();
        fixture.clock.set(Instant.parse("2026-11-23T13:45:00Z"));
        assertThat(fixture.send("record-pickup.json", carrier, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME",
                "2026-11-23T13:30:00Z").status()).isEqualTo(200);
        fixture.notifications();
    }

    private Reply positions(String at1, double lat1, String at2, double lat2) {
        return fixture.send("report-positions.json", carrier, "PATH_BOOKING_ID", bookingId, "REPORTED_AT_1", at1,
                "LATITUDE_1", Double.toString(lat1), "LONGITUDE_1", Double.toString(ST_LOUIS_LON), "REPORTED_AT_2",
                at2, "LATITUDE_2", Double.toString(lat2), "LONGITUDE_2", Double.toString(ST_LOUIS_LON));
    }

    private void atTheDeliveryFrom1130To1531() {
        fixture.clock.set(Instant.parse("2026-11-24T11:50:00Z"));
        assertThat(positions("2026-11-24T11:30:00Z", ST_LOUIS_LAT + 0.003, "2026-11-24T11:45:00Z",
                ST_LOUIS_LAT + 0.003).status()).isEqualTo(200);
        fixture.clock.set(Instant.parse("2026-11-24T15:45:00Z"));
        var left = positions("2026-11-24T15:31:00Z", ST_LOUIS_LAT - 0.1, "2026-11-24T15:40:00Z", ST_LOUIS_LAT - 0.2);
        assertThat(left.status()).as(left.toString()).isEqualTo(200);
        assertThat(left.json().path("stops").path("delivery").path("departedAt").asText())
                .isEqualTo("2026-11-24T15:31:00Z");
    }

    private Reply read(DealFixture.Caller caller) {
        return fixture.send("get-booking-detention.json", caller, "PATH_BOOKING_ID", bookingId);
    }

    private Reply step(String sample, DealFixture.Caller caller, String stop, String... more) {
        String[] names = new String[4 + more.length];
        names[0] = "PATH_BOOKING_ID";
        names[1] = bookingId;
        names[2] = "PATH_STOP";
        names[3] = stop;
        System.arraycopy(more, 0, names, 4, more.length);
        return fixture.send(sample, caller, names);
    }

    private static JsonNode delivery(Reply detention) {
        return detention.json().path("stops").get(1);
    }

    @Test
    void theDepartureComputesTheChargeTheCarrierClaimsItAndTheShipperConfirmsItEachToldToBoth() {
        var before = read(shipper);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.json().path("stops")).extracting(stop -> stop.path("status").asText())
                .containsExactly("AWAITING_DEPARTURE", "AWAITING_DEPARTURE");
        var tooEarly = step("claim-detention.json", carrier, "delivery");
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().path("reasonCode").asText()).isEqualTo("NOT_DEPARTED");

        atTheDeliveryFrom1130To1531();
        var computed = fixture.notifications().stream()
                .filter(n -> n.type() == NotificationType.DETENTION_COMPUTED).toList();
        assertThat(computed).extracting(Notification::recipient)
                .containsExactlyInAnyOrder(carrier.partner().id(), shipper.partner().id());
        assertThat(computed).allSatisfy(n -> assertThat(n.dataJson()).contains("\"bookingId\":\"" + bookingId + "\"",
                "\"status\":\"COMPUTED\"", "\"billedMinutes\":105", "\"amountMinorUnits\":8750"));

        JsonNode stop = delivery(read(shipper));
        assertThat(stop.path("stop").asText()).isEqualTo("DELIVERY");
        assertThat(stop.path("status").asText()).isEqualTo("COMPUTED");
        assertThat(stop.path("arrivedAt").asText()).isEqualTo("2026-11-24T11:30:00Z");
        assertThat(stop.path("clockStartedAt").asText()).isEqualTo("2026-11-24T12:00:00Z");
        assertThat(stop.path("dwellMinutes").asLong()).isEqualTo(211);
        assertThat(stop.path("freeHours").asInt()).isEqualTo(2);
        assertThat(stop.path("billedMinutes").asLong()).isEqualTo(105);
        assertThat(stop.path("charge").path("amountMinorUnits").asLong()).isEqualTo(8_750);
        assertThat(read(fixture.carrier()).status()).as("a stranger").isEqualTo(404);

        var byShipper = step("claim-detention.json", shipper, "delivery");
        assertThat(byShipper.status()).isEqualTo(403);
        assertThat(byShipper.json().path("reasonCode").asText()).isEqualTo("WRONG_PARTY");
        assertThat(step("claim-detention.json", fixture.carrier(), "delivery").status()).isEqualTo(404);
        var notClaimed = step("confirm-detention.json", shipper, "delivery");
        assertThat(notClaimed.status()).isEqualTo(409);
        assertThat(notClaimed.json().path("reasonCode").asText()).isEqualTo("NOT_CLAIMED");
        assertThat(step("claim-detention.json", carrier, "pickup").json().path("reasonCode").asText())
                .as("never seen at the pickup").isEqualTo("NOT_DEPARTED");
        assertThat(fixture.notifications()).isEmpty();

        fixture.clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        var claimed = step("claim-detention.json", carrier, "delivery");
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        assertThat(claimed.json().path("status").asText()).isEqualTo("CLAIMED");
        assertThat(claimed.json().path("claimedAt").asText()).isEqualTo("2026-11-24T16:00:00Z");
        assertThat(fixture.notifications()).extracting(Notification::type, Notification::recipient)
                .containsExactlyInAnyOrder(tuple(NotificationType.DETENTION_CLAIMED, carrier.partner().id()),
                        tuple(NotificationType.DETENTION_CLAIMED, shipper.partner().id()));
        fixture.clock.set(Instant.parse("2026-11-24T16:05:00Z"));
        assertThat(step("claim-detention.json", carrier, "delivery").json()).as("a replay").isEqualTo(claimed.json());
        assertThat(fixture.notifications()).isEmpty();

        assertThat(step("confirm-detention.json", carrier, "delivery").status()).isEqualTo(403);
        var stranger = fixture.shipper();
        var strangersConfirmation = step("confirm-detention.json", stranger, "delivery");
        var strangersDispute = step("dispute-detention.json", stranger, "delivery", "REASON", "not ours");
        assertThat(strangersConfirmation.status()).isEqualTo(404);
        assertThat(strangersDispute.status()).isEqualTo(404);
        assertThat(strangersDispute.json()).as("told exactly what a missing booking is told")
                .isEqualTo(fixture.send("dispute-detention.json", stranger, "PATH_BOOKING_ID",
                        "01JDBKNG000000000000000009", "PATH_STOP", "delivery", "REASON", "not ours").json());
        var blank = step("dispute-detention.json", shipper, "delivery", "REASON", "   ");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().path("reasonCode").asText()).isEqualTo("REASON_REQUIRED");
        assertThat(blank.errorPointers()).containsExactly("/reason");
        assertThat(delivery(read(carrier)).path("status").asText()).as("nothing written").isEqualTo("CLAIMED");

        fixture.clock.set(Instant.parse("2026-11-24T18:00:00Z"));
        var confirmed = step("confirm-detention.json", shipper, "delivery");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().path("decidedAt").asText()).isEqualTo("2026-11-24T18:00:00Z");
        assertThat(confirmed.json().path("charge").path("amountMinorUnits").asLong()).isEqualTo(8_750);
        assertThat(fixture.notifications()).extracting(Notification::type).containsOnly(
                NotificationType.DETENTION_CONFIRMED).hasSize(2);
        assertThat(step("confirm-detention.json", shipper, "delivery").json()).isEqualTo(confirmed.json());
        var late = step("dispute-detention.json", shipper, "delivery", "REASON", "changed our mind");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("reasonCode").asText()).isEqualTo("ALREADY_CONFIRMED");
        assertThat(fixture.notifications()).isEmpty();
        assertThat(delivery(read(carrier))).isEqualTo(confirmed.json());
    }

    @Test
    void theShipperDisputesWithAReasonAndTheClaimStaysDisputed() {
        atTheDeliveryFrom1130To1531();
        assertThat(step("claim-detention.json", carrier, "delivery").status()).isEqualTo(200);
        fixture.notifications();

        var disputed = step("dispute-detention.json", shipper, "delivery", "REASON",
                "Our gate log shows check-in at 13:10.");
        assertThat(disputed.status()).as(disputed.toString()).isEqualTo(200);
        assertThat(disputed.json().path("status").asText()).isEqualTo("DISPUTED");
        assertThat(disputed.json().path("disputeReason").asText()).isEqualTo("Our gate log shows check-in at 13:10.");
        assertThat(fixture.notifications()).extracting(Notification::type).containsOnly(
                NotificationType.DETENTION_DISPUTED).hasSize(2);
        var confirm = step("confirm-detention.json", shipper, "delivery");
        assertThat(confirm.status()).isEqualTo(409);
        assertThat(confirm.json().path("reasonCode").asText()).isEqualTo("ALREADY_DISPUTED");
        assertThat(step("dispute-detention.json", shipper, "delivery", "REASON", "another reason").json()
                .path("disputeReason").asText()).as("the first reason stays").isEqualTo(
                        "Our gate log shows check-in at 13:10.");
    }

    @Test
    void aStopThatIsNoStopIsABadRequest() {
        var bad = step("claim-detention.json", carrier, "dock-4");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
    }
}
