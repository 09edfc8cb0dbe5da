package com.backhaulexchange.partner.apikey;

import com.backhaulexchange.kernel.id.RandomTokens;

/** The public, non-secret part of an API key that names it in listings, rotation and revocation. */
public record ApiKeyId(String value) {
    public static final int LENGTH = 12;

    public ApiKeyId {
        if (!RandomTokens.isBase62(value, LENGTH)) {
            throw new IllegalArgumentException("not an API key id: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        return RandomTokens.isBase62(candidate, LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
