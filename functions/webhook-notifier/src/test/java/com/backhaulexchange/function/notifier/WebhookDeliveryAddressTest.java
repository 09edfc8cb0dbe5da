package com.backhaulexchange.function.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.notification.WebhookId;
import com.backhaulexchange.notification.WebhookSubscription;
import com.backhaulexchange.partner.PartnerId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Outside the local stack the notifier never connects to a host that resolves to a non-public address. */
class WebhookDeliveryAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:{port}/hooks/bhx", "http://127.0.0.1:{port}/hooks/bhx"})
    void aHostResolvingToANonPublicAddressIsRefusedWithoutARequest(String template) {
        try (var receiver = new Receiver()) {
            String url = template.replace("{port}", Integer.toString(receiver.url().getPort()));
            var delivery = new WebhookDelivery(WebhookDelivery.newClient(Duration.ofSeconds(1)), Clock.systemUTC(),
                    Duration.ofSeconds(1), false);
            var partner = new PartnerId("01JD0000000000000000000002");
            var webhook = new WebhookSubscription(new WebhookId("01JD0000000000000000000001"), partner, URI.create(url),
                    "s".repeat(32), WebhookSubscription.allSubscribableTypes(), Instant.now());
            var notification = new Notification("01JD0000000000000000000003", NotificationType.MATCH_FOUND, partner,
                    Instant.now(), "{}");

            var result = delivery.deliver(notification, webhook, 1).join();

            assertThat(result.delivered()).isFalse();
            assertThat(result.error()).startsWith("refused: ").contains("non-public address");
            assertThat(receiver.requests()).isEmpty();
        }
    }
}
