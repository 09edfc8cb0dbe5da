package com.backhaulexchange.function.onboarding;

import com.backhaulexchange.testing.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RejectedRequestLoggingTest {

    @Test
    void aRejectedRequestLogsOneJsonLineWithItsRequestIdAndStatusButNotTheBody() throws Exception {
        var onboarding = OnboardingFixture.fresh();

        Reply reply = onboarding.send("register-carrier-without-operating-cost.json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(onboarding.context.logLines()).singleElement().satisfies(line -> {
            var json = new ObjectMapper().readTree(line);
            assertThat(json.path("level").asText()).isEqualTo("INFO");
            assertThat(json.path("requestId").asText()).isEqualTo("4b6e0c1e-8a8f-4f4e-9a63-2f0c3d9b7a51");
            assertThat(json.path("status").isInt()).isTrue();
            assertThat(json.path("status").asInt()).isEqualTo(400);
            assertThat(json.path("route").asText()).isEqualTo("POST /partners");
            assertThat(json.path("type").asText()).isEqualTo("https://backhaul.exchange/problems/validation-failed");
            assertThat(line).doesNotContain("dispatch@prairieline.example").doesNotContain("+13125550142");
        });
    }

    @Test
    void aSuccessfulRegistrationLogsNeitherTheTokenNorTheProfile() {
        var onboarding = OnboardingFixture.fresh();

        var carrier = onboarding.registerCarrier();

        assertThat(onboarding.context.logLines()).allSatisfy(line -> assertThat(line)
                .doesNotContain(carrier.secret()).doesNotContain("dispatch@prairieline.example"));
    }
}
