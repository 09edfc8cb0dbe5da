package com.backhaulexchange.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.notification.WebhookDeliveryAttempt.DeliveryOutcome;
import com.backhaulexchange.partner.PartnerId;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class WebhookRetryPolicyTest {
    private static final Instant AT = Instant.parse("2026-11-20T14:00:00Z");
    private final WebhookRetryPolicy policy = new WebhookRetryPolicy(8);

    @Test
    void a2xxIsDeliveredWhateverTheAttempt() {
        assertThat(policy.outcomeOf(1, 200, null, AT, Duration.ofSeconds(9))).isEqualTo(new DeliveryOutcome.Delivered(200));
        assertThat(policy.outcomeOf(8, 299, null, AT, Duration.ZERO)).isEqualTo(new DeliveryOutcome.Delivered(299));
    }

    @Test
    void aFailureBeforeTheLastAttemptIsRetriedAfterTheDelay() {
        assertThat(policy.outcomeOf(7, 503, null, AT, Duration.ofSeconds(42)))
                .isEqualTo(new DeliveryOutcome.Failed(503, null, AT.plusSeconds(42)));
        assertThat(policy.outcomeOf(1, 0, "timeout: 5 s", AT, Duration.ofSeconds(3)))
                .as("no answer: no status, the error").isEqualTo(new DeliveryOutcome.Failed(null, "timeout: 5 s",
                        AT.plusSeconds(3)));
        assertThat(policy.outcomeOf(2, 302, null, AT, Duration.ofSeconds(1)))
                .as("a redirect is never followed").isInstanceOf(DeliveryOutcome.Failed.class);
    }

    @Test
    void aFailureOnTheLastAttemptIsGivenUp() {
        assertThat(policy.outcomeOf(8, 500, null, AT, Duration.ofSeconds(60)))
                .isEqualTo(new DeliveryOutcome.GaveUp(500, null));
        assertThat(policy.retriesAfter(7)).isTrue();
        assertThat(policy.retriesAfter(8)).isFalse();
    }

    @Test
    void anAttemptIsKeptThirtyDaysAndItsErrorIsCut() {
        var attempt = new WebhookDeliveryAttempt(new WebhookId("01JD3Q4R5S6T7V8W9X0Y1Z2A3B"),
                new PartnerId("01JD3Q4R5S6T7V8W9X0Y1Z2A3C"), "01JD3Q4R5S6T7V8W9X0Y1Z2A3D", NotificationType.WEBHOOK_TEST,
                AT, 1, new DeliveryOutcome.GaveUp(null, "e".repeat(1000)));

        assertThat(attempt.expiresAt()).isEqualTo(Instant.parse("2026-12-20T14:00:00Z"));
        assertThat(((DeliveryOutcome.GaveUp) attempt.outcome()).error()).hasSize(WebhookDeliveryAttempt.MAX_ERROR_LENGTH)
                .endsWith("…");
        assertThatThrownBy(() -> new DeliveryOutcome.Delivered(500)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookRetryPolicy(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 1000)
    @Label("delivered exactly on a 2xx; otherwise failed with the next attempt after the delay, or given up on the last")
    void theOutcomeFollowsTheStatusAndTheAttempt(@ForAll @IntRange(min = 1, max = 20) int maxAttempts,
            @ForAll @IntRange(min = 1, max = 25) int attempt, @ForAll @IntRange(min = 0, max = 599) int status,
            @ForAll @LongRange(min = 0, max = 43_200_000) long delayMillis) {
        var rule = new WebhookRetryPolicy(maxAttempts);
        Duration delay = Duration.ofMillis(delayMillis);

        DeliveryOutcome outcome = rule.outcomeOf(attempt, status, status == 0 ? "no answer" : null, AT, delay);

        boolean success = status >= 200 && status < 300;
        switch (outcome) {
            case DeliveryOutcome.Delivered delivered -> {
                assertThat(success).isTrue();
                assertThat(delivered.statusCode()).isEqualTo(status);
            }
            case DeliveryOutcome.Failed failed -> {
                assertThat(success).isFalse();
                assertThat(attempt).isLessThan(maxAttempts);
                assertThat(failed.nextAttemptAt()).isEqualTo(AT.plus(delay));
                assertThat(failed.statusCode()).isEqualTo(status == 0 ? null : status);
            }
            case DeliveryOutcome.GaveUp gaveUp -> {
                assertThat(success).isFalse();
                assertThat(attempt).isGreaterThanOrEqualTo(maxAttempts);
                assertThat(rule.retriesAfter(attempt)).isFalse();
            }
        }
    }
}
