package com.backhaulexchange.partner.apikey;

public enum ApiKeyStatus {
    ACTIVE,
    /** Replaced by a rotation: keeps working until {@code expiresAt}, so clients can switch without downtime. */
    EXPIRING,
    REVOKED
}
