package com.backhaulexchange.kernel.id;

import java.security.SecureRandom;

/** Uniformly random alphanumeric (base-62) strings: log2(62) ≈ 5.95 bits of entropy per character. */
public final class RandomTokens {
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final SecureRandom random;

    public RandomTokens(SecureRandom random) {
        this.random = random;
    }

    public String base62(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE62[random.nextInt(BASE62.length)];
        }
        return new String(out);
    }

    public static boolean isBase62(String candidate, int length) {
        if (candidate == null || candidate.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = candidate.charAt(i);
            boolean alphanumeric = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!alphanumeric) {
                return false;
            }
        }
        return true;
    }
}
