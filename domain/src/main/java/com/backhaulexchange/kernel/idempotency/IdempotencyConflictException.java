package com.backhaulexchange.kernel.idempotency;

/** Thrown by a repository when another request already stored a record under the same id. */
public class IdempotencyConflictException extends RuntimeException {
    private final String recordId;

    public IdempotencyConflictException(String recordId) {
        super("an idempotency record already exists");
        this.recordId = recordId;
    }

    public String recordId() {
        return recordId;
    }
}
