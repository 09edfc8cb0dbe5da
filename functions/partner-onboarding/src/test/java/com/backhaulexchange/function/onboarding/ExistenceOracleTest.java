package com.backhaulexchange.function.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.testing.ElasticMqServer;
import com.backhaulexchange.testing.Reply;
import com.backhaulexchange.testing.TemplateQueues;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Another partner's webhook, API key or profile answers exactly as an id that names nothing: same status, type,
 * title and detail, no reasonCode, so ids cannot be probed.
 */
class ExistenceOracleTest {
    private static final String UNKNOWN_ULID = "01HZZZZZZZZZZZZZZZZZZZZZZZ";
    private static final String UNKNOWN_KEY_ID = "Zz0000000000";

    private final TemplateQueues.FreshQueue queue = TemplateQueues.createFresh(ElasticMqServer.shared().client(),
            "NotificationQueue");
    private final OnboardingFixture onboarding = OnboardingFixture.fresh(ElasticMqServer.shared().withEndpoint(Map.of(
            "KEY_ROTATION_GRACE_SECONDS", "3600", "NOTIFICATION_QUEUE_URL", queue.url(),
            "WEBHOOK_ALLOW_LOOPBACK_URLS", "false")));
    private final RegisteredPartner owner = onboarding.registerCarrier();
    private final RegisteredPartner stranger = onboarding.registerShipper();

    @Test
    void anotherPartnersWebhookIsAnUnknownWebhook() {
        String webhookId = onboarding.send("register-webhook.json", owner.asCaller("WEBHOOK_URL",
                "https://hooks.prairieline.example/bhx", "WEBHOOK_SECRET", "whsec_Pr41r1eL1ne_0123456789abcdefghijkLMNOP"))
                .json().path("webhookId").asText();
        Function<String, List<Reply>> allRoutes = id -> List.of(
                onboarding.send("test-webhook.json", stranger.asCaller("PATH_WEBHOOK_ID", id)),
                onboarding.send("list-webhook-deliveries.json", stranger.asCaller("PATH_WEBHOOK_ID", id, "LIMIT", "25")),
                onboarding.send("delete-webhook.json", stranger.asCaller("PATH_WEBHOOK_ID", id)));
        assertIndistinguishable(allRoutes.apply(webhookId), allRoutes.apply(UNKNOWN_ULID));
    }

    @Test
    void anotherPartnersApiKeyIsAnUnknownKey() {
        Function<String, List<Reply>> allRoutes = id -> List.of(
                onboarding.send("rotate-api-key.json", stranger.asCaller("PATH_KEY_ID", id)),
                onboarding.send("revoke-api-key.json", stranger.asCaller("PATH_KEY_ID", id)));
        assertIndistinguishable(allRoutes.apply(owner.keyId()), allRoutes.apply(UNKNOWN_KEY_ID));
    }

    @Test
    void anotherPartnersProfileIsAnUnknownPartner() {
        Function<String, List<Reply>> allRoutes = id -> List.of(
                onboarding.send("get-partner-by-id.json", stranger.asCaller("PATH_PARTNER_ID", id)));
        assertIndistinguishable(allRoutes.apply(owner.partnerId()), allRoutes.apply(UNKNOWN_ULID));
    }

    private static void assertIndistinguishable(List<Reply> foreign, List<Reply> unknown) {
        assertThat(foreign).hasSameSizeAs(unknown);
        for (int i = 0; i < foreign.size(); i++) {
            assertThat(foreign.get(i).status()).as(foreign.get(i).toString()).isEqualTo(404);
            assertThat(foreign.get(i).json().has("reasonCode")).as(foreign.get(i).toString()).isFalse();
            assertThat(foreign.get(i).problemWithoutRequestIdentity()).as("route #%d", i)
                    .isEqualTo(unknown.get(i).problemWithoutRequestIdentity());
        }
    }
}
