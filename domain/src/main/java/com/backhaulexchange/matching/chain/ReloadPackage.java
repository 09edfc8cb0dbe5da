package com.backhaulexchange.matching.chain;

import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.LoadLaneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Two or three distinct loads carried one after another, in this order, by one capacity lane: empty at the
 * lane's start → pickup 1 → delivery 1 → pickup 2 → … → the lane's end. Full truckloads, never on board
 * together. A round trip (or, with three loads, a triangle) is the case where the lane starts and ends at
 * the same place; nothing else about it differs.
 */
public record ReloadPackage(CapacityLane capacity, List<LoadLane> loads) {

    public static final int MIN_LOADS = 2;
    public static final int MAX_LOADS = 3;

    public ReloadPackage {
        Objects.requireNonNull(capacity, "capacity");
        loads = List.copyOf(loads);
        if (loads.size() < MIN_LOADS || loads.size() > MAX_LOADS) {
            throw new IllegalArgumentException("a reload package has 2 or 3 loads, not " + loads.size());
        }
        var ids = new HashSet<LoadLaneId>();
        for (LoadLane load : loads) {
            if (!ids.add(load.id())) {
                throw new IllegalArgumentException("a load appears twice in a reload package: " + load.id());
            }
        }
    }

    public ReloadPackageId id() {
        return ReloadPackageId.of(capacity.id(), loadIds());
    }

    public List<LoadLaneId> loadIds() {
        return loads.stream().map(LoadLane::id).toList();
    }

    /** Whether the truck ends where it starts: the package is a round trip (two loads) or a triangle (three). */
    public boolean isRoundTrip() {
        return capacity.emptyAt().coordinates().equals(capacity.mustEndAt().coordinates());
    }
}
