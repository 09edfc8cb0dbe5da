package com.backhaulexchange.adapter.http;

import com.backhaulexchange.adapter.http.problem.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates request bodies against the schemas of the one OpenAPI document (3.1, so its schemas
 * are plain JSON Schema 2020-12). The document is infra/openapi/openapi.yaml, packaged as JSON by the build
 * (adapters/http/src/build), so that a function's cold start reads no YAML.
 */
public final class OpenApiSchemas {
    public static final String CLASSPATH_LOCATION = "/openapi/openapi.json";
    private static final String DOCUMENT_IRI = "https://api.backhaul.exchange/openapi.json";

    private static final BigDecimal LARGEST = BigDecimal.valueOf(Long.MAX_VALUE);

    private final SchemaRegistry registry;
    private final Map<String, Schema> schemasByName = new ConcurrentHashMap<>();

    private OpenApiSchemas(String documentAsJson) {
        // Format assertions on: 2020-12 only annotates "format" by default, and date-time must be RFC 3339.
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config).schemas(Map.of(DOCUMENT_IRI, documentAsJson)));
    }

    public static OpenApiSchemas loadFromClasspath() {
        try (InputStream json = OpenApiSchemas.class.getResourceAsStream(CLASSPATH_LOCATION)) {
            if (json == null) {
                throw new IllegalStateException(CLASSPATH_LOCATION + " is not on the classpath");
            }
            return new OpenApiSchemas(new String(json.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resolves and compiles schemas ahead of the first request (used for SnapStart priming). */
    public void preload(String... componentNames) {
        for (String componentName : componentNames) {
            schema(componentName);
        }
    }

    /** Every violation of {@code #/components/schemas/<componentName>}, each with a JSON Pointer. */
    public List<FieldError> violations(String componentName, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        for (Error error : schema(componentName).validate(body)) {
            errors.add(new FieldError(pointerOf(error), detailOf(error)));
        }
        List<FieldError> huge = new ArrayList<>();
        hugeNumbers(body, "", huge);
        java.util.Set<String> pointed = new java.util.HashSet<>(errors.stream().map(FieldError::pointer).toList());
        huge.stream().filter(error -> !pointed.contains(error.pointer())).forEach(errors::add);
        errors.sort(Comparator.comparing(FieldError::pointer).thenComparing(FieldError::detail));
        return errors.stream().distinct().toList();
    }

    /**
     * Numbers beyond a 64-bit integer: no field of the API takes one, and the validator compares an integer
     * schema's minimum and maximum through {@code longValue()}, which wraps (1.8446744073709552e19 reads as 0 and
     * passes {@code maximum: 604800}).
     */
    private static void hugeNumbers(JsonNode node, String pointer, List<FieldError> errors) {
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            if (value.compareTo(LARGEST) > 0 || value.compareTo(LARGEST.negate()) < 0) {
                errors.add(new FieldError(pointer, "is beyond any range this API accepts"));
            }
        } else if (node.isObject()) {
            node.properties().forEach(field -> hugeNumbers(field.getValue(), pointer + "/" + escape(field.getKey()),
                    errors));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                hugeNumbers(node.get(i), pointer + "/" + i, errors);
            }
        }
    }

    private Schema schema(String componentName) {
        return schemasByName.computeIfAbsent(componentName, name -> {
            Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#/components/schemas/" + name));
            schema.initializeValidators();
            return schema;
        });
    }

    private static String pointerOf(Error error) {
        StringBuilder pointer = new StringBuilder();
        NodePath location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            pointer.append('/').append(escape(String.valueOf(location.getElement(i))));
        }
        boolean namesAProperty = "required".equals(error.getKeyword())
                || "additionalProperties".equals(error.getKeyword())
                || "unevaluatedProperties".equals(error.getKeyword())
                || "dependentRequired".equals(error.getKeyword());
        if (namesAProperty && error.getProperty() != null) {
            pointer.append('/').append(escape(error.getProperty()));
        }
        return pointer.toString();
    }

    private static String detailOf(Error error) {
        return switch (error.getKeyword() == null ? "" : error.getKeyword()) {
            case "required" -> "is required";
            case "additionalProperties", "unevaluatedProperties" -> "is not a known field";
            default -> stripLocation(error.getMessage());
        };
    }

    private static String stripLocation(String message) {
        int separator = message.indexOf(": ");
        return separator >= 0 && message.startsWith("$") ? message.substring(separator + 2) : message;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
