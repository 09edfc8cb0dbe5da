package com.backhaulexchange.lane;

import com.backhaulexchange.kernel.id.Ulid;

/** A capacity lane's identifier: a ULID, so lanes list in posting order. */
public record CapacityLaneId(String value) implements Comparable<CapacityLaneId> {
    public CapacityLaneId {
        if (!Ulid.isValid(value)) {
            throw new IllegalArgumentException("not a capacity lane id: " + value);
        }
    }

    @Override
    public int compareTo(CapacityLaneId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
