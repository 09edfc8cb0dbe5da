package com.backhaulexchange.partner;

import com.backhaulexchange.partner.apikey.ApiKey;
import com.backhaulexchange.partner.apikey.ApiKeyId;
import com.backhaulexchange.partner.apikey.ApiKeyStatus;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.kernel.pagination.Page;
import java.util.List;
import java.util.Optional;

/**
 * Partners and their API keys. Every write is atomic: it happens whole or not at all, and a
 * write whose precondition no longer holds throws
 * {@link com.backhaulexchange.kernel.persistence.StaleWriteException} having written nothing.
 */
public interface PartnerRepository {

    /**
     * Stores a new partner with its first key, and the idempotency record when the request had a key.
     *
     * @throws com.backhaulexchange.kernel.idempotency.IdempotencyConflictException when another request
     *         already stored that idempotency record (nothing is written)
     */
    void register(Partner partner, ApiKey firstKey, IdempotencyRecord idempotencyRecord);

    Optional<Partner> findById(PartnerId partnerId);

    /** Replaces the partner if its stored version is still {@code expectedVersion}. */
    void save(Partner partner, long expectedVersion);

    Page<Partner> listByStatus(PartnerStatus status, int limit, String cursor);

    List<ApiKey> listKeys(PartnerId partnerId);

    Optional<ApiKey> findKey(PartnerId partnerId, ApiKeyId keyId);

    /** Adds a key while the partner still has {@code expectedActiveKeys} active keys. */
    default void addKey(ApiKey newKey, int expectedActiveKeys) {
        addKey(newKey, expectedActiveKeys, null);
    }

    /**
     * Adds a key, with the idempotency record of the request that asked for it (null without an
     * Idempotency-Key) in the same transaction: an {@code IdempotencyConflictException} if that record exists.
     */
    void addKey(ApiKey newKey, int expectedActiveKeys, IdempotencyRecord idempotencyRecord);

    /** Atomically turns {@code replaced} (ACTIVE until now) into an EXPIRING key and adds its successor. */
    default void rotateKey(ApiKey replaced, ApiKey successor) {
        rotateKey(replaced, successor, null);
    }

    /** {@link #rotateKey(ApiKey, ApiKey)} with the request's idempotency record, as {@link #addKey} has it. */
    void rotateKey(ApiKey replaced, ApiKey successor, IdempotencyRecord idempotencyRecord);

    /**
     * Revokes a key that is still in {@code previousStatus}; revoking an ACTIVE key also needs the
     * partner to still have {@code expectedActiveKeys}, so the count of active keys never drifts.
     */
    void revokeKey(ApiKey revoked, ApiKeyStatus previousStatus, int expectedActiveKeys);
}
