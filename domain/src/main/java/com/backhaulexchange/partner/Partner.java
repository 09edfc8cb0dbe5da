package com.backhaulexchange.partner;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered partner company. {@code version} increases with every change and guards
 * concurrent updates (optimistic locking, exposed to clients as an ETag).
 * {@code activeApiKeyCount} counts keys in state ACTIVE so that the "at least one, at most
 * {@link com.backhaulexchange.partner.apikey.ApiKeyPolicies#MAX_ACTIVE_KEYS}" rules hold under concurrency.
 */
public record Partner(
        PartnerId id,
        PartnerProfile profile,
        PartnerStatus status,
        Suspension suspension,
        int activeApiKeyCount,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Partner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(status, "status");
    }

    public static Partner registered(PartnerId id, PartnerProfile profile, Instant now) {
        return new Partner(id, profile, PartnerStatus.ACTIVE, null, 1, 1, now, now);
    }

    public Partner withProfile(PartnerProfile newProfile, Instant now) {
        return new Partner(id, newProfile, status, suspension, activeApiKeyCount, version + 1, createdAt, now);
    }

    public Partner suspended(String reason, Instant now) {
        return new Partner(id, profile, PartnerStatus.SUSPENDED, new Suspension(reason, now), activeApiKeyCount,
                version + 1, createdAt, now);
    }

    public Partner reinstated(Instant now) {
        return new Partner(id, profile, PartnerStatus.ACTIVE, null, activeApiKeyCount, version + 1, createdAt, now);
    }

    public boolean isSuspended() {
        return status == PartnerStatus.SUSPENDED;
    }
}
