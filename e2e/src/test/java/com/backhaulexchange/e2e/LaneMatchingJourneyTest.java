package com.backhaulexchange.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Lane posting and matching as users live it, over real HTTP against the local stack started from
 * template.yaml: the posting writes the lane and queues its match request, ElasticMQ delivers it to the
 * match engine through the SQS event source mapping, and each side then reads the match, without any
 * further call. A third partner never sees either lane or the match; a withdrawal retracts it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LaneMatchingJourneyTest {
    private static final String OPERATOR_KEY = "bhxop_" + "E2eLaneOperatorKey0123456789abcdefghijklmnop".substring(0, 43);
    /** The promise is "within seconds"; the loop gives up well before the test would hang. */
    private static final Duration MATCHING_DEADLINE = Duration.ofSeconds(20);

    private LocalStack stack;
    private Http http;
    private String carrierKey;
    private String carrierId;
    private String shipperKey;
    private String shipperId;
    private String strangerKey;
    private String truckId;
    private String loadId;
    private String matchId;

    @BeforeAll
    void startLocalStackAndRegisterPartners() throws Exception {
        stack = LocalStack.builder()
                .templatePath(Path.of("..", "template.yaml").toAbsolutePath().normalize())
                .httpPort(0)
                .parameter("OperatorKeySha256", Journeys.sha256Hex(OPERATOR_KEY))
                .start();
        http = new Http(stack.httpBaseUrl());
        var carrier = Journeys.register(http, Journeys.partner("Prairie Line Freight LLC", "[\"CARRIER\"]", 41.85003,
                -87.65005, 212, null));
        carrierId = carrier.path("partner").path("partnerId").asText();
        carrierKey = carrier.path("apiKey").path("token").asText();
        var shipper = Journeys.register(http, Journeys.partner("Gulf Coast Produce Co", "[\"SHIPPER\"]", 32.78306,
                -96.80667, 0, null));
        shipperId = shipper.path("partner").path("partnerId").asText();
        shipperKey = shipper.path("apiKey").path("token").asText();
        strangerKey = Journeys.register(http, Journeys.partner("Third Coast Logistics", "[\"CARRIER\", \"SHIPPER\"]",
                29.76328, -95.36327, 198, null)).path("apiKey").path("token").asText();
    }

    @AfterAll
    void stopLocalStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(10)
    @DisplayName("a carrier posts its empty truck home by city names; a shipper posts a load on the way, idempotently")
    void bothSidesPost() {
        var truck = http.postJson("/lanes/capacity", carrierKey, """
                {"emptyAt": {"name": "Dallas", "stateOrCountry": "TX"},
                 "mustEndAt": {"name": "Chicago", "stateOrCountry": "Illinois"},
                 "availableFrom": "%s", "mustArriveBy": "%s",
                 "equipment": "V", "weightCapacityLbs": 44000, "palletCapacity": 26,
                 "maxOriginDeadheadMiles": 150, "maxDestinationDeadheadMiles": 350}
                """.formatted(Journeys.local(1, 6), Journeys.local(2, 20)));
        assertThat(truck.status()).as(truck.body()).isEqualTo(201);
        truckId = truck.json().path("laneId").asText();
        assertThat(truck.header("Location")).isEqualTo("/lanes/" + truckId);
        assertThat(truck.json().path("emptyAt").path("label").asText()).isEqualTo("Dallas, TX");

        var headers = new LinkedHashMap<>(Http.auth(shipperKey));
        headers.put("Content-Type", "application/json");
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        String load = """
                {"origin": {"name": "Dallas", "stateOrCountry": "TX"},
                 "destination": {"name": "St. Louis", "stateOrCountry": "MO"},
                 "pickupWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "deliveryWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "weightLbs": 38000, "pallets": 22, "equipment": "DRY_VAN",
                 "commodity": "Canned vegetables", "budget": {"amountMinorUnits": 240000, "currency": "USD"}}
                """.formatted(Journeys.local(1, 7), Journeys.local(1, 12), Journeys.local(2, 6), Journeys.local(2, 18));
        var posted = http.send("POST", "/lanes/loads", load, headers);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        loadId = posted.json().path("laneId").asText();
        var retry = http.send("POST", "/lanes/loads", load, headers);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().path("laneId").asText()).isEqualTo(loadId);
        assertThat(http.get("/lanes", shipperKey).json().path("items").findValuesAsText("laneId"))
                .containsExactly(loadId);
    }

    @Test
    @Order(20)
    @DisplayName("within seconds, without another call, both sides see the same match with its explanation")
    void bothSidesSeeTheMatch() {
        var shipperView = awaitMatches(loadId, shipperKey, view -> view.path("items").size() > 0);
        var carrierView = awaitMatches(truckId, carrierKey, view -> view.path("items").size() > 0);

        matchId = shipperView.path("items").path(0).path("matchId").asText();
        assertThat(carrierView.path("items").findValuesAsText("matchId")).containsExactly(matchId);
        var match = http.get("/matches/" + matchId, carrierKey);
        assertThat(match.status()).isEqualTo(200);
        assertThat(match.json().path("status").asText()).isEqualTo("PROPOSED");
        assertThat(match.json().path("capacityLaneId").asText()).isEqualTo(truckId);
        assertThat(match.json().path("loadLaneId").asText()).isEqualTo(loadId);
        assertThat(match.json().path("carrierPartnerId").asText()).isEqualTo(carrierId);
        assertThat(match.json().path("shipperPartnerId").asText()).isEqualTo(shipperId);
        var explanation = match.json().path("explanation");
        assertThat(explanation.path("emptyMilesAvoided").asDouble()).isGreaterThan(500);
        assertThat(explanation.path("economics").path("surplus").path("amountMinorUnits").asLong()).isPositive();
        assertThat(explanation.path("economics").path("costSource").asText()).isEqualTo("CARRIER_COST");
        assertThat(explanation.path("hoursOfServiceStops").findValuesAsText("kind")).contains("REST");
        var byShipper = http.get("/matches/" + matchId, shipperKey).json();
        assertThat(byShipper.path("explanation").path("economics").path("costSource").asText())
                .as("each side sees a market estimate of the other's private figure").isEqualTo("MARKET_COST");
        var byCarrier = match.json();
        ((ObjectNode) byShipper.path("explanation")).remove("economics");
        ((ObjectNode) byCarrier.path("explanation")).remove("economics");
        assertThat(byShipper).as("the two views differ only in their economics").isEqualTo(byCarrier);
    }

    @Test
    @Order(25)
    @DisplayName("the operator runs the batch optimiser: the pair is recommended to both parties")
    void theOperatorOptimisesTheRegion() {
        var optimised = http.send("POST", "/operator/matching/optimise", null, Http.auth(OPERATOR_KEY));
        assertThat(optimised.status()).as(optimised.body()).isEqualTo(200);
        assertThat(optimised.json().path("plans").findValues("recommendedMatchIds").toString()).contains(matchId);

        var recommended = http.get("/matches/" + matchId, shipperKey).json().path("recommendation");
        assertThat(recommended.path("region").asText()).hasSize(2);
        assertThat(http.get("/lanes/" + truckId + "/matches", carrierKey).json().path("items").path(0)
                .path("recommendation").path("region").asText()).isEqualTo(recommended.path("region").asText());
        assertThat(http.send("POST", "/operator/matching/optimise", null, Http.auth(carrierKey)).status())
                .as("partners cannot").isEqualTo(403);
    }

    @Test
    @Order(30)
    @DisplayName("a third partner can neither list nor read the lanes or the match, nor withdraw a lane")
    void aThirdPartnerSeesNothing() {
        assertThat(http.get("/matches/" + matchId, strangerKey).status()).isEqualTo(404);
        assertThat(http.get("/lanes/" + truckId, strangerKey).status()).isEqualTo(404);
        assertThat(http.get("/lanes/" + loadId + "/matches", strangerKey).status()).isEqualTo(404);
        assertThat(http.delete("/lanes/" + truckId, strangerKey).status()).isEqualTo(404);
        var own = http.get("/lanes", strangerKey);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("items")).isEmpty();
        assertThat(http.get("/matches/" + matchId, null).status()).isEqualTo(401);
    }

    @Test
    @Order(40)
    @DisplayName("a load no truck can take is told why the nearest candidates were rejected, without naming them")
    void aLoadWithoutAMatchHearsWhy() {
        var posted = http.postJson("/lanes/loads", strangerKey, """
                {"origin": {"latitudeDegrees": 32.72541, "longitudeDegrees": -97.32085, "label": "Fort Worth yard"},
                 "destination": {"name": "Denver", "stateOrCountry": "CO"},
                 "pickupWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "deliveryWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "weightLbs": 30000, "pallets": 20, "equipment": "DRY_VAN", "commodity": "Paper rolls"}
                """.formatted(Journeys.local(1, 7), Journeys.local(1, 12), Journeys.local(2, 6), Journeys.local(3, 18)));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);

        var view = awaitMatches(posted.json().path("laneId").asText(), strangerKey,
                matches -> "COMPLETED".equals(matches.path("matching").path("status").asText()));

        assertThat(view.path("items")).isEmpty();
        assertThat(view.path("nearestRejections").path(0).path("reasonCodes").toString())
                .contains("DESTINATION_DEADHEAD_EXCEEDED");
        assertThat(view.toString()).doesNotContain(truckId).doesNotContain(carrierId);
    }

    @Test
    @Order(50)
    @DisplayName("an ambiguous city is a 400 that lists the candidates, and nothing is posted")
    void anAmbiguousCityIsRejected() {
        var rejected = http.postJson("/lanes/capacity", carrierKey, """
                {"emptyAt": {"name": "Springfield"}, "mustEndAt": {"name": "Chicago", "stateOrCountry": "IL"},
                 "availableFrom": "%s", "mustArriveBy": "%s", "equipment": "DRY_VAN", "weightCapacityLbs": 44000,
                 "palletCapacity": 26, "maxOriginDeadheadMiles": 100, "maxDestinationDeadheadMiles": 100}
                """.formatted(Journeys.local(1, 6), Journeys.local(2, 20)));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.json().path("errors").path(0).path("pointer").asText()).isEqualTo("/emptyAt/name");
        assertThat(rejected.json().path("errors").path(0).path("detail").asText())
                .contains("Springfield, MO").contains("Springfield, IL");
        assertThat(http.get("/lanes", carrierKey).json().path("items").findValuesAsText("laneId"))
                .containsExactly(truckId);
    }

    @Test
    @Order(60)
    @DisplayName("the shipper withdraws its load: the match is retracted for both parties at once")
    void withdrawalRetractsTheMatch() {
        var withdrawn = http.delete("/lanes/" + loadId, shipperKey);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asText()).isEqualTo("WITHDRAWN");

        assertThat(http.get("/lanes/" + truckId + "/matches", carrierKey).json().path("items")).isEmpty();
        assertThat(http.get("/lanes/" + loadId + "/matches", shipperKey).json().path("items")).isEmpty();
        var retracted = http.get("/matches/" + matchId, carrierKey);
        assertThat(retracted.json().path("status").asText()).isEqualTo("RETRACTED");
        assertThat(http.get("/lanes?status=WITHDRAWN", shipperKey).json().path("items").findValuesAsText("laneId"))
                .containsExactly(loadId);
    }

    @Test
    @Order(70)
    @DisplayName("the outbox sweeper runs on its schedule and finds nothing left to resend")
    void theSweeperHasNothingToDo() {
        var swept = http.send("POST", "/_local/schedules/MatchRequestSweeperFunction/SweepMatchRequests", null,
                java.util.Map.of());
        assertThat(swept.status()).as(swept.body()).isEqualTo(200);
        assertThat(swept.body()).contains("\"resent\":0");
    }

    /** Polls the lane's matches (a bounded loop, no timing assertion) until {@code done} holds. */
    private JsonNode awaitMatches(String laneId, String apiKey, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + MATCHING_DEADLINE.toNanos();
        JsonNode view;
        do {
            var response = http.get("/lanes/" + laneId + "/matches", apiKey);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            view = response.json();
            if (done.test(view)) {
                return view;
            }
            Journeys.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("lane " + laneId + " not matched within " + MATCHING_DEADLINE + ": " + view);
    }

}
