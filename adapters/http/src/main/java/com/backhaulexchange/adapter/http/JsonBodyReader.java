package com.backhaulexchange.adapter.http;

import com.backhaulexchange.adapter.http.problem.Problem;

import com.backhaulexchange.adapter.http.problem.FieldError;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a request body in the order a client can act on: media type (415), size (413),
 * syntax (400 malformed-json), then the OpenAPI schema (400 with one pointer per bad field).
 * Nothing reaches the domain before all four pass.
 */
public final class JsonBodyReader {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final Set<String> JSON_MEDIA_TYPES = Set.of("application/json");
    public static final Set<String> MERGE_PATCH_MEDIA_TYPES = Set.of("application/merge-patch+json", "application/json");

    private final ObjectMapper mapper;
    private final OpenApiSchemas schemas;

    public JsonBodyReader(ObjectMapper mapper, OpenApiSchemas schemas) {
        this.mapper = mapper;
        this.schemas = schemas;
    }

    public JsonNode read(ApiRequest request, String schemaName) {
        return read(request, schemaName, JSON_MEDIA_TYPES);
    }

    public JsonNode read(ApiRequest request, String schemaName, Set<String> acceptedMediaTypes) {
        return read(request, schemaName, acceptedMediaTypes, MAX_BODY_BYTES);
    }

    /**
     * As {@link #read(ApiRequest, String, Set)} with a route's own size limit, for the few routes whose
     * documented bodies are larger than {@value #MAX_BODY_BYTES} bytes (e.g. an explicit cooperative game).
     */
    public JsonNode read(ApiRequest request, String schemaName, Set<String> acceptedMediaTypes, int maxBodyBytes) {
        if (!request.hasBody()) {
            throw ProblemException.invalid("A JSON request body is required.",
                    List.of(new FieldError("", "a JSON body is required")));
        }
        String mediaType = request.header("Content-Type")
                .map(value -> value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .orElse("");
        if (!acceptedMediaTypes.contains(mediaType)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be one of " + acceptedMediaTypes.stream().sorted().toList()
                            + (mediaType.isEmpty() ? "; none was given." : "; got " + mediaType + "."));
        }
        if (request.body().getBytes(StandardCharsets.UTF_8).length > maxBodyBytes) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body exceeds " + maxBodyBytes + " bytes.");
        }
        JsonNode body;
        try {
            body = mapper.readTree(request.body());
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new ProblemException(com.backhaulexchange.adapter.http.problem.Problem.of(ProblemType.MALFORMED_JSON,
                    "The body is not valid JSON"
                            + (location == null ? "." : " (line " + location.getLineNr() + ", column "
                                    + location.getColumnNr() + ")."),
                    List.of(new FieldError("", e.getOriginalMessage()))));
        }
        List<FieldError> violations = schemas.violations(schemaName, body);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The request has " + violations.size() + " invalid field"
                    + (violations.size() == 1 ? "." : "s."), violations);
        }
        return body;
    }

    /** Schema violations of a document built by the server (e.g. a profile after a merge patch). */
    public List<FieldError> schemaViolations(String schemaName, JsonNode document) {
        return schemas.violations(schemaName, document);
    }
}
