package com.backhaulexchange.kernel.idempotency;

import java.util.regex.Pattern;

/**
 * A client-chosen {@code Idempotency-Key} (IETF httpapi draft). At least 16 characters, so that a
 * UUID fits and a guessable key does not: the key also encrypts the stored response.
 */
public record IdempotencyKey(String value) {
    private static final Pattern FORMAT = Pattern.compile("^[\\x21-\\x7e]{16,255}$");

    public IdempotencyKey {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "an Idempotency-Key is 16 to 255 visible ASCII characters (a UUID is recommended)");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return "IdempotencyKey[<redacted>]";
    }
}
