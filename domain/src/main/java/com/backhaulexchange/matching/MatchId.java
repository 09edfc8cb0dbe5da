package com.backhaulexchange.matching;

import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.kernel.id.DerivedIds;

/**
 * A match's identifier, derived from its two lanes: the first 128 bits of SHA-256("capacityId:loadId") in
 * hex. Deterministic, so computing the same pair again (a redelivered request, the other lane's posting)
 * lands on the same item: one match per pair, however often it is found.
 */
public record MatchId(String value) {
    public MatchId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a match id: " + value);
        }
    }

    public static MatchId of(CapacityLaneId capacity, LoadLaneId load) {
        return new MatchId(DerivedIds.sha256Prefix(capacity.value() + ":" + load.value()));
    }

    public static boolean isValid(String candidate) {
        return DerivedIds.isSha256Prefix(candidate);
    }

    @Override
    public String toString() {
        return value;
    }
}
