package com.backhaulexchange.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.kernel.persistence.InvalidCursorException;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.notification.WebhookDeliveryAttempt;
import com.backhaulexchange.notification.WebhookDeliveryAttempt.DeliveryOutcome;
import com.backhaulexchange.notification.WebhookId;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.TemplateTables;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DisplayName("DynamoDbWebhookDeliveryLog on DynamoDB Local")
class DynamoDbWebhookDeliveryLogTest {
    private static final Instant AT = Instant.parse("2026-11-20T14:00:00Z");
    private static final Ulid IDS = new Ulid(Clock.systemUTC(), new SecureRandom());

    private final DynamoDbClient dynamoDb = DynamoDbLocalServer.shared().client();
    private final String table = TemplateTables.createFresh(dynamoDb, "PartnersTable");
    private final DynamoDbWebhookDeliveryLog log = new DynamoDbWebhookDeliveryLog(dynamoDb, table);
    private final PartnerId partner = PartnerExamples.newPartnerId();
    private final WebhookId webhook = new WebhookId(IDS.next());

    private WebhookDeliveryAttempt attempt(PartnerId owner, WebhookId of, int seconds, int number,
            DeliveryOutcome outcome) {
        return new WebhookDeliveryAttempt(of, owner, IDS.next(), NotificationType.OFFER_RECEIVED,
                AT.plusSeconds(seconds), number, outcome);
    }

    @Test
    void eachOutcomeReadsBackAsItWasRecorded() {
        var delivered = attempt(partner, webhook, 0, 1, new DeliveryOutcome.Delivered(200));
        var failed = attempt(partner, webhook, 1, 2, new DeliveryOutcome.Failed(500, null, AT.plusSeconds(31)));
        var noAnswer = attempt(partner, webhook, 2, 1, new DeliveryOutcome.Failed(null, "ConnectException: refused",
                AT.plusSeconds(20)));
        var gaveUp = attempt(partner, webhook, 3, 8, new DeliveryOutcome.GaveUp(null, "timeout: 5 s"));
        List.of(delivered, failed, noAnswer, gaveUp).forEach(log::record);

        assertThat(log.recent(partner, webhook, 10, null).items()).containsExactly(gaveUp, noAnswer, failed, delivered);
    }

    @Test
    void theNewestComeFirstAndTheCursorLeadsOnWithoutGapsOrRepeats() {
        List<WebhookDeliveryAttempt> recorded = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            var attempt = attempt(partner, webhook, i * 10, 1, new DeliveryOutcome.Delivered(202));
            log.record(attempt);
            recorded.add(0, attempt);
        }
        List<WebhookDeliveryAttempt> read = new ArrayList<>();
        String cursor = null;
        do {
            var page = log.recent(partner, webhook, 3, cursor);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            read.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(read).containsExactlyElementsOf(recorded);
    }

    @Test
    void anotherPartnersOrAnotherWebhooksAttemptsAreNotListedAndTheirCursorIsRefused() {
        var other = PartnerExamples.newPartnerId();
        log.record(attempt(other, webhook, 0, 1, new DeliveryOutcome.Delivered(200)));
        log.record(attempt(other, webhook, 1, 1, new DeliveryOutcome.Delivered(200)));
        log.record(attempt(partner, new WebhookId(IDS.next()), 0, 1, new DeliveryOutcome.Delivered(200)));

        assertThat(log.recent(partner, webhook, 10, null).items()).as("same webhook id, another partner").isEmpty();
        String othersCursor = log.recent(other, webhook, 1, null).nextCursor();
        assertThat(othersCursor).isNotNull();
        assertThatThrownBy(() -> log.recent(partner, webhook, 1, othersCursor))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> log.recent(partner, webhook, 1, "bm90LWEtY3Vyc29y"))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void anAttemptIsOneItemOutsideThePartnersPartitionThatExpiresAfterThirtyDays() {
        var attempt = attempt(partner, webhook, 0, 3, new DeliveryOutcome.Failed(429, null, AT.plusSeconds(60)));
        log.record(attempt);

        var items = dynamoDb.scan(request -> request.tableName(table)).items();
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.get("pk").s()).isEqualTo("WEBHOOK_DELIVERIES#" + partner.value() + "#" + webhook.value());
            assertThat(item.get("sk").s()).startsWith("ATTEMPT#" + String.format("%013d", AT.toEpochMilli()) + "#")
                    .endsWith("#03");
            assertThat(Long.parseLong(item.get("expiresAtEpochSeconds").n()))
                    .isEqualTo(AT.plusSeconds(30L * 24 * 3600).getEpochSecond());
            assertThat(item).containsEntry("outcome", AttributeValues.s("FAILED"))
                    .containsEntry("statusCode", AttributeValues.n(429));
        });
    }

    @Test
    void aLongErrorIsCutToItsLimit() {
        var attempt = attempt(partner, webhook, 0, 1, new DeliveryOutcome.Failed(null, "x".repeat(5000),
                AT.plusSeconds(5)));
        log.record(attempt);

        var read = (DeliveryOutcome.Failed) log.recent(partner, webhook, 1, null).items().getFirst().outcome();
        assertThat(read.error()).hasSize(WebhookDeliveryAttempt.MAX_ERROR_LENGTH);
    }
}
