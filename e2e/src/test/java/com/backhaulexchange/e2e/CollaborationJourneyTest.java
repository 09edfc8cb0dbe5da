package com.backhaulexchange.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 5's journey over real HTTP on the local stack: a carrier and two shippers form a monthly collaboration,
 * book two moves, one shipper cancels inside the TONU window, the operator closes the period by hand and every
 * member's statement reconciles with the ledger's totals and the bookings.
 *
 * <p>Membership takes effect at the next period boundary (ADR 18), so the journey shifts the settlement
 * functions' clock ({@code BHX_SETTLEMENT_CLOCK_OFFSET_SECONDS}, local only): the collaboration is formed 21 days
 * "ago" with a start date 20 days ago, so the real bookings fall in its period 0; the stack is then restarted on
 * the same data with the settlement clock 12 days ahead, when period 0 has closed. Every other function keeps
 * the real clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CollaborationJourneyTest {
    private static final String OPERATOR_KEY = "bhxop_" + "E2eSettleOperatorKey0123456789abcdefghijklmn".substring(0, 43);
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long BUDGET = 240_000;
    private static final long TONU_FEE = 20_000;

    private Path dataDirectory;
    private LocalStack stack;
    private Http http;
    private String carrierKey;
    private String carrierId;
    private String produceKey;
    private String produceId;
    private String grocerKey;
    private String grocerId;
    private String collaborationId;
    private String deliveredBookingId;
    private String cancelledBookingId;

    @BeforeAll
    void start() throws Exception {
        dataDirectory = Files.createTempDirectory("bhx-collaboration-journey");
        startStack(-Duration.ofDays(21).toSeconds());
        var carrier = register("Prairie Line Freight LLC", "[\"CARRIER\"]", 41.85003, -87.65005, 212);
        carrierId = carrier.path("partner").path("partnerId").asText();
        carrierKey = carrier.path("apiKey").path("token").asText();
        Journeys.fileCompliance(http, carrierKey);
        var produce = register("Gulf Coast Produce Co", "[\"SHIPPER\"]", 32.78306, -96.80667, 0);
        produceId = produce.path("partner").path("partnerId").asText();
        produceKey = produce.path("apiKey").path("token").asText();
        var grocer = register("Lone Star Grocers Inc", "[\"SHIPPER\"]", 32.78306, -96.80667, 0);
        grocerId = grocer.path("partner").path("partnerId").asText();
        grocerKey = grocer.path("apiKey").path("token").asText();
    }

    private void startStack(long settlementClockOffsetSeconds) throws Exception {
        stack = LocalStack.builder()
                .templatePath(Path.of("..", "template.yaml").toAbsolutePath().normalize())
                .httpPort(0)
                .dataDirectory(dataDirectory)
                .parameter("OperatorKeySha256", sha256Hex(OPERATOR_KEY))
                .environment("BHX_SETTLEMENT_CLOCK_OFFSET_SECONDS", Long.toString(settlementClockOffsetSeconds))
                .start();
        http = new Http(stack.httpBaseUrl());
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(10)
    @DisplayName("the carrier forms a monthly collaboration; both shippers accept and are members from period 0")
    void formTheCollaboration() {
        String startDate = LocalDate.ofInstant(Instant.now().minus(Duration.ofDays(20)), ZoneOffset.UTC).toString();
        var created = http.postJson("/collaborations", carrierKey, """
                {"name": "Texas backhaul pool", "invitees": ["%s", "%s"],
                 "agreement": {"rule": "SHAPLEY", "pooledShareBasisPoints": 5000,
                   "riskTerms": {"kind": "AT_FAULT_CAPPED",
                                 "perMemberCapPerPeriod": {"amountMinorUnits": 50000, "currency": "USD"}},
                   "periodKind": "MONTHLY", "currency": "USD", "startDate": "%s"}}
                """.formatted(produceId, grocerId, startDate));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        collaborationId = created.json().path("collaborationId").asText();
        for (String key : List.of(produceKey, grocerKey)) {
            var accepted = http.send("POST", "/collaborations/" + collaborationId + "/invitations/accept", null,
                    Http.auth(key));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        }
        var read = http.get("/collaborations/" + collaborationId, grocerKey).json();
        assertThat(read.path("members").findValuesAsText("status")).containsOnly("ACTIVE");
        assertThat(read.path("members").findValuesAsText("joinsAtPeriod")).containsOnly("0");
        assertThat(http.get("/collaborations", produceKey).json().path("items").findValuesAsText("collaborationId"))
                .containsExactly(collaborationId);
    }

    @Test
    @Order(20)
    @DisplayName("two moves are booked; one is delivered, the other cancelled by its shipper inside the TONU window")
    void bookDeliverAndCancel() {
        String truckOne = postTruck();
        String truckTwo = postTruck();
        String produceLoad = postLoad(produceKey);
        String grocerLoad = postLoad(grocerKey);

        deliveredBookingId = book(matchOf(produceKey, produceLoad, truckOne), produceKey, 185_000);
        cancelledBookingId = book(matchOf(grocerKey, grocerLoad, truckTwo), grocerKey, 180_000);

        // Recorded times follow the booking (TIME_BEFORE_BOOKING otherwise): picked up and delivered just now.
        var pickup = http.postJson("/bookings/" + deliveredBookingId + "/pickup", carrierKey,
                "{\"actualTime\": \"" + Instant.now() + "\"}");
        assertThat(pickup.status()).as(pickup.body()).isEqualTo(200);
        var delivery = http.postJson("/bookings/" + deliveredBookingId + "/delivery", carrierKey,
                "{\"actualTime\": \"" + Instant.now() + "\"}");
        assertThat(delivery.status()).as(delivery.body()).isEqualTo(200);
        var cancelled = http.postJson("/bookings/" + cancelledBookingId + "/cancellation", grocerKey,
                "{\"reason\": \"Plant shut down\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.body()).contains("SHIPPER").contains(Long.toString(TONU_FEE));
    }

    @Test
    @Order(30)
    @DisplayName("period 0 has not closed yet: the operator's close is refused and there is no statement")
    void notClosedYet() {
        var early = http.send("POST", "/operator/collaborations/" + collaborationId + "/periods/0/close", null,
                Http.auth(OPERATOR_KEY));
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().path("reasonCode").asText()).isEqualTo("PERIOD_NOT_CLOSED");
        assertThat(http.get("/collaborations/" + collaborationId + "/periods/0/statement", carrierKey).status())
                .isEqualTo(404);
    }

    @Test
    @Order(40)
    @DisplayName("12 days later the operator closes period 0; every statement reconciles with the ledger and the bookings")
    void closeAndReconcile() throws Exception {
        stack.close();
        startStack(Duration.ofDays(12).toSeconds());

        var queued = http.send("POST", "/operator/collaborations/" + collaborationId + "/periods/0/close", null,
                Http.auth(OPERATOR_KEY));
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        JsonNode carrier = Journeys.await(() -> {
            var reply = http.get("/collaborations/" + collaborationId + "/periods/0/statement", carrierKey);
            return reply.status() == 200 ? reply.json() : null;
        }, DEADLINE, "the carrier's statement");
        JsonNode produce = http.get("/collaborations/" + collaborationId + "/periods/0/statement", produceKey).json();
        JsonNode grocer = http.get("/collaborations/" + collaborationId + "/periods/0/statement", grocerKey).json();

        long realised = carrier.path("totals").path("realisedTotal").asLong();
        assertThat(carrier.path("totals").path("riskCostTotal").asLong()).isEqualTo(TONU_FEE);
        Map<String, Long> finals = new HashMap<>();
        long sum = 0;
        for (JsonNode statement : List.of(carrier, produce, grocer)) {
            assertThat(statement.path("totals")).isEqualTo(carrier.path("totals"));
            long own = statement.path("realisedGain").asLong() + statement.path("transfer").asLong()
                    - statement.path("riskLoss").asLong() + statement.path("riskRecovery").asLong()
                    - statement.path("riskCharge").asLong();
            assertThat(statement.path("finalResult").asLong()).isEqualTo(own);
            finals.put(statement.path("member").asText(), statement.path("finalResult").asLong());
            sum += statement.path("finalResult").asLong();
        }
        assertThat(sum).isEqualTo(realised - TONU_FEE).isEqualTo(carrier.path("totals").path("finalTotal").asLong());
        carrier.path("memberFinals").forEach(entry -> assertThat(finals.get(entry.path("member").asText()))
                .isEqualTo(entry.path("finalResult").asLong()));

        // The bookings: the delivered move is the carrier's and the produce shipper's only; the TONU the grocer's.
        assertThat(produce.path("bookings").findValuesAsText("bookingId")).containsExactly(deliveredBookingId);
        assertThat(produce.path("bookings").path(0).path("realisedGain").asLong()).isEqualTo(BUDGET - 185_000);
        assertThat(grocer.path("bookings")).isEmpty();
        assertThat(carrier.path("bookings").findValuesAsText("bookingId")).containsExactly(deliveredBookingId);
        assertThat(carrier.path("realisedGain").asLong() + produce.path("realisedGain").asLong()).isEqualTo(realised);
        assertThat(carrier.path("riskLoss").asLong()).isEqualTo(TONU_FEE);
        assertThat(carrier.path("riskRecovery").asLong()).isEqualTo(TONU_FEE);
        assertThat(grocer.path("riskEvents").findValuesAsText("bookingId")).contains(cancelledBookingId);
        assertThat(grocer.path("riskEvents").findValuesAsText("kind")).containsOnly("TONU");
        assertThat(grocer.path("riskCharge").asLong()).as("at fault, under the cap").isEqualTo(TONU_FEE);
        assertThat(produce.toString()).doesNotContain(cancelledBookingId);

        var csv = http.send("GET", "/collaborations/" + collaborationId + "/periods/0/statement?format=csv", null,
                Http.auth(produceKey));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("section,reference,period,role,item,value").contains(deliveredBookingId);

        var again = http.send("POST", "/operator/collaborations/" + collaborationId + "/periods/0/close", null,
                Http.auth(OPERATOR_KEY));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("status").asText()).isEqualTo("SETTLED");
        assertThat(http.get("/collaborations/" + collaborationId + "/periods/0/statement", carrierKey).json())
                .isEqualTo(carrier);
    }

    @Test
    @Order(50)
    @DisplayName("every statement shares the CO2e the delivered move avoided by the money's rule, and the members see the collaboration's figures")
    void emissionsSharesAndTheCollaborationsFigures() {
        long sharesGrams = 0;
        JsonNode first = null;
        for (String key : List.of(carrierKey, produceKey, grocerKey)) {
            JsonNode statement = http.get("/collaborations/" + collaborationId + "/periods/0/statement", key).json();
            JsonNode emissions = statement.path("emissions");
            assertThat(emissions.path("status").asText()).isEqualTo("ALLOCATED");
            assertThat(emissions.path("rule").asText()).isEqualTo(statement.path("rule").asText()).isEqualTo("shapley");
            assertThat(emissions.path("emissionsMethod").path("factorSet").asText()).isNotBlank();
            assertThat(emissions.path("coreCheck").path("exhaustive").asBoolean()).isTrue();
            if (first == null) {
                first = emissions;
            }
            assertThat(emissions.path("memberShares")).isEqualTo(first.path("memberShares"));
            sharesGrams += Math.round(emissions.path("shareKgCo2e").asDouble() * 1_000);
        }
        long realisedGrams = Math.round(first.path("realisedTotalKgCo2e").asDouble() * 1_000);
        assertThat(realisedGrams).as("the Dallas truck's run home is shorter with the load").isPositive();
        assertThat(sharesGrams).as("the shares add up to the CO2e avoided, to the gram").isEqualTo(realisedGrams);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String from = LocalDate.now(ZoneOffset.UTC).minusDays(20).toString();
        var figures = http.get("/collaborations/" + collaborationId + "/outcomes?from=" + from + "&to=" + today,
                grocerKey);
        assertThat(figures.status()).as(figures.body()).isEqualTo(200);
        JsonNode totals = figures.json().path("totals");
        assertThat(totals.path("bookings").asLong()).isEqualTo(1);
        assertThat(totals.path("emptyMilesAvoided").asDouble()).isPositive();
        assertThat(totals.path("surplus").path(0).path("amountMinorUnits").asLong()).as("earned + saved")
                .isEqualTo(figures.json().path("settledPeriods").path(0).path("realisedTotal").asLong());
        assertThat(figures.json().path("settledPeriods").path(0).path("members").findValuesAsText("member"))
                .containsExactlyInAnyOrder(carrierId, produceId, grocerId);
        var stranger = http.get("/collaborations/" + collaborationId + "/outcomes?from=" + from + "&to=" + today,
                register("Stranger Freight LLC", "[\"SHIPPER\"]", 32.78306, -96.80667, 0).path("apiKey")
                        .path("token").asText());
        assertThat(stranger.status()).isEqualTo(404);
    }

    // ---- steps

    private String postTruck() {
        var truck = http.postJson("/lanes/capacity", carrierKey, """
                {"emptyAt": {"name": "Dallas", "stateOrCountry": "TX"},
                 "mustEndAt": {"name": "Chicago", "stateOrCountry": "IL"},
                 "availableFrom": "%s", "mustArriveBy": "%s",
                 "equipment": "DRY_VAN", "weightCapacityLbs": 44000, "palletCapacity": 26,
                 "maxOriginDeadheadMiles": 150, "maxDestinationDeadheadMiles": 350}
                """.formatted(hoursAhead(8), hoursAhead(60)));
        assertThat(truck.status()).as(truck.body()).isEqualTo(201);
        return truck.json().path("laneId").asText();
    }

    /** A load whose pickup window opens in 10 hours: inside the default 24 h TONU window. */
    private String postLoad(String shipperKey) {
        var load = http.postJson("/lanes/loads", shipperKey, """
                {"origin": {"name": "Dallas", "stateOrCountry": "TX"},
                 "destination": {"name": "St. Louis", "stateOrCountry": "MO"},
                 "pickupWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "deliveryWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "weightLbs": 38000, "pallets": 22, "equipment": "DRY_VAN",
                 "commodity": "Canned vegetables", "budget": {"amountMinorUnits": %d, "currency": "USD"}}
                """.formatted(hoursAhead(10), hoursAhead(15), hoursAhead(24), hoursAhead(36), BUDGET));
        assertThat(load.status()).as(load.body()).isEqualTo(201);
        return load.json().path("laneId").asText();
    }

    private String matchOf(String shipperKey, String loadId, String truckId) {
        return Journeys.await(() -> {
            for (JsonNode match : http.get("/lanes/" + loadId + "/matches", shipperKey).json().path("items")) {
                if (truckId.equals(match.path("capacityLaneId").asText())) {
                    return match.path("matchId").asText();
                }
            }
            return null;
        }, DEADLINE, "the match of " + truckId + " and " + loadId);
    }

    /** The shipper offers {@code cents}, the carrier accepts: the booking's id. */
    private String book(String matchId, String shipperKey, long cents) {
        var opened = http.postJson("/matches/" + matchId + "/negotiations", shipperKey, """
                {"amount": {"amountMinorUnits": %d, "currency": "USD"}, "expiresAt": "%s"}
                """.formatted(cents, Instant.now().plus(Duration.ofHours(2))));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        var accepted = http.send("POST", "/negotiations/" + opened.json().path("negotiationId").asText() + "/accept",
                null, Http.auth(carrierKey));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return accepted.json().path("bookingId").asText();
    }

    private JsonNode register(String name, String roles, double latitude, double longitude, long costCents) {
        String cost = costCents > 0
                ? ", \"operatingCostPerMile\": {\"amountMinorUnits\": " + costCents + ", \"currency\": \"USD\"},"
                        + " \"fleetEquipment\": [\"DRY_VAN\"], \"dotNumber\": \"3141592\", \"mcNumber\": \"MC-271828\""
                : "";
        var registered = http.postJson("/partners", null, """
                {"legalName": "%s", "roles": %s,
                 "contact": {"name": "Dispatch", "email": "dispatch@%s.example"},
                 "homeBase": {"latitudeDegrees": %s, "longitudeDegrees": %s}%s}
                """.formatted(name, roles, name.toLowerCase().replaceAll("[^a-z]", ""), latitude, longitude, cost));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json();
    }

    private static String hoursAhead(int hours) {
        return Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(hours + 1)).toString();
    }

    private static String sha256Hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
