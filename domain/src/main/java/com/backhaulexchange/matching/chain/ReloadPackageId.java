package com.backhaulexchange.matching.chain;

import com.backhaulexchange.kernel.id.DerivedIds;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLaneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A reload package's identifier, derived as a {@link com.backhaulexchange.matching.MatchId} is: the first
 * 128 bits of SHA-256("capacityId:load1>load2[>load3]") in hex. The same lane and the same loads in the same
 * order always give the same id, so a redelivered request never duplicates a package; another order is
 * another package (another route). Lane ids never contain '>', so no package shares a match's digest input.
 */
public record ReloadPackageId(String value) {
    public ReloadPackageId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a reload package id: " + value);
        }
    }

    /** Whether {@code candidate} has the form of a package id (32 lowercase hex digits). */
    public static boolean isValid(String candidate) {
        return DerivedIds.isSha256Prefix(candidate);
    }

    public static ReloadPackageId of(CapacityLaneId capacity, List<LoadLaneId> loads) {
        String input = capacity.value() + ":" + loads.stream().map(LoadLaneId::value)
                .collect(Collectors.joining(">"));
        return new ReloadPackageId(DerivedIds.sha256Prefix(input));
    }

    @Override
    public String toString() {
        return value;
    }
}
