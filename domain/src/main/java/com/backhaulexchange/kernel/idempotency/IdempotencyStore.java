package com.backhaulexchange.kernel.idempotency;

import java.util.Optional;

/** Reads stored idempotency records; records are written inside the transaction of the operation they guard. */
public interface IdempotencyStore {
    Optional<IdempotencyRecord> find(String recordId);
}
