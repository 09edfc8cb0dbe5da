package com.backhaulexchange.adapter.dynamodb.document;

/** An identifier inside a negotiation or booking document: {@code {"value": "01J…"}}, as first written. */
public record IdValue(String value) {

    static IdValue of(String value) {
        return value == null ? null : new IdValue(value);
    }
}
