package com.backhaulexchange.partner.access;

import com.backhaulexchange.kernel.id.SecretHashing;
import com.backhaulexchange.kernel.id.RandomTokens;

/**
 * The operator's key, configured at deployment as its SHA-256 only ({@code OperatorKeySha256}).
 * An empty configuration disables operator access altogether.
 */
public record OperatorCredential(String sha256Hex) {
    public static final String PREFIX = "bhxop_";
    public static final int SECRET_LENGTH = 43;

    public OperatorCredential {
        sha256Hex = sha256Hex == null ? "" : sha256Hex.trim().toLowerCase(java.util.Locale.ROOT);
        if (!sha256Hex.isEmpty() && !sha256Hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("the operator key hash must be 64 lowercase hex characters");
        }
    }

    public boolean isConfigured() {
        return !sha256Hex.isEmpty();
    }

    public static boolean looksLikeOperatorToken(String token) {
        return token.startsWith(PREFIX);
    }

    public boolean matches(String token) {
        return isConfigured() && SecretHashing.constantTimeEquals(sha256Hex, SecretHashing.sha256Hex(token));
    }

    /** A new operator key; its hash goes into the deployment, the key to the operator. */
    public static String generateToken(RandomTokens randomTokens) {
        return PREFIX + randomTokens.base62(SECRET_LENGTH);
    }
}
