package com.backhaulexchange.notification;

import com.backhaulexchange.notification.WebhookDeliveryAttempt.DeliveryOutcome;
import java.time.Duration;
import java.time.Instant;

/**
 * What an attempt's answer means for the delivery (ADR 16): a 2xx delivers it; anything else (another status,
 * a redirect, a timeout, a refused address) fails it, and it is tried again after the backoff's delay unless
 * this was the last of {@code maxAttempts} (NotificationQueue's maxReceiveCount), when it is given up.
 */
public record WebhookRetryPolicy(int maxAttempts) {
    /** NotificationQueue's maxReceiveCount in template.yaml. */
    public static final int DEFAULT_MAX_ATTEMPTS = 8;

    public WebhookRetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt: " + maxAttempts);
        }
    }

    /** {@code statusCode} 0 when there was no answer; {@code retryDelay} is the wait before the next attempt. */
    public DeliveryOutcome outcomeOf(int attemptNumber, int statusCode, String error, Instant attemptedAt,
            Duration retryDelay) {
        if (statusCode >= 200 && statusCode <= 299) {
            return new DeliveryOutcome.Delivered(statusCode);
        }
        Integer status = statusCode > 0 ? statusCode : null;
        if (attemptNumber >= maxAttempts) {
            return new DeliveryOutcome.GaveUp(status, error);
        }
        return new DeliveryOutcome.Failed(status, error, attemptedAt.plus(retryDelay));
    }

    /** Whether a failed attempt is retried at all. */
    public boolean retriesAfter(int attemptNumber) {
        return attemptNumber < maxAttempts;
    }
}
