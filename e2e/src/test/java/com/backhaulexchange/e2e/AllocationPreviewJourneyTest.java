package com.backhaulexchange.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A broker registers and previews how the bankruptcy game would be shared, over real HTTP against the local
 * stack started from template.yaml (authorizer included); the operator's key may preview too; a game with a
 * missing coalition is a 400 problem pointing at it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllocationPreviewJourneyTest {
    private static final String OPERATOR_KEY = "bhxop_" + "E2ePreviewOperatorKey0123456789abcdefghijkl".substring(0, 43);

    private LocalStack stack;
    private Http http;

    @BeforeAll
    void startLocalStack() throws Exception {
        stack = LocalStack.builder()
                .templatePath(Path.of("..", "template.yaml").toAbsolutePath().normalize())
                .httpPort(0)
                .parameter("OperatorKeySha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(OPERATOR_KEY.getBytes(StandardCharsets.UTF_8))))
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
    void aBrokerAndTheOperatorPreviewTheBankruptcyGameAndABrokenGameIsRejected() {
        var registered = http.send("POST", "/partners", BROKER, Map.of("Content-Type", "application/json"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String key = registered.json().path("apiKey").path("token").asText();

        var preview = http.postJson("/allocations/preview", key, BANKRUPTCY);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode results = preview.json().path("results");
        assertThat(results.get(0).path("rule").asText()).isEqualTo("SHAPLEY");
        assertThat(results.get(0).path("shares").get(1).path("share").asDouble()).isCloseTo(250.0 / 3, within(1e-6));
        assertThat(results.get(1).path("rule").asText()).isEqualTo("NUCLEOLUS");
        assertThat(results.get(1).path("shares").get(0).path("share").asDouble()).isCloseTo(50, within(1e-6));
        assertThat(results.get(1).path("stability").path("inCore").asBoolean()).isTrue();
        assertThat(results.get(2).path("reasonCode").asText()).isEqualTo("shadow-prices-need-a-market");

        var byOperator = http.postJson("/allocations/preview", OPERATOR_KEY, BANKRUPTCY);
        assertThat(byOperator.status()).as(byOperator.body()).isEqualTo(200);

        var withoutKey = http.send("POST", "/allocations/preview", BANKRUPTCY, Map.of("Content-Type", "application/json"));
        assertThat(withoutKey.status()).isEqualTo(401);

        var broken = http.postJson("/allocations/preview", key,
                BANKRUPTCY.replace("{\"members\": [\"Brook\", \"Cedar\"], \"value\": 100},", ""));
        assertThat(broken.status()).as(broken.body()).isEqualTo(400);
        assertThat(broken.contentType()).startsWith("application/problem+json");
        assertThat(broken.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/coalitions");
    }

    private static final String BROKER = """
            {"legalName": "Northgate Brokerage Inc", "roles": ["BROKER"],
             "contact": {"name": "Ines Park", "email": "deals@northgate.example"},
             "homeBase": {"latitudeDegrees": 39.76838, "longitudeDegrees": -86.15804, "label": "Indianapolis, IN"}}
            """;

    private static final String BANKRUPTCY = """
            {"players": ["Ames", "Brook", "Cedar"], "kind": "VALUE",
             "coalitions": [
               {"members": ["Ames"], "value": 0}, {"members": ["Brook"], "value": 0}, {"members": ["Cedar"], "value": 0},
               {"members": ["Ames", "Brook"], "value": 0}, {"members": ["Ames", "Cedar"], "value": 0},
               {"members": ["Brook", "Cedar"], "value": 100}, {"members": ["Ames", "Brook", "Cedar"], "value": 200}],
             "rules": ["SHAPLEY", "NUCLEOLUS", "SHADOW_PRICES"]}
            """;
}
