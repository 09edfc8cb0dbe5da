package com.backhaulexchange.partner;

import com.backhaulexchange.kernel.id.Ulid;

/** A partner company's identifier: a ULID, so partners list in registration order. */
public record PartnerId(String value) {
    public PartnerId {
        if (!Ulid.isValid(value)) {
            throw new IllegalArgumentException("not a partner id: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        return Ulid.isValid(candidate);
    }

    @Override
    public String toString() {
        return value;
    }
}
