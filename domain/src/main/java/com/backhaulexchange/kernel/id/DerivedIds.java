package com.backhaulexchange.kernel.id;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifiers derived from what they identify: the first 128 bits of SHA-256 of a US-ASCII text, as 32 lowercase hex
 * digits (match ids, reload package ids). The match engine and the optimisers derive one for every pair and chain
 * they evaluate, so the digest is kept per thread rather than looked up from the security providers each time.
 */
public final class DerivedIds {
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    private DerivedIds() {
    }

    /** The first 128 bits of SHA-256({@code input}), in lowercase hex. */
    public static String sha256Prefix(String input) {
        byte[] digest = SHA_256.get().digest(input.getBytes(StandardCharsets.US_ASCII));
        return HEX.formatHex(digest, 0, 16);
    }

    /** Whether {@code candidate} is 32 lowercase hex digits, the form {@link #sha256Prefix} gives. */
    public static boolean isSha256Prefix(String candidate) {
        if (candidate == null || candidate.length() != 32) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            char c = candidate.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
