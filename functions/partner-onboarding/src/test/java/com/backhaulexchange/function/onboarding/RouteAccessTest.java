package com.backhaulexchange.function.onboarding;

import com.backhaulexchange.testing.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The authorizer lets any valid key through; each route decides whether partner or operator may call it. */
class RouteAccessTest {
    private static OnboardingFixture onboarding;
    private static RegisteredPartner carrier;

    @BeforeAll
    static void oneCarrier() {
        onboarding = OnboardingFixture.fresh();
        carrier = onboarding.registerCarrier();
    }

    @ParameterizedTest
    @ValueSource(strings = {"operator-list-partners-as-partner.json", "operator-suspend-partner.json",
            "operator-reinstate-partner.json"})
    void operatorRoutesAre403ForAPartner(String sample) {
        var event = SampleEvents.load(sample, carrier.asCaller("PATH_PARTNER_ID", carrier.partnerId(),
                "OPERATOR_KEY", carrier.token()));
        event.getRequestContext().setAuthorizer(new java.util.HashMap<>(java.util.Map.of("principalId",
                carrier.partnerId(), "principalType", "PARTNER", "partnerId", carrier.partnerId(), "roles",
                carrier.roles(), "keyId", carrier.keyId())));

        Reply reply = onboarding.send(event);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("type").asText()).isEqualTo("https://backhaul.exchange/problems/forbidden");
        assertThat(onboarding.partnersWithStatus("SUSPENDED")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"get-own-partner-as-operator.json", "patch-own-partner.json", "list-own-api-keys.json",
            "create-api-key.json", "rotate-api-key.json", "revoke-api-key.json", "list-own-webhooks.json",
            "register-webhook.json", "delete-webhook.json", "test-webhook.json", "list-webhook-deliveries.json"})
    void partnerRoutesAre403ForTheOperator(String sample) {
        var event = SampleEvents.load(sample, carrier.asCaller("PATH_KEY_ID", carrier.keyId(), "IF_MATCH", "\"v1\"",
                "OPERATOR_KEY", OnboardingFixture.OPERATOR_TOKEN, "PATH_WEBHOOK_ID", "01JD0000000000000000000000",
                "WEBHOOK_URL", "https://hooks.example.com/bhx", "WEBHOOK_SECRET", "s".repeat(32), "LIMIT", "25"));
        event.getRequestContext().setAuthorizer(new java.util.HashMap<>(java.util.Map.of("principalId", "operator",
                "principalType", "OPERATOR")));

        Reply reply = onboarding.send(event);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(onboarding.send("list-own-api-keys.json", carrier.asCaller()).json().path("items")).hasSize(1);
    }
}
