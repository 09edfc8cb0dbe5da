package com.backhaulexchange.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret of a tracking link, shown once to the shipper that made it (ADR 33): {@code trk_} and 32 random bytes
 * (256 bits) in unpadded base64url, 47 characters. Only its SHA-256 is stored, so a copy of the table opens no link;
 * a plain hash suffices because the token is random and long, not a password to be guessed.
 */
public record TrackingLinkToken(String value) {
    public static final String PREFIX = "trk_";
    public static final int RANDOM_BYTES = 32;
    private static final Pattern FORM = Pattern.compile("trk_[A-Za-z0-9_-]{43}");

    public TrackingLinkToken {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not a tracking link token");
        }
    }

    public static TrackingLinkToken generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new TrackingLinkToken(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Whether {@code candidate} has a token's form; anything else is answered like an unknown token. */
    public static boolean isWellFormed(String candidate) {
        return candidate != null && FORM.matcher(candidate).matches();
    }

    /** What is stored and looked up: the SHA-256 of the token, in lower-case hex. */
    public String sha256Hex() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Never the secret in a log line or an exception message. */
    @Override
    public String toString() {
        return "TrackingLinkToken[" + PREFIX + "…]";
    }
}
