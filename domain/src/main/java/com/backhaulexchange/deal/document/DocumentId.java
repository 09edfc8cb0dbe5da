package com.backhaulexchange.deal.document;

import com.backhaulexchange.kernel.id.Ulid;

public record DocumentId(String value) {

    public DocumentId {
        if (value == null || !Ulid.isValid(value)) {
            throw new IllegalArgumentException("a document id is a ULID");
        }
    }
}
