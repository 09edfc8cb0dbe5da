package com.backhaulexchange.localstack.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one ObjectMapper of the local stack. */
public final class Json {

    /**
     * Unknown properties are ignored like the Lambda runtime's serializer does, so a configured schedule Input
     * with extra fields still reaches a handler typed with a POJO.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** {@code text} as the body of a JSON string literal, without the quotes. */
    public static String escape(String text) {
        String quoted = write(text);
        return quoted.substring(1, quoted.length() - 1);
    }
}
