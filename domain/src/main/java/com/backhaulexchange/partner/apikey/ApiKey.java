package com.backhaulexchange.partner.apikey;

import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;

/**
 * An API key as stored: never the secret, only its SHA-256. A SHA-256 suffices (no slow
 * password hash) because the secret carries 256 bits of entropy and cannot be guessed.
 */
public record ApiKey(
        ApiKeyId keyId,
        PartnerId partnerId,
        String secretSha256Hex,
        ApiKeyStatus status,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        ApiKeyId replacedBy) {

    public ApiKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(secretSha256Hex, "secretSha256Hex");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isUsableAt(Instant now) {
        return switch (status) {
            case ACTIVE -> true;
            case EXPIRING -> expiresAt != null && now.isBefore(expiresAt);
            case REVOKED -> false;
        };
    }

    /** The state a client sees: an EXPIRING key past its end is reported as EXPIRED. */
    public String effectiveStatusAt(Instant now) {
        if (status == ApiKeyStatus.EXPIRING && !isUsableAt(now)) {
            return "EXPIRED";
        }
        return status.name();
    }

    public ApiKey rotatedTo(ApiKeyId successor, Instant expiresAt) {
        return new ApiKey(keyId, partnerId, secretSha256Hex, ApiKeyStatus.EXPIRING, createdAt, expiresAt, null,
                successor);
    }

    public ApiKey revokedAt(Instant now) {
        return new ApiKey(keyId, partnerId, secretSha256Hex, ApiKeyStatus.REVOKED, createdAt, expiresAt, now,
                replacedBy);
    }
}
