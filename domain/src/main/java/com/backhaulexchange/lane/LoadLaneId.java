package com.backhaulexchange.lane;

import com.backhaulexchange.kernel.id.Ulid;

/** A load lane's identifier: a ULID, so lanes list in posting order. */
public record LoadLaneId(String value) implements Comparable<LoadLaneId> {
    public LoadLaneId {
        if (!Ulid.isValid(value)) {
            throw new IllegalArgumentException("not a load lane id: " + value);
        }
    }

    @Override
    public int compareTo(LoadLaneId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
