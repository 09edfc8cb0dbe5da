package com.backhaulexchange.matching;

import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLaneId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A match's identifier, derived from its two lanes: the first 128 bits of SHA-256("capacityId:loadId") in
 * hex. Deterministic, so computing the same pair again (a redelivered request, the other lane's posting)
 * lands on the same item: one match per pair, however often it is found.
 */
public record MatchId(String value) {
    private static final Pattern FORMAT = Pattern.compile("^[0-9a-f]{32}$");

    public MatchId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a match id: " + value);
        }
    }

    public static MatchId of(CapacityLaneId capacity, LoadLaneId load) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((capacity.value() + ":" + load.value()).getBytes(StandardCharsets.US_ASCII));
            return new MatchId(HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
