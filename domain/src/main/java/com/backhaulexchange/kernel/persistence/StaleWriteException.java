package com.backhaulexchange.kernel.persistence;

/** A conditional write lost a race or found the item in another state than expected. Nothing was written. */
public class StaleWriteException extends RuntimeException {
    public StaleWriteException(String message) {
        super(message);
    }
}
