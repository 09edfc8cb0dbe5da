package com.backhaulexchange.function.negotiationbooking;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.tuple;

import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.testing.Postings;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /bookings/{id}/positions and GET /bookings/{id}/tracking on events/ samples (ADR 30). */
class TrackingApiTest {
    // St. Louis, and a point ~0.4 mile from it; Dallas ~20 miles out on the way.
    private static final String ST_LOUIS_LAT = Double.toString(Postings.ST_LOUIS.coordinates().latitudeDegrees());
    private static final String ST_LOUIS_LON = Double.toString(Postings.ST_LOUIS.coordinates().longitudeDegrees());

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

    private com.backhaulexchange.testing.Reply positions(DealFixture.Caller caller, String at1, double lat1,
            double lon1, String at2, double lat2, double lon2) {
        return fixture.send("report-positions.json", caller, "PATH_BOOKING_ID", bookingId, "REPORTED_AT_1", at1,
                "LATITUDE_1", Double.toString(lat1), "LONGITUDE_1", Double.toString(lon1), "REPORTED_AT_2", at2,
                "LATITUDE_2", Double.toString(lat2), "LONGITUDE_2", Double.toString(lon2));
    }

    private static List<String> types(JsonNode tracking) {
        List<String> types = new ArrayList<>();
        tracking.path("events").forEach(event -> types.add(event.path("sequence").asText() + " "
                + event.path("type").asText() + " " + event.path("stop").asText()));
        return types;
    }

    @Test
    void positionsApproachingTheDeliveryGiveAnEtaThenTheArrivalForBothParties() {
        fixture.clock.set(Instant.parse("2026-11-24T02:00:00Z"));
        // Monday 19:00 Chicago, ~60 miles south-west of St. Louis, then an hour later ~12 miles out.
        var approaching = positions(carrier, "2026-11-24T01:00:00Z", 38.10, -90.90, "2026-11-24T01:59:30Z",
                38.50, -90.35);
        assertThat(approaching.status()).as(approaching.toString()).isEqualTo(200);
        JsonNode tracking = approaching.json();
        assertThat(tracking.path("bookingStatus").asText()).isEqualTo("PICKED_UP");
        assertThat(tracking.path("nextStop").asText()).isEqualTo("DELIVERY");
        assertThat(Instant.parse(tracking.path("eta").asText())).isBetween(Instant.parse("2026-11-24T02:00:00Z"),
                Instant.parse("2026-11-24T02:30:00Z"));
        assertThat(types(tracking)).containsExactly("1 ETA_CHANGED DELIVERY");
        assertThat(tracking.path("lastPosition").path("speedMph").isMissingNode()).isTrue();

        fixture.clock.set(Instant.parse("2026-11-24T02:40:00Z"));
        var arrived = positions(carrier, "2026-11-24T02:30:00Z", 38.6325, -90.1979, "2026-11-24T02:35:00Z",
                Double.parseDouble(ST_LOUIS_LAT), Double.parseDouble(ST_LOUIS_LON));
        assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
        assertThat(types(arrived.json())).containsExactly("2 ARRIVED DELIVERY", "1 ETA_CHANGED DELIVERY");
        assertThat(arrived.json().path("stops").path("delivery").path("arrivedAt").asText())
                .isEqualTo("2026-11-24T02:30:00Z");

        var read = fixture.send("get-tracking.json", shipper, "PATH_BOOKING_ID", bookingId);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(arrived.json());
        assertThat(fixture.send("get-tracking.json", fixture.carrier(), "PATH_BOOKING_ID", bookingId).status())
                .as("a stranger").isEqualTo(404);

        var notifications = fixture.notifications();
        assertThat(notifications).extracting(Notification::type, Notification::recipient).containsExactlyInAnyOrder(
                tuple(NotificationType.ETA_CHANGED, carrier.partner().id()),
                tuple(NotificationType.ETA_CHANGED, shipper.partner().id()),
                tuple(NotificationType.SHIPMENT_ARRIVED, carrier.partner().id()),
                tuple(NotificationType.SHIPMENT_ARRIVED, shipper.partner().id()));
        assertThat(notifications).filteredOn(n -> n.type() == NotificationType.SHIPMENT_ARRIVED).allSatisfy(n ->
                assertThat(n.dataJson()).contains("\"bookingId\":\"" + bookingId + "\"", "\"sequence\":2",
                        "\"stop\":\"DELIVERY\"", "\"occurredAt\":\"2026-11-24T02:30:00Z\""));
    }

