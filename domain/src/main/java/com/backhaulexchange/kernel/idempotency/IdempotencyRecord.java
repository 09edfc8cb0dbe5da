package com.backhaulexchange.kernel.idempotency;

import java.time.Instant;

/**
 * What is stored for an idempotent request: where it came from (a hash of scope and key, never the
 * key), what it asked (a hash of the canonical body) and what it got (the response, encrypted).
 */
public record IdempotencyRecord(
        String recordId,
        String requestFingerprint,
        String sealedResponse,
        Instant createdAt,
        Instant expiresAt) {
}
