package com.backhaulexchange.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.LocalStack;
import com.backhaulexchange.notification.WebhookSignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Issue 14's journey over real HTTP on the local stack, from a booking to the period statement that settles its
 * detention (ADR 30, 33, 38): a carrier and a shipper in a monthly collaboration book a move whose offer gives no free
 * time at the stops; the truck's positions make the ETA, a delay, the arrival and the departure, each a signed webhook
 * to both parties; the carrier uploads the proof of delivery to S3 and confirms it (the PROOF_OF_DELIVERY event),
 * records the delivery and claims the detention the exchange computed; the shipper confirms it; and period 0's
 * close shows it as a DETENTION risk event in both statements.
 *
 * <p>As in {@link CollaborationJourneyTest}, membership starts at the next period boundary, so the settlement
 * functions' clock is shifted: the collaboration is formed 21 days "ago" with a start 20 days ago, and the stack is
 * restarted on the same data with the settlement clock 12 days ahead to close period 0. Every other function keeps
 * the real clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DetentionJourneyTest {
    private static final String OPERATOR_KEY = "bhxop_" + "E2eDetentionOperatorKey0123456789abcdefghijk".substring(0, 43);
    private static final String SECRET = "whsec_e2e_detention_0123456789abcdefghijklmnopq";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long RATE_PER_HOUR = 6_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient S3 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final byte[] POD = "%PDF-1.4\n% Proof of delivery: 22 pallets received in good order\n"
            .getBytes(StandardCharsets.US_ASCII);

    /** Webhook bodies received per partner id, in arrival order. */
    private final Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private Path dataDirectory;
    private LocalStack stack;
    private Http http;
    private String carrierKey;
    private String carrierId;
    private String shipperKey;
    private String shipperId;
    private String collaborationId;
    private String bookingId;
    private JsonNode load;

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
            received.computeIfAbsent(partner, id -> new CopyOnWriteArrayList<>()).add(JSON.readTree(body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        dataDirectory = Files.createTempDirectory("bhx-detention-journey");
        startStack(-Duration.ofDays(21).toSeconds());
        var carrier = Journeys.register(http, Journeys.partner("Prairie Line Freight LLC", "[\"CARRIER\"]",
                41.85003, -87.65005, 212, "\"dotNumber\": \"3141592\", \"mcNumber\": \"MC-271828\""));
        carrierId = carrier.path("partner").path("partnerId").asText();
        carrierKey = carrier.path("apiKey").path("token").asText();
        var shipper = Journeys.register(http, Journeys.partner("Gulf Coast Produce Co", "[\"SHIPPER\"]", 32.78306,
                -96.80667, 0, null));
        shipperId = shipper.path("partner").path("partnerId").asText();
        shipperKey = shipper.path("apiKey").path("token").asText();
    }

    private void startStack(long settlementClockOffsetSeconds) {
        stack = LocalStack.builder()
                .templatePath(Path.of("..", "template.yaml").toAbsolutePath().normalize())
                .httpPort(0)
                .dataDirectory(dataDirectory)
                .parameter("OperatorKeySha256", Journeys.sha256Hex(OPERATOR_KEY))
                .parameter("WebhookAllowLoopbackUrls", "true")
                .environment("BHX_SETTLEMENT_CLOCK_OFFSET_SECONDS", Long.toString(settlementClockOffsetSeconds))
                .start();
        http = new Http(stack.httpBaseUrl());
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
    @DisplayName("both register webhooks and form a monthly collaboration whose period 0 holds today")
    void webhooksAndCollaboration() {
        for (var partner : List.of(Map.entry(carrierKey, carrierId), Map.entry(shipperKey, shipperId))) {
            var created = http.postJson("/partners/me/webhooks", partner.getKey(), """
                    {"url": "http://127.0.0.1:%d/hooks/%s", "secret": "%s"}
                    """.formatted(receiver.getAddress().getPort(), partner.getValue(), SECRET));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        String startDate = LocalDate.ofInstant(Instant.now().minus(Duration.ofDays(20)), ZoneOffset.UTC).toString();
        var created = http.postJson("/collaborations", carrierKey, """
                {"name": "Dallas backhaul pair", "invitees": ["%s"],
                 "agreement": {"rule": "SHAPLEY", "pooledShareBasisPoints": 5000,
                   "riskTerms": {"kind": "AT_FAULT_CAPPED",
                                 "perMemberCapPerPeriod": {"amountMinorUnits": 50000, "currency": "USD"}},
                   "periodKind": "MONTHLY", "currency": "USD", "startDate": "%s"}}
                """.formatted(shipperId, startDate));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        collaborationId = created.json().path("collaborationId").asText();
        var accepted = http.send("POST", "/collaborations/" + collaborationId + "/invitations/accept", null,
                Http.auth(shipperKey));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    @Test
    @Order(20)
    @DisplayName("a move is booked with no free time at the stops and picked up")
    void book() {
        var truck = http.postJson("/lanes/capacity", carrierKey, """
                {"emptyAt": {"name": "Dallas", "stateOrCountry": "TX"},
                 "mustEndAt": {"name": "Chicago", "stateOrCountry": "IL"},
                 "availableFrom": "%s", "mustArriveBy": "%s",
                 "equipment": "DRY_VAN", "weightCapacityLbs": 44000, "palletCapacity": 26,
                 "maxOriginDeadheadMiles": 150, "maxDestinationDeadheadMiles": 350}
                """.formatted(at(Duration.ofHours(-1)), at(Duration.ofHours(60))));
        assertThat(truck.status()).as(truck.body()).isEqualTo(201);
        String truckId = truck.json().path("laneId").asText();
        var posted = http.postJson("/lanes/loads", shipperKey, """
                {"origin": {"name": "Dallas", "stateOrCountry": "TX"},
                 "destination": {"name": "St. Louis", "stateOrCountry": "MO"},
                 "pickupWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "deliveryWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "weightLbs": 38000, "pallets": 22, "equipment": "DRY_VAN",
                 "commodity": "Canned vegetables", "budget": {"amountMinorUnits": 240000, "currency": "USD"}}
                """.formatted(at(Duration.ofHours(-1)), at(Duration.ofHours(5)), at(Duration.ofHours(-1)),
                at(Duration.ofHours(30))));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        load = posted.json();
        String loadId = load.path("laneId").asText();
        String matchId = Journeys.await(() -> {
            for (JsonNode match : http.get("/lanes/" + loadId + "/matches", shipperKey).json().path("items")) {
                if (truckId.equals(match.path("capacityLaneId").asText())) {
                    return match.path("matchId").asText();
                }
            }
            return null;
        }, DEADLINE, "the match");
        var opened = http.postJson("/matches/" + matchId + "/negotiations", shipperKey, """
                {"amount": {"amountMinorUnits": 200000, "currency": "USD"}, "expiresAt": "%s",
                 "accessorials": {"detentionFreeHours": 0,
                                  "detentionRatePerHour": {"amountMinorUnits": %d, "currency": "USD"},
                                  "tonuFee": {"amountMinorUnits": 20000, "currency": "USD"},
                                  "tonuCancellationWindowHours": 24}}
                """.formatted(at(Duration.ofHours(2)), RATE_PER_HOUR));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        Journeys.fileCompliance(http, carrierKey); // nothing books a carrier without authority and insurance (ADR 37)
        var accepted = http.send("POST", "/negotiations/" + opened.json().path("negotiationId").asText() + "/accept",
                null, Http.auth(carrierKey));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        bookingId = accepted.json().path("bookingId").asText();
        var pickup = http.postJson("/bookings/" + bookingId + "/pickup", carrierKey,
                "{\"actualTime\": \"" + Instant.now() + "\"}");
        assertThat(pickup.status()).as(pickup.body()).isEqualTo(200);
    }

    @Test
    @Order(30)
    @DisplayName("positions: an ETA past the window (delayed), the arrival and the departure, each a signed webhook to both")
    void positionsArrivalAndDeparture() throws Exception {
        double latitude = load.path("destination").path("latitudeDegrees").asDouble();
        double longitude = load.path("destination").path("longitudeDegrees").asDouble();
        // Reported far west (about 1,100 miles out): the ETA falls after the delivery window closes.
        report(latitude, longitude - 20);
        Thread.sleep(1_100);
        var arrived = report(latitude + 0.003, longitude);
        assertThat(arrived.path("stops").path("delivery").path("arrivedAt").isTextual()).isTrue();
        Thread.sleep(1_100);
        var departed = report(latitude - 0.1, longitude);
        assertThat(departed.path("stops").path("delivery").path("departedAt").isTextual()).isTrue();

        var events = http.get("/bookings/" + bookingId + "/tracking", shipperKey).json().path("events");
        assertThat(events.findValuesAsText("type")).contains("ETA_CHANGED", "DELAYED", "ARRIVED", "DEPARTED");
        for (String partner : List.of(carrierId, shipperId)) {
            awaitWebhooks(partner, "ETA_CHANGED", "SHIPMENT_DELAYED", "SHIPMENT_ARRIVED", "SHIPMENT_DEPARTED",
                    "DETENTION_COMPUTED");
        }
        JsonNode computed = webhook(shipperId, "DETENTION_COMPUTED").path("data");
        assertThat(computed.path("bookingId").asText()).isEqualTo(bookingId);
        assertThat(computed.path("detention").path("stop").asText()).isEqualTo("DELIVERY");
        assertThat(computed.path("detention").path("billedMinutes").asLong()).isEqualTo(15);
        assertThat(computed.path("detention").path("charge").path("amountMinorUnits").asLong())
                .isEqualTo(RATE_PER_HOUR / 4);
        assertThat(webhook(carrierId, "SHIPMENT_DELAYED").path("data").path("stop").asText()).isEqualTo("DELIVERY");
        assertThat(badSignatures).isEmpty();
    }

    @Test
    @Order(40)
    @DisplayName("the proof of delivery is uploaded to S3, confirmed, and told once as the next tracking event")
    void proofOfDelivery() throws Exception {
        var granted = http.postJson("/bookings/" + bookingId + "/documents", carrierKey, """
                {"kind": "PROOF_OF_DELIVERY", "contentType": "application/pdf", "sizeBytes": %d}
                """.formatted(POD.length));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        String documentId = granted.json().path("documentId").asText();
        JsonNode upload = granted.json().path("upload");
        var put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(POD));
        upload.path("headers").properties().forEach(header -> {
            if (!Set.of("content-length", "host").contains(header.getKey().toLowerCase())) {
                put.header(header.getKey(), header.getValue().asText());
            }
        });
        assertThat(S3.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

        long before = http.get("/bookings/" + bookingId + "/tracking", shipperKey).json().path("events").path(0)
                .path("sequence").asLong();
        for (int attempt = 0; attempt < 2; attempt++) {
            var confirmed = http.send("POST", "/bookings/" + bookingId + "/documents/" + documentId + "/confirmation",
                    null, Http.auth(carrierKey));
            assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
            assertThat(confirmed.json().path("status").asText()).isEqualTo("UPLOADED");
        }
        var latest = http.get("/bookings/" + bookingId + "/tracking", shipperKey).json().path("events").path(0);
        assertThat(latest.path("type").asText()).isEqualTo("PROOF_OF_DELIVERY");
        assertThat(latest.path("sequence").asLong()).isEqualTo(before + 1);
        for (String partner : List.of(carrierId, shipperId)) {
            awaitWebhooks(partner, "PROOF_OF_DELIVERY");
            JsonNode data = webhook(partner, "PROOF_OF_DELIVERY").path("data");
            assertThat(data.path("documentId").asText()).isEqualTo(documentId);
            assertThat(data.path("sequence").asLong()).isEqualTo(before + 1);
        }
        assertThat(received.get(shipperId).stream().filter(body -> body.path("type").asText()
                .equals("PROOF_OF_DELIVERY"))).as("told once").hasSize(1);
    }

    @Test
    @Order(50)
    @DisplayName("the delivery is recorded; the carrier claims the detention and the shipper confirms it")
    void deliveredAndDetentionConfirmed() {
        var delivery = http.postJson("/bookings/" + bookingId + "/delivery", carrierKey,
                "{\"actualTime\": \"" + Instant.now() + "\"}");
        assertThat(delivery.status()).as(delivery.body()).isEqualTo(200);
        var byShipper = http.send("POST", "/bookings/" + bookingId + "/detention/delivery/claim", null,
                Http.auth(shipperKey));
        assertThat(byShipper.status()).isEqualTo(403);
        var claimed = http.send("POST", "/bookings/" + bookingId + "/detention/delivery/claim", null,
                Http.auth(carrierKey));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        assertThat(claimed.json().path("status").asText()).isEqualTo("CLAIMED");
        var confirmed = http.send("POST", "/bookings/" + bookingId + "/detention/delivery/confirmation", null,
                Http.auth(shipperKey));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().path("charge").path("amountMinorUnits").asLong()).isEqualTo(RATE_PER_HOUR / 4);
        var read = http.get("/bookings/" + bookingId + "/detention", carrierKey).json();
        assertThat(read.path("stops").findValuesAsText("status")).containsExactly("AWAITING_DEPARTURE", "CONFIRMED");
        for (String partner : List.of(carrierId, shipperId)) {
            awaitWebhooks(partner, "DETENTION_CLAIMED", "DETENTION_CONFIRMED");
        }
    }

    @Test
    @Order(60)
    @DisplayName("12 days later period 0 closes; both statements hold the detention as a risk event of the shipper")
    void periodCloseSettlesTheDetention() {
        stack.close();
        startStack(Duration.ofDays(12).toSeconds());
        var queued = http.send("POST", "/operator/collaborations/" + collaborationId + "/periods/0/close", null,
                Http.auth(OPERATOR_KEY));
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        JsonNode carrier = Journeys.await(() -> {
            var reply = http.get("/collaborations/" + collaborationId + "/periods/0/statement", carrierKey);
            return reply.status() == 200 ? reply.json() : null;
        }, DEADLINE, "the carrier's statement");
        JsonNode shipper = http.get("/collaborations/" + collaborationId + "/periods/0/statement", shipperKey).json();

        long charge = RATE_PER_HOUR / 4;
        assertThat(carrier.path("bookings").findValuesAsText("bookingId")).containsExactly(bookingId);
        assertThat(carrier.path("riskEvents")).hasSize(1);
        JsonNode risk = carrier.path("riskEvents").path(0);
        assertThat(risk.path("bookingId").asText()).isEqualTo(bookingId);
        assertThat(risk.path("kind").asText()).isEqualTo("DETENTION");
        assertThat(risk.path("role").asText()).isEqualTo("AFFECTED");
        assertThat(risk.path("cost").asLong()).isEqualTo(charge);
        assertThat(carrier.path("riskRecovery").asLong()).isEqualTo(charge);
        assertThat(shipper.path("riskEvents").path(0).path("role").asText()).isEqualTo("AT_FAULT");
        assertThat(shipper.path("riskCharge").asLong()).as("at fault, under the cap").isEqualTo(charge);
        assertThat(carrier.path("totals").path("riskCostTotal").asLong()).isEqualTo(charge);
        assertThat(carrier.path("finalResult").asLong() + shipper.path("finalResult").asLong())
                .isEqualTo(carrier.path("totals").path("realisedTotal").asLong() - charge);
        var csv = http.send("GET", "/collaborations/" + collaborationId + "/periods/0/statement?format=csv", null,
                Http.auth(carrierKey));
        assertThat(csv.body()).contains("DETENTION cost");
    }

    // ---- steps

    private JsonNode report(double latitude, double longitude) {
        var reply = http.postJson("/bookings/" + bookingId + "/positions", carrierKey, """
                {"positions": [{"reportedAt": "%s", "latitudeDegrees": %s, "longitudeDegrees": %s}]}
                """.formatted(Instant.now().truncatedTo(ChronoUnit.MILLIS), latitude, longitude));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private void awaitWebhooks(String partner, String... types) {
        Journeys.await(() -> {
            List<String> got = received.getOrDefault(partner, List.of()).stream()
                    .map(body -> body.path("type").asText()).toList();
            return got.containsAll(List.of(types)) ? got : null;
        }, DEADLINE, "webhooks " + List.of(types) + " to " + partner);
    }

    private JsonNode webhook(String partner, String type) {
        return received.get(partner).stream().filter(body -> body.path("type").asText().equals(type)).findFirst()
                .orElseThrow();
    }

    private static String at(Duration fromNow) {
        return Instant.now().plus(fromNow).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
