package com.backhaulexchange.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds every request field of an OpenAPI 3.1 document that accepts more than it can mean: a number without
 * a minimum and a maximum, a string without a maxLength, enum, pattern or format, an array without maxItems.
 * It walks every schema reachable from each operation's requestBody and parameters, following {@code $ref},
 * {@code allOf}, {@code oneOf}, {@code anyOf}, {@code not}, {@code items}, {@code prefixItems},
 * {@code properties}, {@code patternProperties} and {@code additionalProperties}.
 */
final class RequestSchemaBounds {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final List<String> COMPOSITES = List.of("allOf", "oneOf", "anyOf", "prefixItems");
    private static final List<String> SINGLE = List.of("not", "items", "additionalProperties", "if", "then", "else",
            "contains");
    private static final List<String> MAPS = List.of("properties", "patternProperties", "dependentSchemas");

    private final JsonNode document;
    private final Set<String> visited = new HashSet<>();
    private final Set<String> unbounded = new TreeSet<>();

    private RequestSchemaBounds(JsonNode document) {
        this.document = document;
    }

    /** Each unbounded field as {@code <its location in the document>: <what bound it lacks>}, sorted. */
    static List<String> unboundedFields(JsonNode document) {
        var walker = new RequestSchemaBounds(document);
        document.path("paths").properties().forEach(path -> {
            String pathPointer = "#/paths/" + escape(path.getKey());
            walker.parameters(path.getValue().path("parameters"), pathPointer + "/parameters");
            path.getValue().properties().forEach(operation -> {
                if (!METHODS.contains(operation.getKey())) {
                    return;
                }
                String at = pathPointer + "/" + operation.getKey();
                walker.parameters(operation.getValue().path("parameters"), at + "/parameters");
                var requestBody = walker.resolved(operation.getValue().path("requestBody"), at + "/requestBody");
                requestBody.node().path("content").properties().forEach(media -> walker.schema(
                        media.getValue().path("schema"),
                        requestBody.at() + "/content/" + escape(media.getKey()) + "/schema"));
            });
        });
        return new ArrayList<>(walker.unbounded);
    }

    private void parameters(JsonNode list, String at) {
        for (int i = 0; i < list.size(); i++) {
            var parameter = resolved(list.get(i), at + "/" + i);
            schema(parameter.node().path("schema"), parameter.at() + "/schema");
        }
    }

    private void schema(JsonNode schema, String at) {
        if (schema.isMissingNode() || schema.isBoolean() || !visited.add(at)) {
            return;
        }
        if (schema.has("$ref")) {
            String target = schema.get("$ref").asText();
            schema(pointed(target), target);
        }
        for (String keyword : COMPOSITES) {
            JsonNode list = schema.path(keyword);
            for (int i = 0; i < list.size(); i++) {
                schema(list.get(i), at + "/" + keyword + "/" + i);
            }
        }
        for (String keyword : SINGLE) {
            schema(schema.path(keyword), at + "/" + keyword);
        }
        for (String keyword : MAPS) {
            schema.path(keyword).properties().forEach(entry -> schema(entry.getValue(),
                    at + "/" + keyword + "/" + escape(entry.getKey())));
        }
        if (schema.has("enum") || schema.has("const")) {
            return;
        }
        Set<String> types = new HashSet<>();
        if (schema.path("type").isArray()) {
            schema.get("type").forEach(type -> types.add(type.asText()));
        } else if (schema.has("type")) {
            types.add(schema.get("type").asText());
        }
        if (types.contains("integer") || types.contains("number")) {
            if (!schema.has("minimum") && !schema.has("exclusiveMinimum")) {
                unbounded.add(at + ": " + String.join("|", new TreeSet<>(types)) + " without a minimum");
            }
            if (!schema.has("maximum") && !schema.has("exclusiveMaximum")) {
                unbounded.add(at + ": " + String.join("|", new TreeSet<>(types)) + " without a maximum");
            }
        }
        if (types.contains("string") && !schema.has("maxLength") && !schema.has("pattern")
                && !schema.has("format")) {
            unbounded.add(at + ": string without a maxLength, enum, pattern or format");
        }
        if (types.contains("array") && !schema.has("maxItems")) {
            unbounded.add(at + ": array without maxItems");
        }
    }

    private record Located(JsonNode node, String at) {
    }

    /** A parameter or request body, or the component its {@code $ref} names. */
    private Located resolved(JsonNode node, String at) {
        return node.has("$ref") ? new Located(pointed(node.get("$ref").asText()), node.get("$ref").asText())
                : new Located(node, at);
    }

    private JsonNode pointed(String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("only references inside the document are supported: " + ref);
        }
        JsonNode target = document.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("unresolved $ref " + ref);
        }
        return target;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
