package com.backhaulexchange.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operations of the OpenAPI document, read from the document itself: a route added to it is fuzzed the day it
 * is added, with nothing to register here.
 */
record ApiOperations(JsonNode document, List<Operation> all) {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** One path parameter, query parameter or header of an operation, with its (resolved) schema. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** A request body: its media types and the schema of the first one. */
    record RequestBody(List<String> mediaTypes, JsonNode schema, boolean required) {
    }

    record Operation(String operationId, String method, String pathTemplate, List<Parameter> parameters,
            Optional<RequestBody> body, boolean authenticated, Set<Integer> declaredStatuses) {

        boolean writes() {
            return !method.equals("GET");
        }

        List<Parameter> in(String location) {
            return parameters.stream().filter(parameter -> parameter.in().equals(location)).toList();
        }

        @Override
        public String toString() {
            return method + " " + pathTemplate + " (" + operationId + ")";
        }
    }

    static ApiOperations read(Path openApiYaml) {
        JsonNode document;
        try {
            document = new ObjectMapper(new YAMLFactory()).readTree(openApiYaml.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Operation> operations = new ArrayList<>();
        boolean securedByDefault = document.path("security").size() > 0;
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!METHODS.contains(entry.getKey())) {
                return;
            }
            JsonNode operation = entry.getValue();
            List<Parameter> parameters = new ArrayList<>();
            for (JsonNode declared : concat(path.getValue().path("parameters"), operation.path("parameters"))) {
                JsonNode parameter = resolve(document, declared);
                parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                        parameter.path("required").asBoolean(false), resolve(document, parameter.path("schema"))));
            }
            Optional<RequestBody> body = Optional.empty();
            JsonNode requestBody = resolve(document, operation.path("requestBody"));
            if (!requestBody.isMissingNode()) {
                List<String> mediaTypes = new ArrayList<>();
                requestBody.path("content").fieldNames().forEachRemaining(mediaTypes::add);
                body = Optional.of(new RequestBody(mediaTypes,
                        requestBody.path("content").path(mediaTypes.getFirst()).path("schema"),
                        requestBody.path("required").asBoolean(false)));
            }
            boolean authenticated = operation.has("security") ? operation.path("security").size() > 0
                    : securedByDefault;
            Set<Integer> statuses = new TreeSet<>();
            operation.path("responses").fieldNames().forEachRemaining(status -> statuses.add(Integer.parseInt(status)));
            operations.add(new Operation(operation.path("operationId").asText(),
                    entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(parameters), body,
                    authenticated, statuses));
        }));
        return new ApiOperations(document, List.copyOf(operations));
    }

    /** Follows local {@code $ref}s ({@code #/components/...}) until a node without one. */
    JsonNode resolve(JsonNode node) {
        return resolve(document, node);
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 20; hops++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static List<JsonNode> concat(JsonNode first, JsonNode second) {
        List<JsonNode> all = new ArrayList<>();
        first.forEach(all::add);
        second.forEach(all::add);
        return all;
    }
}
