package com.backhaulexchange.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON written in a test, read exactly as written: a number keeps every digit ({@code 1e308},
 * {@code 9223372036854775808} and {@code 1e-320} stay what they are, not a double's approximation), so a
 * bad-input test sends the very value it names.
 */
public final class JsonLiterals {
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonLiterals() {
    }

    public static ObjectNode object(String json) {
        return (ObjectNode) read(json);
    }

    public static JsonNode number(String literal) {
        return read(literal);
    }

    private static JsonNode read(String json) {
        try {
            return EXACT.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
