package com.backhaulexchange.matching.chain;

import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLaneId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A reload package's identifier, derived as a {@link com.backhaulexchange.matching.MatchId} is: the first
 * 128 bits of SHA-256("capacityId:load1>load2[>load3]") in hex. The same lane and the same loads in the same
 * order always give the same id, so a redelivered request never duplicates a package; another order is
 * another package (another route). Lane ids never contain '>', so no package shares a match's digest input.
 */
public record ReloadPackageId(String value) {
    private static final Pattern FORMAT = Pattern.compile("^[0-9a-f]{32}$");

    public ReloadPackageId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a reload package id: " + value);
        }
    }

    /** Whether {@code candidate} has the form of a package id (32 lowercase hex digits). */
    public static boolean isValid(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }

    public static ReloadPackageId of(CapacityLaneId capacity, List<LoadLaneId> loads) {
        String input = capacity.value() + ":" + loads.stream().map(LoadLaneId::value)
                .collect(Collectors.joining(">"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.US_ASCII));
            return new ReloadPackageId(HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
