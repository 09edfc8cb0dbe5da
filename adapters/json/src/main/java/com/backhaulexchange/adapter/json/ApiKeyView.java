package com.backhaulexchange.adapter.json;

import com.backhaulexchange.partner.apikey.ApiKey;
import com.backhaulexchange.partner.apikey.ApiKeyToken;
import java.time.Instant;

/**
 * An API key as the API shows it (the {@code ApiKey} schema), with its status at the time of reading; the
 * plaintext {@code token} only in the response that issues it ({@link #issued}).
 */
public record ApiKeyView(
        String keyId,
        String status,
        String createdAt,
        String expiresAt,
        String revokedAt,
        String replacedBy,
        String token) {

    public static ApiKeyView of(ApiKey key, Instant now) {
        return new ApiKeyView(key.keyId().value(), key.effectiveStatusAt(now), key.createdAt().toString(),
                text(key.expiresAt()), text(key.revokedAt()),
                key.replacedBy() == null ? null : key.replacedBy().value(), null);
    }

    /** The only place a plaintext key is ever written: the response that issues it. */
    public static ApiKeyView issued(ApiKey key, ApiKeyToken token, Instant now) {
        ApiKeyView view = of(key, now);
        return new ApiKeyView(view.keyId, view.status, view.createdAt, view.expiresAt, view.revokedAt,
                view.replacedBy, token.asString());
    }

    /** Never the token: a view may be logged. */
    @Override
    public String toString() {
        return "ApiKeyView[keyId=" + keyId + ", status=" + status + (token == null ? "" : ", token=***") + "]";
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
