package com.backhaulexchange.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkEventsTest {
    private static final Map<String, String> PARTNER = Map.of("API_KEY", "bhx_key", "PARTNER_ID", "01PARTNER",
            "ROLES", "CARRIER", "KEY_ID", "KEY1");

    @TempDir
    Path directory;

    @Test
    void theAuthorizerEventCarriesTheKeyAsABearerToken() {
        var event = new BenchmarkEvents(directory).read(BenchmarkEvents.AUTHORIZER_GET_PARTNERS_ME, PARTNER,
                APIGatewayCustomAuthorizerEvent.class);
        assertThat(event.getType()).isEqualTo("REQUEST");
        assertThat(event.getHeaders()).containsEntry("Authorization", "Bearer bhx_key");
        assertThat(event.getMethodArn()).endsWith("/v1/GET/partners/me");
    }

    @Test
    void theOnboardingReadCarriesTheAuthorizerContextOfThePartner() {
        var event = new BenchmarkEvents(directory).read(BenchmarkEvents.ONBOARDING_GET_PARTNERS_ME, PARTNER,
                APIGatewayProxyRequestEvent.class);
        assertThat(event.getResource()).isEqualTo("/partners/me");
        assertThat(event.getRequestContext().getAuthorizer())
                .containsEntry("principalType", "PARTNER").containsEntry("partnerId", "01PARTNER")
                .containsEntry("roles", "CARRIER").containsEntry("keyId", "KEY1");
    }

    @Test
    void eachRegistrationFileGetsItsOwnIdempotencyKey() throws Exception {
        var events = new BenchmarkEvents(directory);
        Path first = events.write(BenchmarkEvents.ONBOARDING_POST_PARTNERS, Map.of("IDEMPOTENCY_KEY", "key-one-0000000000"));
        Path second = events.write(BenchmarkEvents.ONBOARDING_POST_PARTNERS, Map.of("IDEMPOTENCY_KEY", "key-two-0000000000"));
        assertThat(first).isNotEqualTo(second);
        assertThat(Files.readString(first)).contains("key-one-0000000000").doesNotContain("${");
        assertThat(Files.readString(second)).contains("key-two-0000000000");
    }

    @Test
    void anUnfilledPlaceholderIsRefused() {
        assertThatThrownBy(() -> new BenchmarkEvents(directory).write(BenchmarkEvents.AUTHORIZER_GET_PARTNERS_ME, Map.of()))
                .hasMessageContaining("placeholder");
    }
}
