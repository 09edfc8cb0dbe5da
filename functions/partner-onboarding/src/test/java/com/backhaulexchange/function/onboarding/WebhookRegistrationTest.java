package com.backhaulexchange.function.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.sqs.NotificationMessages;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.testing.ElasticMqServer;
import com.backhaulexchange.testing.Reply;
import com.backhaulexchange.testing.TemplateQueues;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST/GET/DELETE /partners/me/webhooks and the test ping, on DynamoDB Local and NotificationQueue on ElasticMQ. */
class WebhookRegistrationTest {
    private static final String SECRET = "whsec_Pr41r1eL1ne_0123456789abcdefghijkLMNOP";
    private static final String URL = "https://hooks.prairieline.example/bhx";

    private final TemplateQueues.FreshQueue queue = TemplateQueues.createFresh(ElasticMqServer.shared().client(),
            "NotificationQueue");
    private final OnboardingFixture onboarding = OnboardingFixture.fresh(ElasticMqServer.shared().withEndpoint(Map.of(
            "KEY_ROTATION_GRACE_SECONDS", "3600", "NOTIFICATION_QUEUE_URL", queue.url(),
            "WEBHOOK_ALLOW_LOOPBACK_URLS", "false")));
    private final RegisteredPartner carrier = onboarding.registerCarrier();

    private Reply register(RegisteredPartner partner, String sample, String url) {
        return onboarding.send(sample, partner.asCaller("WEBHOOK_URL", url, "WEBHOOK_SECRET", SECRET));
    }

    @Test
    void aRegisteredWebhookIs201WithoutItsSecretAndListsWithItsLastFourCharactersOnly() {
        Reply created = register(carrier, "register-webhook.json", URL);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String webhookId = created.json().path("webhookId").asText();
        assertThat(created.header("Location")).isEqualTo("/partners/me/webhooks/" + webhookId);
        assertThat(created.json().path("eventTypes")).extracting(node -> node.asText())
                .containsExactly("MATCH_FOUND", "OFFER_RECEIVED", "OFFER_COUNTERED", "OFFER_ACCEPTED", "BOOKING_CONFIRMED");
        assertThat(created.json().path("secretLastFour").asText()).isEqualTo("MNOP");
        assertThat(created.body()).doesNotContain(SECRET);

        Reply listed = onboarding.send("list-own-webhooks.json", carrier.asCaller());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(SECRET);
        assertThat(listed.json().path("items")).singleElement().satisfies(item -> {
            assertThat(item.path("webhookId").asText()).isEqualTo(webhookId);
            assertThat(item.path("url").asText()).isEqualTo(URL);
        });
    }

    @Test
    void withoutEventTypesAWebhookGetsEveryType() {
        Reply created = register(carrier, "register-webhook-for-all-types.json", URL);

        assertThat(created.json().path("eventTypes")).hasSize(NotificationType.values().length - 1);
    }

    @Test
    void brokenRulesAre400WithAPointerEachAndNothingIsStored() {
        Reply schema = onboarding.send("register-webhook-with-broken-rules.json", carrier.asCaller());
        assertThat(schema.status()).isEqualTo(400);
        assertThat(schema.errorPointers()).contains("/secret", "/eventTypes/1");

        Reply policies = register(carrier, "register-webhook.json", "http://hooks.prairieline.example/bhx");
        assertThat(policies.status()).isEqualTo(400);
        assertThat(policies.errorPointers()).containsExactly("/url");
        assertThat(register(carrier, "register-webhook.json", "http://127.0.0.1:8080/bhx").errorPointers())
                .as("no loopback in this deployment").containsExactly("/url");
        assertThat(register(carrier, "register-webhook.json", "https://169.254.169.254/latest").errorPointers())
                .containsExactly("/url");

        assertThat(onboarding.send("list-own-webhooks.json", carrier.asCaller()).json().path("items")).isEmpty();
    }

