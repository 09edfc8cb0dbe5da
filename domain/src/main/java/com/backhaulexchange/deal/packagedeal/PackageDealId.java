package com.backhaulexchange.deal.packagedeal;

import com.backhaulexchange.kernel.id.Ulid;

/** A package deal's identifier: a ULID, like a negotiation's. */
public record PackageDealId(String value) {
    public PackageDealId {
        if (!Ulid.isValid(value)) {
            throw new IllegalArgumentException("not a package deal id: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
