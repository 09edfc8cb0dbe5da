package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.kernel.id.Ulid;

/** A negotiation's identifier: a ULID, so a match's negotiations list in the order they were opened. */
public record NegotiationId(String value) {
    public NegotiationId {
        if (!Ulid.isValid(value)) {
            throw new IllegalArgumentException("not a negotiation id: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
