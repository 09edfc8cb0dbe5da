package com.backhaulexchange.kernel.id;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Universally unique, lexicographically sortable identifiers (ULID spec): 48 bits of
 * milliseconds then 80 random bits, in 26 Crockford base-32 characters. Sortable ids let
 * a sort key list entities in creation order without a separate timestamp attribute.
 */
public final class Ulid {
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile("^[0-7][0-9A-HJKMNP-TV-Z]{25}$");

    private final Clock clock;
    private final SecureRandom random;

    public Ulid(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public String next() {
        long millis = clock.millis();
        byte[] entropy = new byte[10];
        random.nextBytes(entropy);
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (millis & 31)];
            millis >>>= 5;
        }
        // 80 random bits → 16 characters of 5 bits each.
        long high = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (entropy[i] & 0xff);
        }
        long low = 0;
        for (int i = 5; i < 10; i++) {
            low = (low << 8) | (entropy[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = CROCKFORD[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = CROCKFORD[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(out);
    }

    public static boolean isValid(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }
}
