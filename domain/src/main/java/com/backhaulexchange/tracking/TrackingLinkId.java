package com.backhaulexchange.tracking;

import com.backhaulexchange.kernel.id.Ulid;

/** The id of a shareable tracking link (a ULID): how its shipper lists and revokes it; never the token itself. */
public record TrackingLinkId(String value) {

    public TrackingLinkId {
        if (value == null || !Ulid.isValid(value)) {
            throw new IllegalArgumentException("a tracking link id is a ULID");
        }
    }
}
