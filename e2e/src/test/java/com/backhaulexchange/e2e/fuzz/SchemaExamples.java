package com.backhaulexchange.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A schema-valid instance of a schema of the document, for operations no {@link SeedBodies seed} covers: required
 * members and the first of each choice, at the smallest allowed sizes. Valid by the schema is not valid by the
 * domain (a posted lane's windows must make sense), so generated bodies mostly exercise validation; the seeds reach
 * further.
 */
final class SchemaExamples {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Strings whose pattern this generator cannot invert, by pattern: a value the pattern accepts. */
    private static final Map<String, String> BY_PATTERN = Map.of(
            "^[0-7][0-9A-HJKMNP-TV-Z]{25}$", "01JDZ0000000000000000000AA",
            "^[A-Z]{3}$", "USD",
            "^[0-9]{1,8}$", "1234567",
            "^(MC-)?[0-9]{1,8}$", "MC-123456",
            "^[0-9]{4}-W[0-9]{2}$", "2026-W01",
            "^[0-9b-hjkmnp-z]{2}$", "9v");

    private final ApiOperations api;

    SchemaExamples(ApiOperations api) {
        this.api = api;
    }

    JsonNode example(JsonNode schema) {
        return example(schema, 0);
    }

    private JsonNode example(JsonNode declared, int depth) {
        JsonNode schema = api.resolve(declared);
        if (depth > 12) {
            return NODES.nullNode();
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        if (schema.has("examples")) {
            return schema.get("examples").get(0);
        }
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            JsonNode scalar = null;
            for (JsonNode part : schema.get("allOf")) {
                JsonNode partExample = example(part, depth + 1);
                if (partExample.isObject()) {
                    merged.setAll((ObjectNode) partExample);
                } else {
                    scalar = partExample;
                }
            }
            return scalar != null && merged.isEmpty() ? scalar : merged;
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            JsonNode choice = (schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf")).get(0);
            if (schema.has("properties")) {
                return objectExample(schema, choice.path("required"), depth);
            }
            return example(choice, depth + 1);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText();
        return switch (type) {
            case "object" -> objectExample(schema, NODES.arrayNode(), depth);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int size = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < size; i++) {
                    array.add(example(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(Math.max(schema.path("minimum").asLong(1),
                    schema.has("exclusiveMinimum") ? schema.path("exclusiveMinimum").asLong() + 1 : 1));
            case "number" -> NODES.numberNode(schema.has("minimum") && schema.has("maximum")
                    ? (schema.get("minimum").asDouble() + schema.get("maximum").asDouble()) / 2 : 1.5);
            case "boolean" -> NODES.booleanNode(true);
            case "string" -> NODES.textNode(stringExample(schema));
            default -> schema.has("properties") ? objectExample(schema, NODES.arrayNode(), depth) : NODES.nullNode();
        };
    }

    private ObjectNode objectExample(JsonNode schema, JsonNode alsoRequired, int depth) {
        ObjectNode object = NODES.objectNode();
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            object.set(required.asText(), example(properties.path(required.asText()), depth + 1));
        }
        for (JsonNode required : alsoRequired) {
            object.set(required.asText(), example(properties.path(required.asText()), depth + 1));
            for (JsonNode dependent : schema.path("dependentRequired").path(required.asText())) {
                object.set(dependent.asText(), example(properties.path(dependent.asText()), depth + 1));
            }
        }
        if (object.isEmpty() && schema.path("minProperties").asInt(0) > 0 && properties.fieldNames().hasNext()) {
            String first = properties.fieldNames().next();
            object.set(first, example(properties.get(first), depth + 1));
        }
        return object;
    }

    private static String stringExample(JsonNode schema) {
        String format = schema.path("format").asText();
        if (format.equals("date-time")) {
            return Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        }
        if (format.equals("date")) {
            return Instant.now().toString().substring(0, 10);
        }
        String pattern = schema.path("pattern").asText();
        if (BY_PATTERN.containsKey(pattern)) {
            return BY_PATTERN.get(pattern);
        }
        if (pattern.startsWith("^[0-9]{4}-[0-9]{2}-[0-9]{2}T")) {
            return Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        }
        int length = Math.max(schema.path("minLength").asInt(1), 8);
        if (schema.has("maxLength")) {
            length = Math.min(length, schema.get("maxLength").asInt());
        }
        return "x".repeat(length).substring(0, Math.max(length, schema.path("minLength").asInt(0)));
    }
}
