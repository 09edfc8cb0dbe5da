package com.backhaulexchange.kernel.persistence;

/** A pagination cursor that this listing did not issue. */
public class InvalidCursorException extends RuntimeException {
    public InvalidCursorException(String message) {
        super(message);
    }
}
