package com.backhaulexchange.localstack.template;

import java.util.Map;
import java.util.Optional;

/**
 * One entry of an API's {@code GatewayResponses}: the status code (if set), the response header mappings as
 * written (for example {@code "'application/problem+json'"}) and the response templates by content type.
 */
public record GatewayResponseDefinition(
        String responseType, Optional<Integer> statusCode, Map<String, String> headers, Map<String, String> templates) {

    public GatewayResponseDefinition {
        headers = Map.copyOf(headers);
        templates = Map.copyOf(templates);
    }
}
