package com.backhaulexchange.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.LocalStack;
import com.backhaulexchange.notification.WebhookSignature;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 4's journey over real HTTP against the local stack started from template.yaml: a carrier, a shipper
 * and a broker onboard; the shipper delegates negotiation to the broker; lanes are posted and matched; the
 * broker offers for the shipper, the carrier counters, the broker accepts — which books both lanes — and the
 * carrier records pickup and delivery. Each party's webhook receiver on localhost gets every event, signed,
 * in the order it happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DealJourneyTest {
    private static final String OPERATOR_KEY = "bhxop_" + "E2eDealOperatorKey0123456789abcdefghijklmnop".substring(0, 43);
    private static final String SECRET = "whsec_e2e_deal_0123456789abcdefghijklmnopqrstuv";
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    /** Event types received per partner id, in arrival order. */
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private LocalStack stack;
    private Http http;
    private String carrierKey;
    private String carrierId;
    private String shipperKey;
    private String shipperId;
    private String brokerKey;
    private String brokerId;
    private String truckId;
    private String loadId;
    private String matchId;
    private String negotiationId;
    private String certificateId;
    private String bookingId;
    private String trackingToken;

    @BeforeAll
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String partner = exchange.getRequestURI().getPath().substring("/hooks/".length());
            String signature = exchange.getRequestHeaders().getFirst("BHX-Signature");
            if (!WebhookSignature.verify(signature, body, SECRET, Instant.now(), WebhookSignature.DEFAULT_TOLERANCE)) {
                badSignatures.add(body);
            }
            received.computeIfAbsent(partner, id -> new CopyOnWriteArrayList<>())
                    .add(exchange.getRequestHeaders().getFirst("BHX-Event-Type"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        stack = LocalStack.builder()
                .templatePath(Path.of("..", "template.yaml").toAbsolutePath().normalize())
                .httpPort(0)
                .parameter("OperatorKeySha256", Journeys.sha256Hex(OPERATOR_KEY))
                .parameter("WebhookAllowLoopbackUrls", "true")
                .start();
        http = new Http(stack.httpBaseUrl());
        var carrier = Journeys.register(http, Journeys.partner("Prairie Line Freight LLC", "[\"CARRIER\"]",
                41.85003, -87.65005, 212, "\"dotNumber\": \"3141592\", \"mcNumber\": \"MC-271828\""));
        carrierId = carrier.path("partner").path("partnerId").asText();
        carrierKey = carrier.path("apiKey").path("token").asText();
        certificateId = Journeys.fileCompliance(http, carrierKey);
        var shipper = Journeys.register(http, Journeys.partner("Gulf Coast Produce Co", "[\"SHIPPER\"]", 32.78306,
                -96.80667, 0, null));
        shipperId = shipper.path("partner").path("partnerId").asText();
        shipperKey = shipper.path("apiKey").path("token").asText();
        var broker = Journeys.register(http, Journeys.partner("Lakeshore Freight Brokerage LLC", "[\"BROKER\"]",
                41.88, -87.63, 0, "\"mcNumber\": \"MC-771204\""));
        brokerId = broker.path("partner").path("partnerId").asText();
        brokerKey = broker.path("apiKey").path("token").asText();
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    @Order(10)
    @DisplayName("the carrier and the shipper register webhooks; the shipper delegates negotiation to its broker")
    void webhooksAndDelegation() {
        for (var partner : List.of(Map.entry(carrierKey, carrierId), Map.entry(shipperKey, shipperId))) {
            var created = http.postJson("/partners/me/webhooks", partner.getKey(), """
                    {"url": "http://127.0.0.1:%d/hooks/%s", "secret": "%s"}
                    """.formatted(receiver.getAddress().getPort(), partner.getValue(), SECRET));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        var granted = http.send("PUT", "/partners/me/delegations/" + brokerId, null, Http.auth(shipperKey));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(http.get("/partners/me/delegations", brokerKey).json().path("held").findValuesAsText(
                "principalPartnerId")).containsExactly(shipperId);
    }

    @Test
    @Order(20)
    @DisplayName("lanes are posted and matched within seconds")
    void lanesAreMatched() {
        var truck = http.postJson("/lanes/capacity", carrierKey, """
                {"emptyAt": {"name": "Dallas", "stateOrCountry": "TX"},
                 "mustEndAt": {"name": "Chicago", "stateOrCountry": "IL"},
                 "availableFrom": "%s", "mustArriveBy": "%s",
                 "equipment": "DRY_VAN", "weightCapacityLbs": 44000, "palletCapacity": 26,
                 "maxOriginDeadheadMiles": 150, "maxDestinationDeadheadMiles": 350}
                """.formatted(Journeys.local(1, 6), Journeys.local(2, 20)));
        assertThat(truck.status()).as(truck.body()).isEqualTo(201);
        truckId = truck.json().path("laneId").asText();
        var load = http.postJson("/lanes/loads", shipperKey, """
                {"origin": {"name": "Dallas", "stateOrCountry": "TX"},
                 "destination": {"name": "St. Louis", "stateOrCountry": "MO"},
                 "pickupWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "deliveryWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "weightLbs": 38000, "pallets": 22, "equipment": "DRY_VAN",
                 "commodity": "Canned vegetables", "budget": {"amountMinorUnits": 240000, "currency": "USD"}}
                """.formatted(Journeys.local(1, 7), Journeys.local(1, 12), Journeys.local(2, 6), Journeys.local(2, 18)));
        assertThat(load.status()).as(load.body()).isEqualTo(201);
        loadId = load.json().path("laneId").asText();

        matchId = Journeys.await(() -> {
            var matches = http.get("/lanes/" + loadId + "/matches", shipperKey).json().path("items");
            return matches.isEmpty() ? null : matches.path(0).path("matchId").asText();
        }, DEADLINE, "the load's match");
        assertThat(awaitEvents(carrierId, 1)).containsExactly("MATCH_FOUND");
        assertThat(awaitEvents(shipperId, 1)).containsExactly("MATCH_FOUND");
    }

    @Test
    @Order(30)
    @DisplayName("the broker offers for the shipper; the carrier counters; the broker accepts, which books both lanes")
    void negotiationToBooking() {
        var opened = http.postJson("/matches/" + matchId + "/negotiations", brokerKey, """
                {"amount": {"amountMinorUnits": 185000, "currency": "USD"}, "expiresAt": "%s",
                 "note": "Dock 4, first thing"}
                """.formatted(Instant.now().plus(Duration.ofHours(2))));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().path("yourSide").asText()).isEqualTo("SHIPPER");
        assertThat(opened.json().path("offers").path(0).path("yourView").path("budget").path("amountMinorUnits")
                .asLong()).as("the broker sees its principal's view").isEqualTo(240_000);
        negotiationId = opened.json().path("negotiationId").asText();
        assertThat(awaitEvents(carrierId, 2)).endsWith("OFFER_RECEIVED");

        var countered = http.postJson("/negotiations/" + negotiationId + "/counter", carrierKey, """
                {"amount": {"amountMinorUnits": 205000, "currency": "USD"}, "expiresAt": "%s"}
                """.formatted(Instant.now().plus(Duration.ofHours(2))));
        assertThat(countered.status()).as(countered.body()).isEqualTo(200);
        assertThat(countered.body()).doesNotContain("240000");
        assertThat(awaitEvents(shipperId, 2)).endsWith("OFFER_COUNTERED");

        // The compliance gate (ADR 37): while the shipper requires more auto liability than the carrier carries,
        // the accept is refused with the reason and books nothing.
        var stricter = http.putJson("/partners/me/carrier-requirements", shipperKey, """
                {"minimumAutoLiability": {"amountMinorUnits": 200000000, "currency": "USD"},
                 "minimumCargo": {"amountMinorUnits": 10000000, "currency": "USD"}}
                """);
        assertThat(stricter.status()).as(stricter.body()).isEqualTo(200);
        var refused = http.send("POST", "/negotiations/" + negotiationId + "/accept", null, Http.auth(brokerKey));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("reasonCode").asText()).isEqualTo("INSURANCE_BELOW_REQUIRED_COVERAGE");
        assertThat(http.get("/lanes/" + truckId, carrierKey).json().path("status").asText()).isEqualTo("OPEN");
        assertThat(http.putJson("/partners/me/carrier-requirements", shipperKey, """
                {"minimumAutoLiability": {"amountMinorUnits": 75000000, "currency": "USD"},
                 "minimumCargo": {"amountMinorUnits": 10000000, "currency": "USD"}}
                """).status()).isEqualTo(200);

        var accepted = http.send("POST", "/negotiations/" + negotiationId + "/accept", null, Http.auth(brokerKey));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("status").asText()).isEqualTo("AGREED");
        bookingId = accepted.json().path("bookingId").asText();
        assertThat(http.get("/lanes/" + truckId, carrierKey).json().path("status").asText()).isEqualTo("BOOKED");
        assertThat(http.get("/lanes/" + loadId, shipperKey).json().path("status").asText()).isEqualTo("BOOKED");
        assertThat(awaitEvents(carrierId, 4)).endsWith("OFFER_ACCEPTED", "BOOKING_CONFIRMED");
        assertThat(awaitEvents(shipperId, 3)).endsWith("BOOKING_CONFIRMED");
    }

    @Test
    @Order(35)
    @DisplayName("the shipper reads its carrier's compliance and downloads the insurance certificate; a stranger cannot")
    void carrierCompliance() throws Exception {
        var summary = http.get("/negotiations/" + negotiationId + "/carrier-compliance", shipperKey);
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        assertThat(summary.json().path("gate").path("decision").asText()).isEqualTo("ALLOWED");
        assertThat(summary.json().path("insuranceCertificate").path("certificateId").asText()).isEqualTo(certificateId);
        var download = http.get("/negotiations/" + negotiationId + "/carrier-compliance/certificate", shipperKey);
        assertThat(download.status()).as(download.body()).isEqualTo(200);
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            var file = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    download.json().path("download").path("url").asText())).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body()).startsWith("%PDF");
            assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        }
        var stranger = Journeys.register(http, Journeys.partner("Nosy Freight Co", "[\"SHIPPER\"]", 32.78, -96.8,
                0, null)).path("apiKey").path("token").asText();
        assertThat(http.get("/negotiations/" + negotiationId + "/carrier-compliance", stranger).status())
                .isEqualTo(404);
    }

    @Test
    @Order(40)
    @DisplayName("the booking has a rate confirmation naming both parties with their DOT/MC numbers")
    void rateConfirmation() {
        var confirmation = http.get("/bookings/" + bookingId + "/rate-confirmation", shipperKey);
        assertThat(confirmation.status()).as(confirmation.body()).isEqualTo(200);
        var json = confirmation.json();
        assertThat(json.path("carrier").path("dotNumber").asText()).isEqualTo("3141592");
        assertThat(json.path("carrier").path("mcNumber").asText()).isEqualTo("MC-271828");
        assertThat(json.path("allInRate").path("amountMinorUnits").asLong()).isEqualTo(205_000);
        assertThat(json.path("pickup").path("place").path("label").asText()).isEqualTo("Dallas, TX");
        assertThat(json.path("commodity").asText()).isEqualTo("Canned vegetables");
        assertThat(http.get("/bookings/" + bookingId, brokerKey).status()).as("not a party").isEqualTo(404);
    }

    @Test
    @Order(45)
    @DisplayName("the shipper shares a tracking link; anyone with it, without a key, sees the shipment scheduled and"
            + " nothing of the parties; the page at /track/ renders it; a revoked link is unknown")
    void trackingLink() {
        String expiresAt = Instant.now().plus(Duration.ofDays(3)).toString();
        var created = http.postJson("/bookings/" + bookingId + "/tracking-links", shipperKey,
                "{\"expiresAt\": \"" + expiresAt + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        trackingToken = created.json().path("token").asText();
        var view = http.send("GET", created.json().path("publicPath").asText(), null, Map.of());
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        assertThat(view.json().path("status").asText()).isEqualTo("SCHEDULED");
        assertThat(view.header("Cache-Control")).isEqualTo("no-store");
        assertThat(view.body()).doesNotContain(bookingId, carrierId, shipperId, "Prairie Line", "Gulf Coast", "205000");

        var page = http.send("GET", "/track/", null, Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");

        assertThat(http.postJson("/bookings/" + bookingId + "/tracking-links", carrierKey,
                "{\"expiresAt\": \"" + expiresAt + "\"}").status()).as("the carrier").isEqualTo(403);
        assertThat(http.get("/bookings/" + bookingId + "/tracking-links", brokerKey).status()).as("a stranger")
                .isEqualTo(404);

        var spare = http.postJson("/bookings/" + bookingId + "/tracking-links", shipperKey,
                "{\"expiresAt\": \"" + expiresAt + "\"}").json();
        assertThat(http.delete("/bookings/" + bookingId + "/tracking-links/" + spare.path("linkId").asText(),
                shipperKey).status()).isEqualTo(204);
        var revoked = http.send("GET", spare.path("publicPath").asText(), null, Map.of());
        var unknown = http.send("GET", "/public/tracking/trk_" + "x".repeat(43), null, Map.of());
        assertThat(revoked.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(revoked.json().path("detail")).isEqualTo(unknown.json().path("detail"));
        assertThat(http.get("/bookings/" + bookingId + "/tracking-links", shipperKey).json().path("items")
                .findValuesAsText("status")).containsExactly("REVOKED", "ACTIVE");
    }

    @Test
    @Order(50)
    @DisplayName("the carrier records pickup and delivery; both webhooks received every event in order")
    void pickupAndDelivery() {
        var pickup = http.postJson("/bookings/" + bookingId + "/pickup", carrierKey,
                "{\"actualTime\": \"" + Instant.now() + "\"}");
        assertThat(pickup.status()).as(pickup.body()).isEqualTo(200);
        assertThat(awaitEvents(carrierId, 5)).endsWith("BOOKING_PICKED_UP");
        var delivery = http.postJson("/bookings/" + bookingId + "/delivery", carrierKey,
                "{\"actualTime\": \"" + Instant.now() + "\", \"actualMiles\": 631.2}");
        assertThat(delivery.status()).as(delivery.body()).isEqualTo(200);
        assertThat(delivery.json().path("status").asText()).isEqualTo("DELIVERED");

        assertThat(awaitEvents(carrierId, 6)).containsExactly("MATCH_FOUND", "OFFER_RECEIVED", "OFFER_ACCEPTED",
                "BOOKING_CONFIRMED", "BOOKING_PICKED_UP", "BOOKING_DELIVERED");
        assertThat(awaitEvents(shipperId, 5)).containsExactly("MATCH_FOUND", "OFFER_COUNTERED", "BOOKING_CONFIRMED",
                "BOOKING_PICKED_UP", "BOOKING_DELIVERED");
        assertThat(badSignatures).isEmpty();
        var bookings = http.get("/bookings?status=DELIVERED", shipperKey);
        assertThat(bookings.json().path("items").findValuesAsText("bookingId")).containsExactly(bookingId);
        var history = http.get("/negotiations/" + negotiationId + "/history", carrierKey).json().path("items");
        assertThat(history.findValuesAsText("event")).containsExactly("OPENED", "COUNTERED", "ACCEPTED");
        assertThat(history.path(0).path("actingPartnerId").asText()).isEqualTo(brokerId);

        proofOfDeliveryUploadedAndDownloaded();

        var delivered = http.send("GET", "/public/tracking/" + trackingToken, null, Map.of());
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(delivered.json().toString()).as("once delivered, the status alone")
                .isEqualTo("{\"status\":\"DELIVERED\"}");
    }

    /** ADR 33: the carrier's POD goes straight to S3 (S3Proxy in the stack) by a presigned PUT; the shipper reads it. */
    private void proofOfDeliveryUploadedAndDownloaded() {
        byte[] pod = "%PDF-1.4 signed by the consignee".getBytes(StandardCharsets.US_ASCII);
        var granted = http.postJson("/bookings/" + bookingId + "/documents", carrierKey,
                "{\"kind\": \"PROOF_OF_DELIVERY\", \"contentType\": \"application/pdf\", \"sizeBytes\": "
                        + pod.length + "}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        var upload = granted.json().path("upload");
        try {
            var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .build();
            var put = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(upload.path("url").asText()))
                    .header("Content-Type", "application/pdf")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(pod)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(put.statusCode()).isEqualTo(200);
            var documents = http.get("/bookings/" + bookingId + "/documents", shipperKey).json().path("items");
            assertThat(documents).hasSize(1);
            var download = http.get("/bookings/" + bookingId + "/documents/" + granted.json().path("documentId")
                    .asText(), shipperKey);
            var got = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(download.json()
                    .path("download").path("url").asText())).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(got.body()).isEqualTo(pod);
            assertThat(got.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(http.get("/bookings/" + bookingId + "/documents", brokerKey).status()).as("a stranger")
                .isEqualTo(404);
    }

    @Test
    @Order(60)
    @DisplayName("the carrier and the shipper both see the delivery's outcome; the broker the shipper's through its"
            + " delegation; a stranger nothing of them")
    void outcomes() {
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String range = "/partners/me/outcomes?from="
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1) + "&to=" + today;

        var carrier = http.get(range + "&granularity=DAY", carrierKey);
        assertThat(carrier.status()).as(carrier.body()).isEqualTo(200);
        var carrierTotals = carrier.json().path("roles").path(0).path("totals");
        assertThat(carrier.json().path("roles").path(0).path("role").asText()).isEqualTo("CARRIER");
        assertThat(carrierTotals.path("bookings").asLong()).isEqualTo(1);
        assertThat(carrierTotals.path("loadedMiles").asDouble()).isEqualTo(631.2);
        assertThat(carrierTotals.path("emptyMilesAvoided").asDouble()).isPositive();
        assertThat(carrierTotals.path("surplusKind").asText()).isEqualTo("EARNED");
        assertThat(carrierTotals.path("co2eAvoided").path(0).path("emissionsMethod").path("version").asText())
                .isEqualTo("bhx-default-1");
        assertThat(carrier.json().path("roles").path(0).path("byCounterparty").findValuesAsText("partnerId"))
                .containsExactly(shipperId);
        // Dallas, TX → St. Louis, MO: one lane pair, with the totals' figures (ADR 45)
        var lanePairs = carrier.json().path("roles").path(0).path("byLanePair");
        assertThat(lanePairs).hasSize(1);
        assertThat(lanePairs.path(0).path("origin").asText() + "→" + lanePairs.path(0).path("destination").asText())
                .isEqualTo("US-TX→US-MO");
        assertThat(lanePairs.path(0).path("figures")).isEqualTo(carrierTotals);

        var shipper = http.get(range, shipperKey);
        assertThat(shipper.status()).as(shipper.body()).isEqualTo(200);
        var shipperTotals = shipper.json().path("roles").path(0).path("totals");
        assertThat(shipper.json().path("roles").path(0).path("role").asText()).isEqualTo("SHIPPER");
        // USD 2,400 budget − USD 2,050 agreed
        assertThat(shipperTotals.path("surplus").path(0).path("amountMinorUnits").asLong()).isEqualTo(35_000);
        assertThat(shipperTotals.path("co2eAvoided")).isEqualTo(carrierTotals.path("co2eAvoided"));

        var throughDelegation = http.get(range + "&partnerId=" + shipperId, brokerKey);
        assertThat(throughDelegation.status()).as(throughDelegation.body()).isEqualTo(200);
        assertThat(throughDelegation.json().path("roles")).isEqualTo(shipper.json().path("roles"));
        assertThat(http.get(range + "&partnerId=" + carrierId, brokerKey).status()).isEqualTo(404);

        var stranger = Journeys.register(http, Journeys.partner("Elsewhere Hauling Inc", "[\"CARRIER\"]",
                39.1, -94.58, 212, "\"dotNumber\": \"2718281\", \"mcNumber\": \"MC-314159\""));
        String strangerKey = stranger.path("apiKey").path("token").asText();
        assertThat(http.get(range, strangerKey).json().path("roles")).isEmpty();
        assertThat(http.get(range + "&partnerId=" + carrierId, strangerKey).status()).isEqualTo(404);
        assertThat(http.get(range + "&partnerId=" + shipperId, strangerKey).status()).isEqualTo(404);

        var csv = http.send("GET", range, null, Map.of("Authorization", "Bearer " + carrierKey, "Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("role,section,period,counterparty,figure,value,unit,laneOrigin,laneDestination")
                .contains("CARRIER,TOTAL,").contains(",bookings,1,count,US-TX,US-MO");
        assertThat(http.get("/partners/me/outcomes?from=" + today + "&to=2020-01-01", carrierKey).status())
                .isEqualTo(400);
    }

    private List<String> awaitEvents(String partnerId, int count) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (received.getOrDefault(partnerId, List.of()).size() < count && System.nanoTime() < deadline) {
            Journeys.sleep(100);
        }
        return List.copyOf(received.getOrDefault(partnerId, List.of()));
    }

}
