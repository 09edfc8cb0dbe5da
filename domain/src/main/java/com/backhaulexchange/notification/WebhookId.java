package com.backhaulexchange.notification;

import com.backhaulexchange.kernel.id.Ulid;

/** A webhook subscription's identifier: a ULID, so a partner's webhooks list in creation order. */
public record WebhookId(String value) {
    public WebhookId {
        if (!Ulid.isValid(value)) {
            throw new IllegalArgumentException("not a webhook id: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        return Ulid.isValid(candidate);
    }

    @Override
    public String toString() {
        return value;
    }
}
