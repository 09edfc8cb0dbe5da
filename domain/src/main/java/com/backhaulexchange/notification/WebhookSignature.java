package com.backhaulexchange.notification;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery, in the header {@value #HEADER}: {@code t=<unix seconds>,v1=<hex>}, where
 * the hex is HMAC-SHA256, keyed with the webhook's secret (its UTF-8 bytes), of {@code "<t>.<body>"} — the
 * timestamp, a full stop and the exact bytes of the request body. Signing the timestamp with the body lets a
 * receiver refuse replays of an old delivery: {@link #verify} accepts a signature only within a tolerance of
 * its clock (5 minutes is a good default). A header may carry several {@code v1=} values (more schemes or
 * secrets later); one matching is enough. Receivers compare in constant time, as {@link #verify} does.
 */
public final class WebhookSignature {
    public static final String HEADER = "BHX-Signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The header value for {@code body} sent at {@code timestamp}. */
    public static String header(String body, String secret, Instant timestamp) {
        long seconds = timestamp.getEpochSecond();
        return "t=" + seconds + ",v1=" + hmacHex(seconds, body, secret);
    }

    /** Hex HMAC-SHA256 of {@code "<t>.<body>"}. */
    public static String hmacHex(long timestampSeconds, String body, String secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /**
     * For receivers: whether {@code header} is a signature of {@code body} with {@code secret}, made within
     * {@code tolerance} of {@code now}. Malformed headers, stale or future timestamps and wrong MACs are all
     * just {@code false}.
     */
    public static boolean verify(String header, String body, String secret, Instant now, Duration tolerance) {
        if (header == null || body == null || secret == null || secret.isEmpty()) {
            return false;
        }
        Long timestamp = null;
        java.util.List<String> candidates = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String item = part.strip();
            if (item.startsWith("t=") && timestamp == null) {
                try {
                    timestamp = Long.parseLong(item.substring(2));
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (item.startsWith("v1=")) {
                candidates.add(item.substring(3));
            }
        }
        if (timestamp == null || candidates.isEmpty()) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = hmacHex(timestamp, body, secret).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String candidate : candidates) {
            // No early exit: every candidate is compared, each in constant time.
            matched |= MessageDigest.isEqual(expected, candidate.toLowerCase(java.util.Locale.ROOT)
                    .getBytes(StandardCharsets.US_ASCII));
        }
        return matched;
    }
}