    @Test
    void aBufferedBatchTellsOnlyItsLatestEtaButKeepsEveryEvent() {
        fixture.clock.set(Instant.parse("2026-11-24T06:00:00Z"));
        // Stuck ~45 miles out for two hours, reported in one batch: two ETA changes, only the latest told.
        var stuck = positions(carrier, "2026-11-24T03:00:00Z", 38.10, -90.90, "2026-11-24T05:00:00Z", 38.10, -90.90);
        assertThat(stuck.status()).isEqualTo(200);
        assertThat(types(stuck.json())).containsExactly("2 ETA_CHANGED DELIVERY", "1 ETA_CHANGED DELIVERY");
        assertThat(fixture.notifications()).hasSize(2).allSatisfy(n -> {
            assertThat(n.type()).isEqualTo(NotificationType.ETA_CHANGED);
            assertThat(n.dataJson()).contains("\"sequence\":2", "\"occurredAt\":\"2026-11-24T05:00:00Z\"");
        });
    }

    @Test
    void theSameReportsAgainChangeNothing() {
        fixture.clock.set(Instant.parse("2026-11-24T02:00:00Z"));
        var first = positions(carrier, "2026-11-24T01:00:00Z", 38.10, -90.90, "2026-11-24T01:30:00Z", 38.20, -90.80);
        var again = positions(carrier, "2026-11-24T01:30:00Z", 38.20, -90.80, "2026-11-24T01:00:00Z", 38.10, -90.90);
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());

        var conflicting = positions(carrier, "2026-11-24T01:00:00Z", 38.11, -90.90, "2026-11-24T01:45:00Z", 38.3,
                -90.6);
        assertThat(conflicting.status()).isEqualTo(409);
        assertThat(conflicting.json().path("reasonCode").asText()).isEqualTo("CONFLICTING_REPORT");
        assertThat(fixture.send("get-tracking.json", carrier, "PATH_BOOKING_ID", bookingId).json())
                .as("nothing of the refused request written").isEqualTo(first.json());
    }

    @Test
    void onlyTheCarrierReportsAndBadReportsWriteNothing() {
        fixture.clock.set(Instant.parse("2026-11-24T02:00:00Z"));
        var byShipper = positions(shipper, "2026-11-24T01:00:00Z", 38.1, -90.9, "2026-11-24T01:30:00Z", 38.2, -90.8);
        var byStranger = positions(fixture.carrier(), "2026-11-24T01:00:00Z", 38.1, -90.9, "2026-11-24T01:30:00Z",
                38.2, -90.8);
        var future = positions(carrier, "2026-11-24T01:00:00Z", 38.1, -90.9, "2026-11-24T02:05:00Z", 38.2, -90.8);
        var outOfRange = positions(carrier, "2026-11-24T01:00:00Z", 38.1, -90.9, "2026-11-24T01:30:00Z", 91, -90.8);

        assertThat(byShipper.status()).isEqualTo(403);
        assertThat(byShipper.json().path("reasonCode").asText()).isEqualTo("WRONG_PARTY");
        assertThat(byStranger.status()).isEqualTo(404);
        assertThat(byStranger.json().has("reasonCode")).isFalse();
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("reasonCode").asText()).isEqualTo("TIME_IN_THE_FUTURE");
        assertThat(future.json().path("errors").path(0).path("pointer").asText()).isEqualTo("/positions/1/reportedAt");
        assertThat(outOfRange.status()).isEqualTo(400);
        var tracking = fixture.send("get-tracking.json", carrier, "PATH_BOOKING_ID", bookingId).json();
        assertThat(tracking.path("events")).isEmpty();
        assertThat(tracking.has("lastPosition")).isFalse();
    }

    @Test
    void aDeliveredBookingIsNoLongerTracked() {
        fixture.clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        assertThat(fixture.send("record-delivery.json", carrier, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME",
                "2026-11-24T15:10:00Z").status()).isEqualTo(200);
        var late = positions(carrier, "2026-11-24T15:20:00Z", 38.6, -90.2, "2026-11-24T15:30:00Z", 38.5, -90.3);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("reasonCode").asText()).isEqualTo("ALREADY_DELIVERED");
    }
}