    @Test
    void aFourthWebhookIs409() {
        for (int i = 0; i < 3; i++) {
            assertThat(register(carrier, "register-webhook.json", URL + "/" + i).status()).isEqualTo(201);
        }

        Reply fourth = register(carrier, "register-webhook.json", URL + "/3");

        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.json().path("detail").asText()).contains("at most 3");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReplaysTheFirstResponseAndStoresOneWebhook() {
        Map<String, String> values = carrier.asCaller("WEBHOOK_URL", URL, "WEBHOOK_SECRET", SECRET,
                "IDEMPOTENCY_KEY", "5d3c1e2f-8a7b-4c6d-9e0f-1a2b3c4d5e6f");

        Reply first = onboarding.send("register-webhook-with-idempotency-key.json", values);
        Reply retry = onboarding.send("register-webhook-with-idempotency-key.json", values);
        values.put("WEBHOOK_URL", URL + "/other");
        Reply otherBody = onboarding.send("register-webhook-with-idempotency-key.json", values);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().path("webhookId")).isEqualTo(first.json().path("webhookId"));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(onboarding.send("list-own-webhooks.json", carrier.asCaller()).json().path("items")).hasSize(1);
    }

    @Test
    void deletingIs204ThenTheWebhookIsGoneAndDeletingAgainIs404() {
        String webhookId = register(carrier, "register-webhook.json", URL).json().path("webhookId").asText();

        Reply deleted = onboarding.send("delete-webhook.json", carrier.asCaller("PATH_WEBHOOK_ID", webhookId));
        Reply again = onboarding.send("delete-webhook.json", carrier.asCaller("PATH_WEBHOOK_ID", webhookId));

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(404);
        assertThat(onboarding.send("list-own-webhooks.json", carrier.asCaller()).json().path("items")).isEmpty();
        assertThat(onboarding.send("delete-webhook.json", carrier.asCaller("PATH_WEBHOOK_ID", "not-a-webhook"))
                .status()).isEqualTo(404);
    }

    @Test
    void aTestPingIs202AndQueuesAWebhookTestForThatWebhookOnly() {
        String webhookId = register(carrier, "register-webhook.json", URL).json().path("webhookId").asText();

        Reply queued = onboarding.send("test-webhook.json", carrier.asCaller("PATH_WEBHOOK_ID", webhookId));

        assertThat(queued.status()).isEqualTo(202);
        assertThat(queued.json().path("type").asText()).isEqualTo("WEBHOOK_TEST");
        var messages = TemplateQueues.drain(ElasticMqServer.shared().client(), queue.url());
        assertThat(messages).singleElement().satisfies(message -> {
            var decoded = NotificationMessages.decode(message.body());
            assertThat(decoded.webhookId().value()).isEqualTo(webhookId);
            assertThat(decoded.notification().eventId()).isEqualTo(queued.json().path("eventId").asText());
            assertThat(decoded.notification().type()).isEqualTo(NotificationType.WEBHOOK_TEST);
            assertThat(decoded.notification().recipient().value()).isEqualTo(carrier.partnerId());
        });
    }

    @Test
    void aPartnerNeitherSeesNorDeletesNorPingsAnotherPartnersWebhook() {
        String webhookId = register(carrier, "register-webhook.json", URL).json().path("webhookId").asText();
        var shipper = onboarding.registerShipper();

        assertThat(onboarding.send("list-own-webhooks.json", shipper.asCaller()).json().path("items")).isEmpty();
        assertThat(onboarding.send("delete-webhook.json", shipper.asCaller("PATH_WEBHOOK_ID", webhookId)).status())
                .isEqualTo(404);
        assertThat(onboarding.send("test-webhook.json", shipper.asCaller("PATH_WEBHOOK_ID", webhookId)).status())
                .isEqualTo(404);
        assertThat(onboarding.send("list-own-webhooks.json", carrier.asCaller()).json().path("items")).hasSize(1);
        assertThat(TemplateQueues.drain(ElasticMqServer.shared().client(), queue.url())).isEmpty();
    }

    @Test
    void whenTheQueueIsUnreachableTheTestPingIs503() {
        var offline = OnboardingFixture.fresh(Map.of("KEY_ROTATION_GRACE_SECONDS", "3600"));
        var partner = offline.registerCarrier();
        Map<String, String> values = new HashMap<>(partner.asCaller("WEBHOOK_URL", URL, "WEBHOOK_SECRET", SECRET));
        String webhookId = offline.send("register-webhook.json", values).json().path("webhookId").asText();

        Reply reply = offline.send("test-webhook.json", partner.asCaller("PATH_WEBHOOK_ID", webhookId));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
    }
}
