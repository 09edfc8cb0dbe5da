package com.backhaulexchange.function.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.dynamodb.DynamoDbWebhookDeliveryLog;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.notification.WebhookDeliveryAttempt;
import com.backhaulexchange.notification.WebhookDeliveryAttempt.DeliveryOutcome;
import com.backhaulexchange.notification.WebhookId;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.testing.ElasticMqServer;
import com.backhaulexchange.testing.Reply;
import com.backhaulexchange.testing.TemplateQueues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GET /partners/me/webhooks/{webhookId}/deliveries (ADR 40) on DynamoDB Local: the attempts the notifier recorded
 * (written here through the same adapter the notifier uses), newest first, paged, the owner's only.
 */
class WebhookDeliveriesTest {
    private static final String SECRET = "whsec_Pr41r1eL1ne_0123456789abcdefghijkLMNOP";
    private static final String URL = "https://hooks.prairieline.example/bhx";
    private static final Instant FIRST = Instant.parse("2026-11-20T14:00:00Z");

    private final TemplateQueues.FreshQueue queue = TemplateQueues.createFresh(ElasticMqServer.shared().client(),
            "NotificationQueue");
    private final OnboardingFixture onboarding = OnboardingFixture.fresh(ElasticMqServer.shared().withEndpoint(Map.of(
            "KEY_ROTATION_GRACE_SECONDS", "3600", "NOTIFICATION_QUEUE_URL", queue.url(),
            "WEBHOOK_ALLOW_LOOPBACK_URLS", "false")));
    private final DynamoDbWebhookDeliveryLog log = new DynamoDbWebhookDeliveryLog(onboarding.dynamoDb,
            onboarding.tableName);
    private final RegisteredPartner carrier = onboarding.registerCarrier();

    private String registerWebhook(RegisteredPartner partner) {
        Reply created = onboarding.send("register-webhook.json", partner.asCaller("WEBHOOK_URL", URL,
                "WEBHOOK_SECRET", SECRET));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("webhookId").asText();
    }

    private Reply deliveries(RegisteredPartner caller, String webhookId, int limit) {
        return onboarding.send("list-webhook-deliveries.json", caller.asCaller("PATH_WEBHOOK_ID", webhookId,
                "LIMIT", Integer.toString(limit)));
    }

    private static final String EVENT = "01JD3Q4R5S6T7V8W9X0Y1Z2A3B";

    /** One notification failed twice (a 503, then a timeout) and was delivered on the third attempt. */
    private void recordThreeAttempts(String partnerId, String webhookId) {
        var webhook = new WebhookId(webhookId);
        var partner = new PartnerId(partnerId);
        log.record(new WebhookDeliveryAttempt(webhook, partner, EVENT, NotificationType.MATCH_FOUND, FIRST, 1,
                new DeliveryOutcome.Failed(503, null, FIRST.plusSeconds(12))));
        log.record(new WebhookDeliveryAttempt(webhook, partner, EVENT, NotificationType.MATCH_FOUND,
                FIRST.plusSeconds(12), 2, new DeliveryOutcome.Failed(null, "timeout: request timed out",
                        FIRST.plusSeconds(40))));
        log.record(new WebhookDeliveryAttempt(webhook, partner, EVENT, NotificationType.MATCH_FOUND,
                FIRST.plusSeconds(40), 3, new DeliveryOutcome.Delivered(204)));
    }

    @Test
    void theAttemptsListNewestFirstWithTheirOutcomeStatusErrorAndNextAttempt() {
        String webhookId = registerWebhook(carrier);
        recordThreeAttempts(carrier.partnerId(), webhookId);

        Reply listed = deliveries(carrier, webhookId, 25);

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().path("webhookId").asText()).isEqualTo(webhookId);
        var items = listed.json().path("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(items.get(0).path("statusCode").asInt()).isEqualTo(204);
        assertThat(items.get(0).path("attempt").asInt()).isEqualTo(3);
        assertThat(items.get(0).has("nextAttemptAt")).isFalse();
        assertThat(items.get(1).path("outcome").asText()).isEqualTo("FAILED");
        assertThat(items.get(1).has("statusCode")).as("no answer, no status").isFalse();
        assertThat(items.get(1).path("error").asText()).startsWith("timeout");
        assertThat(items.get(1).path("nextAttemptAt").asText()).isEqualTo("2026-11-20T14:00:40Z");
        assertThat(items.get(2).path("statusCode").asInt()).isEqualTo(503);
        assertThat(items.get(2).path("attemptedAt").asText()).isEqualTo("2026-11-20T14:00:00Z");
        assertThat(items).allSatisfy(item -> {
            assertThat(item.path("eventId").asText()).isEqualTo(EVENT);
            assertThat(item.path("type").asText()).isEqualTo("MATCH_FOUND");
        });
        assertThat(listed.json().has("nextCursor")).isFalse();
    }

    @Test
    void pagesFollowTheCursorToTheOldestAttempt() {
        String webhookId = registerWebhook(carrier);
        recordThreeAttempts(carrier.partnerId(), webhookId);

        List<Integer> attempts = new ArrayList<>();
        Reply page = deliveries(carrier, webhookId, 2);
        page.json().path("items").forEach(item -> attempts.add(item.path("attempt").asInt()));
        String cursor = page.json().path("nextCursor").asText();
        assertThat(cursor).isNotEmpty();
        var event = SampleEvents.load("list-webhook-deliveries.json", carrier.asCaller("PATH_WEBHOOK_ID", webhookId,
                "LIMIT", "2"));
        event.setQueryStringParameters(Map.of("limit", "2", "cursor", cursor));
        event.setMultiValueQueryStringParameters(Map.of("limit", List.of("2"), "cursor", List.of(cursor)));
        Reply next = onboarding.send(event);
        next.json().path("items").forEach(item -> attempts.add(item.path("attempt").asInt()));

        assertThat(attempts).containsExactly(3, 2, 1);
    }

    @Test
    void aCursorThisListingDidNotIssueIs400AtTheCursor() {
        String webhookId = registerWebhook(carrier);
        var event = SampleEvents.load("list-webhook-deliveries.json", carrier.asCaller("PATH_WEBHOOK_ID", webhookId,
                "LIMIT", "2"));
        event.setQueryStringParameters(Map.of("limit", "2", "cursor", "bm90LWEtY3Vyc29y"));
        event.setMultiValueQueryStringParameters(Map.of("limit", List.of("2"), "cursor", List.of("bm90LWEtY3Vyc29y")));

        Reply reply = onboarding.send(event);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("#/query/cursor");
    }

    @Test
    void aWebhookWithoutAttemptsListsNothing() {
        String webhookId = registerWebhook(carrier);

        assertThat(deliveries(carrier, webhookId, 25).json().path("items")).isEmpty();
    }

    @Test
    void anotherPartnersWebhookAndADeletedOneAre404AndShowNothing() {
        String webhookId = registerWebhook(carrier);
        recordThreeAttempts(carrier.partnerId(), webhookId);
        var shipper = onboarding.registerShipper();

        Reply foreign = deliveries(shipper, webhookId, 25);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(EVENT);

        assertThat(onboarding.send("delete-webhook.json", carrier.asCaller("PATH_WEBHOOK_ID", webhookId)).status())
                .isEqualTo(204);
        assertThat(deliveries(carrier, webhookId, 25).status()).as("deleted").isEqualTo(404);
        assertThat(deliveries(carrier, "not-a-webhook", 25).status()).isEqualTo(404);
    }
}
