package com.backhaulexchange.localstack.api;

import static com.backhaulexchange.localstack.FixtureStack.get;
import static com.backhaulexchange.localstack.FixtureStack.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.FixtureStack;
import com.backhaulexchange.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The local stack's own controls of issue 15: the webhook receiver and the operator's settlement clock. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalControlsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR_KEY = "bhxop_LocalControlsTestOperatorKey0123456789abcdefgh";
    private LocalStack stack;

    @BeforeAll
    void start() throws Exception {
        stack = FixtureStack.options().parameter("OperatorKeySha256", HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(OPERATOR_KEY.getBytes(StandardCharsets.UTF_8)))).start();
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    @Test
    void theSettlementClockIsTheOperatorsOnly() {
        assertThat(get(stack, "/_local/settlement-clock").statusCode()).isEqualTo(401);
        assertThat(get(stack, "/_local/settlement-clock", "Authorization", "Bearer bhxop_someoneElse").statusCode())
                .isEqualTo(403);
        assertThat(send(stack, "PUT", "/_local/settlement-clock", "{\"offsetSeconds\": 60}", "Authorization",
                "Bearer " + OPERATOR_KEY.substring(1)).statusCode()).isEqualTo(403);
        assertThat(json(get(stack, "/_local/settlement-clock", "Authorization", "Bearer " + OPERATOR_KEY))
                .path("offsetSeconds").asLong()).isZero();
    }

    @Test
    void theOperatorMovesTheSettlementClockThroughTheFileEveryFunctionIsToldOf() throws Exception {
        var moved = put("{\"offsetSeconds\": 1036800}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json(moved).path("offsetSeconds").asLong()).isEqualTo(1_036_800);
        Path file = Path.of(stack.function("EchoFunction").environment().get("BHX_LOCAL_SETTLEMENT_CLOCK_FILE"));
        assertThat(Files.readString(file)).isEqualTo("1036800");

        assertThat(put("{\"offsetSeconds\": \"soon\"}").statusCode()).isEqualTo(400);
        assertThat(put("{\"offsetSeconds\": 1.5}").statusCode()).isEqualTo(400);
        assertThat(put("{\"offsetSeconds\": 999999999999}").statusCode()).isEqualTo(400);
        assertThat(put("").statusCode()).isEqualTo(400);
        assertThat(Files.readString(file)).as("a refused change changes nothing").isEqualTo("1036800");
        assertThat(put("{\"offsetSeconds\": 0}").statusCode()).isEqualTo(200);
    }

    @Test
    void theWebhookReceiverKeepsWhatArrivedPerName() {
        var delivered = send(stack, "POST", "/_local/webhook-receiver/alpha", "{\"type\":\"WEBHOOK_TEST\"}",
                "BHX-Event-Type", "WEBHOOK_TEST", "BHX-Signature", "t=1,v1=ab", "Content-Type", "application/json");
        assertThat(delivered.statusCode()).isEqualTo(204);

        JsonNode alpha = json(get(stack, "/_local/webhook-receiver/alpha"));
        assertThat(alpha.path("deliveries")).hasSize(1);
        assertThat(alpha.path("deliveries").path(0).path("body").asText()).isEqualTo("{\"type\":\"WEBHOOK_TEST\"}");
        assertThat(alpha.path("deliveries").path(0).path("headers").path("BHX-Signature").asText())
                .isEqualTo("t=1,v1=ab");
        assertThat(json(get(stack, "/_local/webhook-receiver/beta")).path("deliveries")).isEmpty();
        assertThat(send(stack, "DELETE", "/_local/webhook-receiver/alpha", null).statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> put(String body) {
        return send(stack, "PUT", "/_local/settlement-clock", body, "Authorization", "Bearer " + OPERATOR_KEY,
                "Content-Type", "application/json");
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }
}
