package com.backhaulexchange.notification;

import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.partner.PartnerId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One attempt of the webhook notifier to deliver one notification to one webhook (ADR 16, ADR 40), as its
 * partner reads it back: which event, when, the how-manieth attempt of that delivery, and what came of it.
 * Kept for {@link #RETENTION}, then gone.
 */
public record WebhookDeliveryAttempt(WebhookId webhookId, PartnerId partnerId, String eventId, NotificationType type,
        Instant attemptedAt, int attemptNumber, DeliveryOutcome outcome) {
    /** How long an attempt is kept: long enough to look into last month's failures, short enough to stay small. */
    public static final Duration RETENTION = Duration.ofDays(30);
    /** Longer error texts (an exception's message) are cut here: the log has the rest. */
    public static final int MAX_ERROR_LENGTH = 300;

    public WebhookDeliveryAttempt {
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(partnerId, "partnerId");
        if (!Ulid.isValid(eventId)) {
            throw new IllegalArgumentException("eventId must be a ULID: " + eventId);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        Objects.requireNonNull(outcome, "outcome");
        if (attemptNumber < 1) {
            throw new IllegalArgumentException("attempts are numbered from 1: " + attemptNumber);
        }
    }

    /** When the record of this attempt is gone. */
    public Instant expiresAt() {
        return attemptedAt.plus(RETENTION);
    }

    /** What came of an attempt: delivered, failed with a retry to come, or failed for the last time. */
    public sealed interface DeliveryOutcome {
        /** The receiver answered 2xx. */
        record Delivered(int statusCode) implements DeliveryOutcome {
            public Delivered {
                if (statusCode < 200 || statusCode > 299) {
                    throw new IllegalArgumentException("delivered means a 2xx answer: " + statusCode);
                }
            }
        }

        /** Any other answer ({@code statusCode}) or none at all ({@code error}); tried again at {@code nextAttemptAt}. */
        record Failed(Integer statusCode, String error, Instant nextAttemptAt) implements DeliveryOutcome {
            public Failed {
                Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
                error = shortened(error);
            }
        }

        /** Failed on the last attempt the queue allows: the notification is dead-lettered, not tried again. */
        record GaveUp(Integer statusCode, String error) implements DeliveryOutcome {
            public GaveUp {
                error = shortened(error);
            }
        }

        private static String shortened(String error) {
            return error == null || error.length() <= MAX_ERROR_LENGTH ? error
                    : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
        }
    }
}
