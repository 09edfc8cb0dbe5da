package com.backhaulexchange.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * Reload packages as a carrier lives them (issue 11, ADR 25), over real HTTP against the local stack: a carrier at
 * home in Indianapolis posts a truck that must end at home; three shippers post loads that, one after another, take
 * it round a triangle (Indianapolis → St. Louis, St. Louis → Chicago, a hop to Milwaukee → Indianapolis). No load
 * alone brings the truck home; within seconds the carrier sees the package of the three, in order, explained. A
 * truck in Dallas whose only chain would need it in Houston before it can get there is told which leg fails and why.
 * Then the package is booked as one deal (ADR 32): each shipper is offered its own load and sees nothing of the
 * others; a decline fails it for everyone; offered again, a counter and three acceptances book every lane at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackageJourneyTest {
    private static final String OPERATOR_KEY = "bhxop_" + "E2ePackageOperatorKey0123456789abcdefghijklmn".substring(0, 43);
    private static final Duration MATCHING_DEADLINE = Duration.ofSeconds(30);

    private LocalStack stack;
    private Http http;
    private String carrierKey;
    private String carrierId;
    private final String[] shipperKeys = new String[3];
    private final String[] shipperIds = new String[3];
    private String strangerKey;
    private String truckId;
    private String dallasTruckId;
    private final String[] loadIds = new String[3];
    private String packageId;

    @BeforeAll
    void startLocalStackAndRegisterPartners() {
        stack = LocalStack.builder()
                .templatePath(Path.of("..", "template.yaml").toAbsolutePath().normalize())
                .httpPort(0)
                .parameter("OperatorKeySha256", Journeys.sha256Hex(OPERATOR_KEY))
                .runSchedules(false)
                .start();
        http = new Http(stack.httpBaseUrl());
        var carrier = Journeys.register(http, Journeys.partner("Hoosier Loop Trucking", "[\"CARRIER\"]", 39.76838,
                -86.15804, 200, null));
        carrierId = carrier.path("partner").path("partnerId").asText();
        carrierKey = carrier.path("apiKey").path("token").asText();
        Journeys.fileCompliance(http, carrierKey);
        String[] names = {"Circle City Foods", "Gateway Paper Co", "Lakeshore Brewing Supply"};
        for (int i = 0; i < 3; i++) {
            var shipper = Journeys.register(http, Journeys.partner(names[i], "[\"SHIPPER\"]", 39.7, -86.1, 0, null));
            shipperIds[i] = shipper.path("partner").path("partnerId").asText();
            shipperKeys[i] = shipper.path("apiKey").path("token").asText();
        }
        strangerKey = Journeys.register(http, Journeys.partner("Elsewhere Haulage", "[\"CARRIER\", \"SHIPPER\"]",
                29.76, -95.36, 190, null)).path("apiKey").path("token").asText();
    }

    @AfterAll
    void stopLocalStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(10)
    @DisplayName("three shippers post loads that form a triangle; a carrier posts its truck at home, to end at home")
    void theShippersAndTheCarrierPost() {
        loadIds[0] = postLoad(0, "Indianapolis", "IN", "St. Louis", "MO", 1, 6, 8, 90_000);
        loadIds[1] = postLoad(1, "St. Louis", "MO", "Chicago", "IL", 2, 6, 10, 100_000);
        loadIds[2] = postLoad(2, "Milwaukee", "WI", "Indianapolis", "IN", 3, 6, 10, 100_000);
        var truck = http.postJson("/lanes/capacity", carrierKey, """
                {"emptyAt": {"name": "Indianapolis", "stateOrCountry": "IN"},
                 "mustEndAt": {"name": "Indianapolis", "stateOrCountry": "IN"},
                 "availableFrom": "%s", "mustArriveBy": "%s",
                 "equipment": "DRY_VAN", "weightCapacityLbs": 44000, "palletCapacity": 26,
                 "maxOriginDeadheadMiles": 150, "maxDestinationDeadheadMiles": 150, "maxReloadDeadheadMiles": 150}
                """.formatted(Journeys.local(1, 6), Journeys.local(4, 20)));
        assertThat(truck.status()).as(truck.body()).isEqualTo(201);
        truckId = truck.json().path("laneId").asText();
        assertThat(truck.json().path("maxReloadDeadheadMiles").asInt()).isEqualTo(150);
    }

    @Test
    @Order(20)
    @DisplayName("within seconds the carrier sees the triangle: the three loads in order, explained leg by leg")
    void theCarrierSeesThePackage() {
        var view = awaitPackages(truckId, carrierKey, packages -> packages.path("items").size() > 0);

        var found = view.path("items").path(0);
        packageId = found.path("packageId").asText();
        assertThat(found.path("legs").findValuesAsText("loadLaneId")).containsExactly(loadIds);
        assertThat(found.path("legs").findValuesAsText("shipperPartnerId")).containsExactly(shipperIds);
        assertThat(found.path("roundTrip").asBoolean()).isTrue();
        assertThat(found.path("carrierPartnerId").asText()).isEqualTo(carrierId);
        var explanation = found.path("explanation");
        assertThat(explanation.path("destinationDeadheadMiles").asDouble()).isLessThan(10);
        assertThat(explanation.path("reloadDeadheadMiles").asDouble()).isBetween(80.0, 120.0);
        assertThat(explanation.path("emptyMilesAvoided").asDouble())
                .as("a round trip avoids more than its best load alone, which would come home empty")
                .isGreaterThan(explanation.path("bestSingleLoadEmptyMilesAvoided").asDouble());
        assertThat(explanation.path("economics").path("surplus").path("amountMinorUnits").asLong()).isPositive();
        assertThat(explanation.path("schedule").findValuesAsText("kind")).containsExactly("PICKUP", "DELIVERY",
                "PICKUP", "DELIVERY", "PICKUP", "DELIVERY", "END");
        assertThat(explanation.path("drivePlan").path("activities").findValuesAsText("kind"))
                .as("one plan across the chain: driving, loading and unloading, waiting overnight for the next window")
                .contains("DRIVING", "DWELL", "WAITING");
        assertThat(explanation.path("drivePlan").path("stops")).hasSize(7);
        assertThat(view.toString()).as("no shipper's budget").doesNotContain("BUDGET");
        var byId = http.get("/packages/" + packageId, carrierKey);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json()).isEqualTo(found);
        assertThat(http.get("/lanes/" + truckId + "/matches", carrierKey).json().path("items"))
                .as("no single load gets the truck home").isEmpty();
    }

    @Test
    @Order(30)
    @DisplayName("nobody else sees the package: a shipper in it and a stranger get the 404 of an unknown id")
    void nobodyElseSeesIt() {
        for (String key : List.of(shipperKeys[0], strangerKey)) {
            assertThat(http.get("/packages/" + packageId, key).status()).isEqualTo(404);
            assertThat(http.get("/lanes/" + truckId + "/packages", key).status()).isEqualTo(404);
        }
        assertThat(http.get("/packages/" + packageId, null).status()).isEqualTo(401);
    }

    @Test
    @Order(40)
    @DisplayName("a truck whose only chain breaks a pickup window is told which leg and why, without naming the loads")
    void aTruckWithoutAPackageHearsWhy() {
        String first = postLoadBy(strangerKey, "Dallas", "TX", "Houston", "TX", Journeys.local(1, 6),
                Journeys.local(1, 8), Journeys.local(1, 10), Journeys.local(1, 18));
        String second = postLoadBy(strangerKey, "Houston", "TX", "Dallas", "TX", Journeys.local(1, 8),
                Journeys.local(1, 12), Journeys.local(1, 14), Journeys.local(1, 23));
        var truck = http.postJson("/lanes/capacity", carrierKey, """
                {"emptyAt": {"name": "Dallas", "stateOrCountry": "TX"}, "mustEndAt": {"name": "Dallas", "stateOrCountry": "TX"},
                 "availableFrom": "%s", "mustArriveBy": "%s", "equipment": "DRY_VAN", "weightCapacityLbs": 44000,
                 "palletCapacity": 26, "maxOriginDeadheadMiles": 150, "maxDestinationDeadheadMiles": 150}
                """.formatted(Journeys.local(1, 6), Journeys.local(2, 20)));
        assertThat(truck.status()).as(truck.body()).isEqualTo(201);
        dallasTruckId = truck.json().path("laneId").asText();

        var view = awaitPackages(dallasTruckId, carrierKey,
                packages -> "COMPLETED".equals(packages.path("search").path("status").asText()));

        assertThat(view.path("items")).isEmpty();
        var nearest = view.path("nearestRejected").path(0);
        assertThat(nearest.path("legs")).hasSize(2);
        assertThat(nearest.path("legs").path(1).path("reasonCodes").toString()).contains("PICKUP_WINDOW_MISSED");
        assertThat(nearest.path("reasons").toString()).contains("/loads/1/pickupWindow/closesAt");
        assertThat(view.toString()).doesNotContain(first).doesNotContain(second);
    }

    @Test
    @Order(50)
    @DisplayName("the second shipper withdraws its load: the package is retracted for the carrier at once")
    void withdrawalRetractsThePackage() {
        assertThat(http.delete("/lanes/" + loadIds[1], shipperKeys[1]).status()).isEqualTo(200);

        assertThat(http.get("/lanes/" + truckId + "/packages", carrierKey).json().path("items")).isEmpty();
        assertThat(http.get("/packages/" + packageId, carrierKey).json().path("status").asText())
                .isEqualTo("RETRACTED");
    }

    @Test
    @Order(60)
    @DisplayName("the second shipper posts its load again: the carrier sees the triangle anew")
    void theLoadIsPostedAgain() {
        loadIds[1] = postLoad(1, "St. Louis", "MO", "Chicago", "IL", 2, 6, 10, 100_000);

        var view = awaitPackages(truckId, carrierKey, packages -> packages.path("items").size() > 0);

        packageId = view.path("items").path(0).path("packageId").asText();
        assertThat(view.path("items").path(0).path("legs").findValuesAsText("loadLaneId")).containsExactly(loadIds);
    }

    @Test
    @Order(70)
    @DisplayName("the carrier offers each shipper its load; one declines: the package fails for everyone, nothing books")
    void aDeclineFailsThePackage() {
        String dealId = openDeal();
        var ownLoad = http.get("/package-deals/" + dealId, shipperKeys[2]);
        assertThat(ownLoad.status()).isEqualTo(200);
        assertThat(ownLoad.json().path("legs")).hasSize(1);
        assertThat(ownLoad.body()).as("a shipper never learns the other loads, shippers or prices")
                .doesNotContain(loadIds[0]).doesNotContain(loadIds[1]).doesNotContain(shipperIds[0])
                .doesNotContain(shipperIds[1]).doesNotContain("\"amountMinorUnits\":52000");
        assertThat(http.get("/package-deals/" + dealId, strangerKey).status()).isEqualTo(404);
        assertThat(onLeg(dealId, 0, "accept", shipperKeys[0]).json().path("status").asText()).isEqualTo("OPEN");

        var declined = onLeg(dealId, 2, "decline", shipperKeys[2]);

        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(declined.json().path("status").asText()).isEqualTo("FAILED");
        var forFirst = http.get("/package-deals/" + dealId, shipperKeys[0]).json();
        assertThat(forFirst.path("failure").path("cause").asText()).isEqualTo("DECLINED");
        assertThat(forFirst.path("failure").path("onYourLoad").asBoolean()).isFalse();
        assertThat(http.get("/package-deals/" + dealId, carrierKey).json().path("failure").path("legIndex").asInt())
                .isEqualTo(2);
        assertThat(http.get("/bookings", carrierKey).json().path("items")).isEmpty();
    }

    @Test
    @Order(80)
    @DisplayName("offered again, every shipper accepts: the package books at the last acceptance, one booking per load")
    void everyShipperAcceptsAndThePackageBooks() {
        String dealId = openDeal();
        assertThat(onLeg(dealId, 1, "accept", shipperKeys[0]).status())
                .as("another load's shipper cannot tell the leg exists").isEqualTo(404);
        var countered = http.postJson("/package-deals/" + dealId + "/legs/1/counter", shipperKeys[1], """
                {"amount": {"amountMinorUnits": 58000, "currency": "USD"}, "expiresAt": "%s"}"""
                .formatted(java.time.Instant.now().plus(Duration.ofHours(2)).truncatedTo(
                        java.time.temporal.ChronoUnit.SECONDS)));
        assertThat(countered.status()).as(countered.body()).isEqualTo(200);
        assertThat(onLeg(dealId, 1, "accept", carrierKey).json().path("status").asText()).isEqualTo("OPEN");
        assertThat(onLeg(dealId, 0, "accept", shipperKeys[0]).json().path("status").asText()).isEqualTo("OPEN");

        var last = onLeg(dealId, 2, "accept", shipperKeys[2]);

        assertThat(last.status()).as(last.body()).isEqualTo(200);
        assertThat(last.json().path("status").asText()).isEqualTo("BOOKED");
        var deal = http.get("/package-deals/" + dealId, carrierKey).json();
        assertThat(deal.path("status").asText()).isEqualTo("BOOKED");
        long[] agreed = {50_000, 58_000, 54_000};
        for (int i = 0; i < 3; i++) {
            var bookings = http.get("/bookings", shipperKeys[i]).json().path("items");
            assertThat(bookings).hasSize(1);
            assertThat(bookings.path(0).path("loadLaneId").asText()).isEqualTo(loadIds[i]);
            assertThat(bookings.path(0).path("capacityLaneId").asText()).isEqualTo(truckId);
            assertThat(bookings.path(0).path("status").asText()).isEqualTo("BOOKED");
            assertThat(bookings.path(0).path("agreedAmount").path("amountMinorUnits").asLong()).isEqualTo(agreed[i]);
            assertThat(http.get("/lanes/" + loadIds[i], shipperKeys[i]).json().path("status").asText())
                    .isEqualTo("BOOKED");
        }
        assertThat(http.get("/bookings", carrierKey).json().path("items")).hasSize(3);
        assertThat(http.get("/lanes/" + truckId, carrierKey).json().path("status").asText()).isEqualTo("BOOKED");
        assertThat(http.get("/lanes/" + truckId + "/packages", carrierKey).json().path("items"))
                .as("the booked truck has no packages left").isEmpty();
        var rateConfirmation = http.get("/bookings/" + last.json().path("bookingIds").path(0).asText()
                + "/rate-confirmation", shipperKeys[2]);
        assertThat(rateConfirmation.status()).as("a package booking is a booking like any other").isEqualTo(200);
    }

    private String openDeal() {
        String expiresAt = java.time.Instant.now().plus(Duration.ofHours(2))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        var opened = http.send("POST", "/packages/" + packageId + "/deals", """
                {"offers": [{"amount": {"amountMinorUnits": 50000, "currency": "USD"}, "expiresAt": "%1$s"},
                            {"amount": {"amountMinorUnits": 52000, "currency": "USD"}, "expiresAt": "%1$s"},
                            {"amount": {"amountMinorUnits": 54000, "currency": "USD"}, "expiresAt": "%1$s"}]}"""
                .formatted(expiresAt), java.util.Map.of("Authorization", "Bearer " + carrierKey,
                "Content-Type", "application/json", "Idempotency-Key", java.util.UUID.randomUUID().toString()));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().path("legs")).hasSize(3);
        return opened.json().path("dealId").asText();
    }

    private Http.Response onLeg(String dealId, int leg, String verb, String apiKey) {
        return http.send("POST", "/package-deals/" + dealId + "/legs/" + leg + "/" + verb, null, Http.auth(apiKey));
    }

    private String postLoad(int shipper, String from, String fromState, String to, String toState, int day,
            int opensHour, int closesHour, long budgetCents) {
        var posted = http.postJson("/lanes/loads", shipperKeys[shipper], """
                {"origin": {"name": "%s", "stateOrCountry": "%s"}, "destination": {"name": "%s", "stateOrCountry": "%s"},
                 "pickupWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "deliveryWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "weightLbs": 30000, "pallets": 20, "equipment": "DRY_VAN", "commodity": "General freight",
                 "budget": {"amountMinorUnits": %d, "currency": "USD"}}
                """.formatted(from, fromState, to, toState, Journeys.local(day, opensHour),
                Journeys.local(day, closesHour), Journeys.local(day, 10), Journeys.local(day, 18), budgetCents));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return posted.json().path("laneId").asText();
    }

    private String postLoadBy(String key, String from, String fromState, String to, String toState,
            String pickupOpens, String pickupCloses, String deliveryOpens, String deliveryCloses) {
        var posted = http.postJson("/lanes/loads", key, """
                {"origin": {"name": "%s", "stateOrCountry": "%s"}, "destination": {"name": "%s", "stateOrCountry": "%s"},
                 "pickupWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "deliveryWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "weightLbs": 30000, "pallets": 20, "equipment": "DRY_VAN", "commodity": "Paper towels",
                 "budget": {"amountMinorUnits": 150000, "currency": "USD"}}
                """.formatted(from, fromState, to, toState, pickupOpens, pickupCloses, deliveryOpens, deliveryCloses));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return posted.json().path("laneId").asText();
    }

    /** Polls the lane's packages (a bounded loop, no timing assertion) until {@code done} holds. */
    private JsonNode awaitPackages(String laneId, String apiKey, Predicate<JsonNode> done) {
        return Journeys.await(() -> {
            var response = http.get("/lanes/" + laneId + "/packages", apiKey);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            return done.test(response.json()) ? response.json() : null;
        }, MATCHING_DEADLINE, "the packages of lane " + laneId);
    }
}
