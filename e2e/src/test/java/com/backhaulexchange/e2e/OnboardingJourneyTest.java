package com.backhaulexchange.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.LocalStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The onboarding journey as a user lives it, over real HTTP against the local stack started from
 * template.yaml: register, authenticate, update, rotate and revoke keys, and the operator's suspension,
 * with the tenancy checks (a partner never sees another partner's data).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnboardingJourneyTest {
    private static final String OPERATOR_KEY = "bhxop_" + "E2eOperatorKey0123456789abcdefghijklmnopqrs".substring(0, 43);

    private LocalStack stack;
    private Http http;
    private String carrierId;
    private String carrierKey;
    private String carrierKeyId;
    private String shipperId;
    private String shipperKey;

    @BeforeAll
    void startLocalStack() throws Exception {
        stack = LocalStack.builder()
                .templatePath(Path.of("..", "template.yaml").toAbsolutePath().normalize())
                .httpPort(0)
                .parameter("OperatorKeySha256", sha256Hex(OPERATOR_KEY))
                .start();
        http = new Http(stack.httpBaseUrl());
    }

    @AfterAll
    void stopLocalStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("a carrier registers and receives its API key exactly once; a retry with the same Idempotency-Key replays it")
    void carrierRegisters() {
        String idempotencyKey = UUID.randomUUID().toString();
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        headers.put("Idempotency-Key", idempotencyKey);
        var first = http.send("POST", "/partners", CARRIER, headers);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("Location")).startsWith("/partners/");
        carrierId = first.json().path("partner").path("partnerId").asText();
        carrierKey = first.json().path("apiKey").path("token").asText();
        carrierKeyId = first.json().path("apiKey").path("keyId").asText();
        assertThat(carrierKey).startsWith("bhx_" + carrierId + "_" + carrierKeyId + "_");

        var retry = http.send("POST", "/partners", CARRIER.replace("\n", " "), headers);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");

        headers.put("Idempotency-Key", idempotencyKey);
        var reuse = http.send("POST", "/partners", CARRIER.replace("Lakeshore", "Other"), headers);
        assertThat(reuse.status()).isEqualTo(422);
        assertThat(reuse.contentType()).startsWith("application/problem+json");
    }

    @Test
    @Order(2)
    @DisplayName("a shipper registers too, and each partner reads only itself")
    void shipperRegistersAndTenancyHolds() {
        var registered = http.postJson("/partners", null, SHIPPER);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        shipperId = registered.json().path("partner").path("partnerId").asText();
        shipperKey = registered.json().path("apiKey").path("token").asText();

        var me = http.get("/partners/me", carrierKey);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("partnerId").asText()).isEqualTo(carrierId);
        assertThat(me.body()).doesNotContain("token").doesNotContain(carrierKey.substring(carrierKey.lastIndexOf('_') + 1));
        assertThat(me.header("ETag")).isEqualTo("\"v1\"");

        var someoneElse = http.get("/partners/" + shipperId, carrierKey);
        assertThat(someoneElse.status()).isEqualTo(404);
        assertThat(someoneElse.body()).doesNotContain("Gulf Coast Produce").doesNotContain(shipperId);

        var ownById = http.get("/partners/" + carrierId, carrierKey);
        assertThat(ownById.status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    @DisplayName("requests without a valid key get 401 problem+json; a partner on an operator route gets 403")
    void authenticationAndRoleFailures() {
        var missing = http.get("/partners/me", null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.contentType()).startsWith("application/problem+json");

        var malformed = http.get("/partners/me", "not-a-key");
        assertThat(malformed.status()).isEqualTo(401);
        assertThat(malformed.json().path("status").asInt()).isEqualTo(401);

        String forged = carrierKey.substring(0, carrierKey.length() - 1) + (carrierKey.endsWith("A") ? "B" : "A");
        assertThat(http.get("/partners/me", forged).status()).isEqualTo(401);

        var operatorRoute = http.get("/operator/partners", carrierKey);
        assertThat(operatorRoute.status()).isEqualTo(403);
        assertThat(operatorRoute.contentType()).startsWith("application/problem+json");
    }

    @Test
    @Order(4)
    @DisplayName("bad input is rejected with a pointer per field and creates nothing")
    void badInputWritesNothing() throws Exception {
        int before = activePartnerCount();
        var invalid = http.postJson("/partners", null, SHIPPER.replace("\"roles\"", "\"colour\": \"red\", \"roles\"")
                .replace("35.14953", "135.0"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.json().path("errors").findValuesAsText("pointer"))
                .contains("/colour", "/homeBase/latitudeDegrees");

        assertThat(http.postJson("/partners", null, "{\"legalName\": ").status()).isEqualTo(400);
        var wrongType = http.send("POST", "/partners", SHIPPER, Map.of("Content-Type", "text/plain"));
        assertThat(wrongType.status()).isEqualTo(415);
        var tooLarge = http.postJson("/partners", null, "{\"legalName\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);

        assertThat(activePartnerCount()).isEqualTo(before);

        // A path API Gateway cannot decode is its 400 problem, never the local HTTP server's HTML page.
        for (String path : java.util.List.of("/matches/%ZZ", "/partners/%G1", "/lanes/abc%")) {
            var malformed = rawGet(path, carrierKey);
            assertThat(malformed).as(path).startsWith("HTTP/1.1 400 ").containsIgnoringCase(
                    "Content-Type: application/problem+json").doesNotContainIgnoringCase("text/html");
            var problem = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    malformed.substring(malformed.indexOf("\r\n\r\n") + 4));
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            assertThat(problem.path("type").asText()).isEqualTo("https://backhaul.exchange/problems/validation-failed");
            assertThat(problem.path("detail").asText()).contains("percent-encoding");
        }
    }

    /** A GET sent as written: an HTTP client would refuse to send a malformed percent-encoding. */
    private String rawGet(String path, String apiKey) throws java.io.IOException {
        int port = stack.httpBaseUrl().getPort();
        try (var socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + apiKey + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    @Order(5)
    @DisplayName("a partner updates its profile with a merge patch guarded by its ETag")
    void profileUpdate() {
        var headers = new LinkedHashMap<>(Http.auth(carrierKey));
        headers.put("Content-Type", "application/merge-patch+json");
        headers.put("If-Match", "\"v1\"");
        var updated = http.send("PATCH", "/partners/me", "{\"operatingCostPerMile\": {\"amountMinorUnits\": 231,"
                + " \"currency\": \"USD\"}, \"contact\": {\"phone\": null}}", headers);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().path("operatingCostPerMile").path("amountMinorUnits").asLong()).isEqualTo(231);
        assertThat(updated.json().path("contact").has("phone")).isFalse();
        assertThat(updated.header("ETag")).isEqualTo("\"v2\"");

        var stale = http.send("PATCH", "/partners/me", "{\"legalName\": \"Lakeshore Haulers Inc\"}", headers);
        assertThat(stale.status()).isEqualTo(412);
    }

    @Test
    @Order(6)
    @DisplayName("a rotated key keeps working through its grace period; a key rotated with no grace and a revoked key stop at once")
    void keyRotationAndRevocation() {
        var rotation = http.postJson("/partners/me/api-keys/" + carrierKeyId + "/rotate", carrierKey,
                "{\"gracePeriodSeconds\": 600}");
        assertThat(rotation.status()).as(rotation.body()).isEqualTo(201);
        String newKey = rotation.json().path("apiKey").path("token").asText();
        String newKeyId = rotation.json().path("apiKey").path("keyId").asText();
        assertThat(rotation.json().path("replacedKey").path("status").asText()).isEqualTo("EXPIRING");

        assertThat(http.get("/partners/me", carrierKey).status()).as("old key within grace").isEqualTo(200);
        assertThat(http.get("/partners/me", newKey).status()).isEqualTo(200);

        var keys = http.get("/partners/me/api-keys", newKey);
        assertThat(keys.json().path("items")).hasSize(2);
        assertThat(keys.body()).doesNotContain("token").doesNotContain("secret");

        assertThat(http.delete("/partners/me/api-keys/" + carrierKeyId, newKey).status()).isEqualTo(204);
        assertThat(http.get("/partners/me", carrierKey).status()).as("revoked key").isEqualTo(401);

        var lastKey = http.delete("/partners/me/api-keys/" + newKeyId, newKey);
        assertThat(lastKey.status()).as("the last active key cannot be revoked").isEqualTo(409);

        var immediate = http.postJson("/partners/me/api-keys/" + newKeyId + "/rotate", newKey,
                "{\"gracePeriodSeconds\": 0}");
        assertThat(immediate.status()).isEqualTo(201);
        assertThat(http.get("/partners/me", newKey).status()).as("rotated with no grace").isEqualTo(401);
        carrierKey = immediate.json().path("apiKey").path("token").asText();
        assertThat(http.get("/partners/me", carrierKey).status()).isEqualTo(200);
    }

    @Test
    @Order(7)
    @DisplayName("the operator lists partners and suspends one; its keys stop working at once, and work again when reinstated")
    void operatorSuspendsAndReinstates() {
        var list = http.get("/operator/partners?status=ACTIVE&limit=1", OPERATOR_KEY);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items")).hasSize(1);
        var nextPage = http.get("/operator/partners?status=ACTIVE&limit=1&cursor=" + list.json().path("nextCursor").asText(),
                OPERATOR_KEY);
        assertThat(nextPage.status()).isEqualTo(200);
        assertThat(nextPage.json().path("items").get(0).path("partnerId").asText())
                .isNotEqualTo(list.json().path("items").get(0).path("partnerId").asText());

        assertThat(http.get("/partners/me", OPERATOR_KEY).status()).as("the operator is not a partner").isEqualTo(403);

        var suspended = http.postJson("/operator/partners/" + shipperId + "/suspend", OPERATOR_KEY,
                "{\"reason\": \"Insurance certificate expired\"}");
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(suspended.json().path("status").asText()).isEqualTo("SUSPENDED");

        var refused = http.get("/partners/me", shipperKey);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/operator/partners?status=SUSPENDED", OPERATOR_KEY).json().path("items")
                .findValuesAsText("partnerId")).containsExactly(shipperId);

        assertThat(http.postJson("/operator/partners/" + shipperId + "/reinstate", OPERATOR_KEY, null).status())
                .isEqualTo(200);
        assertThat(http.get("/partners/me", shipperKey).status()).isEqualTo(200);
    }

    private int activePartnerCount() {
        int count = 0;
        String cursor = null;
        do {
            var page = http.get("/operator/partners?status=ACTIVE&limit=100" + (cursor == null ? "" : "&cursor=" + cursor),
                    OPERATOR_KEY);
            assertThat(page.status()).isEqualTo(200);
            count += page.json().path("items").size();
            cursor = page.json().hasNonNull("nextCursor") ? page.json().get("nextCursor").asText() : null;
        } while (cursor != null);
        return count;
    }

    private static String sha256Hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String CARRIER = """
            {"legalName": "Lakeshore Haulers LLC", "roles": ["CARRIER"],
             "contact": {"name": "Dana Ortiz", "email": "dispatch@lakeshore.example", "phone": "+13125550100"},
             "homeBase": {"latitudeDegrees": 41.85003, "longitudeDegrees": -87.65005, "label": "Chicago, IL"},
             "operatingCostPerMile": {"amountMinorUnits": 226, "currency": "USD"},
             "fleetEquipment": ["DRY_VAN", "REEFER"], "dotNumber": "1234567", "mcNumber": "MC-765432"}
            """;

    private static final String SHIPPER = """
            {"legalName": "Gulf Coast Produce Co", "roles": ["SHIPPER"],
             "contact": {"name": "Sam Lee", "email": "logistics@gulfcoast.example"},
             "homeBase": {"latitudeDegrees": 35.14953, "longitudeDegrees": -90.04898, "label": "Memphis, TN"}}
            """;
}
