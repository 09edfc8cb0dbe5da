package com.backhaulexchange.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.notification.WebhookId;
import com.backhaulexchange.notification.WebhookSubscription;
import com.backhaulexchange.notification.WebhookSubscriptionRepository.WebhookLimitReachedException;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.testing.TemplateTables;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DisplayName("DynamoDbWebhookSubscriptionRepository on DynamoDB Local")
class DynamoDbWebhookSubscriptionRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-11-20T14:00:00Z");
    private static final Ulid IDS = new Ulid(Clock.systemUTC(), new SecureRandom());

    private final DynamoDbClient dynamoDb = DynamoDbLocalServer.shared().client();
    private final String table = TemplateTables.createFresh(dynamoDb, "PartnersTable");
    private final DynamoDbWebhookSubscriptionRepository repository = new DynamoDbWebhookSubscriptionRepository(dynamoDb,
            table);
    private final PartnerId partner = PartnerExamples.newPartnerId();

    private static WebhookSubscription subscription(PartnerId partner, Set<NotificationType> types) {
        return new WebhookSubscription(new WebhookId(IDS.next()), partner,
                URI.create("https://hooks.example.com/bhx?tenant=7"), "whsec_" + "k".repeat(40), types, NOW);
    }

    @Test
    void aStoredSubscriptionReadsBackWithItsSecretAndTypes() {
        var stored = subscription(partner, Set.of(NotificationType.MATCH_FOUND, NotificationType.OFFER_EXPIRED));
        repository.add(stored, 3);

        assertThat(repository.find(partner, stored.id())).contains(stored);
        assertThat(repository.listFor(partner)).containsExactly(stored);
        assertThat(repository.listFor(PartnerExamples.newPartnerId())).as("another partner's").isEmpty();
    }

    @Test
    void aPartnerCannotExceedTheLimitAndDeletingFreesASlot() {
        List<WebhookSubscription> stored = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var subscription = subscription(partner, WebhookSubscription.allSubscribableTypes());
            repository.add(subscription, 3);
            stored.add(subscription);
        }

        assertThatThrownBy(() -> repository.add(subscription(partner, Set.of(NotificationType.MATCH_FOUND)), 3))
                .isInstanceOf(WebhookLimitReachedException.class);
        assertThat(repository.remove(partner, stored.get(1).id())).isTrue();
        assertThat(repository.remove(partner, stored.get(1).id())).as("already gone").isFalse();
        repository.add(subscription(partner, Set.of(NotificationType.MATCH_FOUND)), 3);
        assertThat(repository.listFor(partner)).hasSize(3).doesNotContain(stored.get(1));
    }

    @Test
    void removingAnUnknownOrSomeoneElsesWebhookChangesNothing() {
        var stored = subscription(partner, Set.of(NotificationType.MATCH_FOUND));
        repository.add(stored, 3);

        assertThat(repository.remove(PartnerExamples.newPartnerId(), stored.id())).isFalse();
        assertThat(repository.remove(partner, new WebhookId(IDS.next()))).isFalse();
        assertThat(repository.listFor(partner)).containsExactly(stored);
    }

    @Test
    void concurrentRegistrationsStopAtTheLimit() throws Exception {
        var pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                attempts.add(() -> {
                    try {
                        repository.add(subscription(partner, Set.of(NotificationType.MATCH_FOUND)), 3);
                        return true;
                    } catch (WebhookLimitReachedException e) {
                        return false;
                    } catch (RuntimeException e) {
                        return false; // a transaction that kept conflicting stored nothing either
                    }
                });
            }
            long stored = 0;
            for (Future<Boolean> result : pool.invokeAll(attempts)) {
                stored += result.get() ? 1 : 0;
            }
            assertThat(repository.listFor(partner)).hasSize((int) stored).hasSizeLessThanOrEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }
}
