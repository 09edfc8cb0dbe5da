package com.backhaulexchange.contract;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an HTTP response against infra/openapi/openapi.yaml: the status is declared for the
 * operation, the Content-Type is one of the declared media types (application/problem+json for
 * every 4xx), the declared headers are present, and the body validates against
 * {@code #/paths/<path>/<method>/responses/<status>/content/<media type>/schema}
 * (following a {@code $ref} to {@code #/components/responses/...}). The document is registered
 * whole, as {@code http.OpenApiSchemas} does, so its {@code $ref}s resolve inside it.
 * 5xx responses are not checked: a handler test asserting a 2xx/4xx status reports those.
 */
public final class OpenApiResponseValidator {
    private static final String DOCUMENT_IRI = "https://contract-tests.backhaul.exchange/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OpenApiResponseValidator shared;

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public OpenApiResponseValidator(Path openApiYaml) {
        try {
            this.document = new ObjectMapper(new YAMLFactory()).readTree(openApiYaml.toFile());
            String documentAsJson = JSON.writeValueAsString(document);
            // As http.OpenApiSchemas: "format" asserts, so a response's date-time must be strict RFC 3339.
            SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
            this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaRegistryConfig(config).schemas(Map.of(DOCUMENT_IRI, documentAsJson)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized OpenApiResponseValidator shared() {
        if (shared == null) {
            shared = new OpenApiResponseValidator(ProjectFiles.openApi());
        }
        return shared;
    }

    public JsonNode document() {
        return document;
    }

    /** Fails with every violation when the response breaks the contract of the request's operation. */
    public void assertConforms(APIGatewayProxyRequestEvent request, APIGatewayProxyResponseEvent response) {
        List<String> violations = violations(request.getHttpMethod(), request.getResource(), response.getStatusCode(),
                response.getHeaders(), response.getBody());
        if (!violations.isEmpty()) {
            throw new AssertionError("The response to " + request.getHttpMethod() + " " + request.getResource()
                    + " breaks infra/openapi/openapi.yaml:\n  - " + String.join("\n  - ", violations)
                    + "\nResponse: " + response.getStatusCode() + " " + response.getHeaders() + " " + response.getBody());
        }
    }

    public List<String> violations(String method, String pathTemplate, int status, Map<String, String> headers,
            String body) {
        List<String> violations = new ArrayList<>();
        if (status >= 500) {
            return violations;
        }
        String methodKey = method.toLowerCase(Locale.ROOT);
        JsonNode operation = document.path("paths").path(pathTemplate).path(methodKey);
        if (operation.isMissingNode()) {
            violations.add("no operation " + method + " " + pathTemplate + " in the document");
            return violations;
        }
        String responsePointer = "/paths/" + escape(pathTemplate) + "/" + methodKey + "/responses/" + status;
        JsonNode declared = operation.path("responses").path(Integer.toString(status));
        if (declared.isMissingNode()) {
            violations.add("status " + status + " is not declared for " + method + " " + pathTemplate
                    + " (declared: " + fieldNames(operation.path("responses")) + ")");
            return violations;
        }
        while (declared.has("$ref")) {
            String ref = declared.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                violations.add("cannot follow " + ref);
                return violations;
            }
            responsePointer = ref.substring(1);
            declared = document.at(responsePointer);
        }
        Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            responseHeaders.putAll(headers);
        }
        declared.path("headers").fieldNames().forEachRemaining(name -> {
            if (!responseHeaders.containsKey(name)) {
                violations.add("declared header " + name + " is missing");
            }
        });
        String contentType = responseHeaders.get("Content-Type");
        String mediaType = contentType == null ? null : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (status >= 400 && !"application/problem+json".equals(mediaType)) {
            violations.add("a " + status + " must be application/problem+json, was " + contentType);
        }
        JsonNode content = declared.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (body != null && !body.isEmpty()) {
                violations.add("status " + status + " declares no content, but the body is " + body);
            }
            return violations;
        }
        if (mediaType == null || !content.has(mediaType)) {
            violations.add("Content-Type " + contentType + " is not one of " + fieldNames(content));
            return violations;
        }
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            // A text representation (text/csv): declared as a string; it must not be empty.
            if (body == null || body.isEmpty()) {
                violations.add("the body is empty but " + mediaType + " content is declared");
            }
            return violations;
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            violations.add("the body is not JSON: " + body);
            return violations;
        }
        if (instance == null || instance.isMissingNode()) {
            violations.add("the body is empty but " + mediaType + " content is declared");
            return violations;
        }
        String schemaPointer = responsePointer + "/content/" + escape(mediaType) + "/schema";
        for (var error : schema(schemaPointer).validate(instance)) {
            violations.add("body" + error.getInstanceLocation() + ": " + error.getMessage() + " [schema " + schemaPointer + "]");
        }
        return violations;
    }

    /** The schema at a JSON Pointer into the document, compiled once. */
    public Schema schema(String jsonPointer) {
        return schemas.computeIfAbsent(jsonPointer, pointer -> {
            if (document.at(pointer).isMissingNode()) {
                throw new IllegalArgumentException("no schema at #" + pointer);
            }
            Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + uriFragment(pointer)));
            schema.initializeValidators();
            return schema;
        });
    }

    /** RFC 6901 escaping of one reference token. */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** RFC 6901 section 6: a JSON Pointer in a URI fragment percent-encodes what a fragment may not hold. */
    private static String uriFragment(String pointer) {
        StringBuilder fragment = new StringBuilder();
        for (String token : pointer.split("/", -1)) {
            if (!fragment.isEmpty() || !token.isEmpty()) {
                fragment.append('/');
            }
            fragment.append(URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20")
                    .replace("%7E", "~"));
        }
        return fragment.toString();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
