package com.backhaulexchange.adapter.http;

import com.backhaulexchange.adapter.json.Json;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every API function builds once per execution environment before its routes: the one ObjectMapper, the
 * OpenAPI document's schemas, and the request-body reader over them.
 */
public record ApiTools(ObjectMapper mapper, OpenApiSchemas schemas, JsonBodyReader bodies) {

    public static ApiTools load() {
        ObjectMapper mapper = Json.newMapper();
        OpenApiSchemas schemas = OpenApiSchemas.loadFromClasspath();
        return new ApiTools(mapper, schemas, new JsonBodyReader(mapper, schemas));
    }
}
