package com.backhaulexchange.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.partner.PartnerId;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookSubscriptionTest {
    private static final String SECRET = "whsec_0123456789abcdefghijklmnopqrstuvwxyz";

    private static WebhookSubscription subscription(Set<NotificationType> types) {
        return new WebhookSubscription(new WebhookId("01JD0000000000000000000001"),
                new PartnerId("01JD0000000000000000000002"), URI.create("https://hooks.example.com/bhx"), SECRET,
                types, Instant.parse("2026-11-20T14:00:00Z"));
    }

    @Test
    void itWantsTheTypesItSubscribedTo() {
        var subscription = subscription(Set.of(NotificationType.MATCH_FOUND, NotificationType.OFFER_RECEIVED));

        assertThat(subscription.wants(NotificationType.MATCH_FOUND)).isTrue();
        assertThat(subscription.wants(NotificationType.BOOKING_CANCELLED)).isFalse();
    }

    @Test
    void allSubscribableTypesAreEveryTypeButTheTestPing() {
        assertThat(WebhookSubscription.allSubscribableTypes()).hasSize(NotificationType.values().length - 1)
                .doesNotContain(NotificationType.WEBHOOK_TEST);
    }

    @Test
    void itShowsOnlyTheLastFourCharactersOfItsSecret() {
        var subscription = subscription(WebhookSubscription.allSubscribableTypes());

        assertThat(subscription.secretLastFour()).isEqualTo("wxyz");
        assertThat(subscription.toString()).doesNotContain(SECRET).contains("...wxyz");
    }

    @Test
    void itNeedsAnEventType() {
        assertThatThrownBy(() -> subscription(Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
