package com.backhaulexchange.adapter.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Shorthands for the scalar attribute values of the items. Documents are mapped by {@code document.StoredDocument}. */
public final class AttributeValues {
    private AttributeValues() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
