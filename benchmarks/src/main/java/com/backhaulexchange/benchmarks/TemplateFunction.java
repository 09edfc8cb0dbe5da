package com.backhaulexchange.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function as template.yaml deploys it: its jar (CodeUri), handler class and the environment
 * variables it is given, each with what it refers to. Reading them from the template keeps the benchmark
 * measuring what is deployed. Intrinsics such as {@code !Ref PartnersTable} read as plain scalars
 * ({@code PartnersTable}): the logical id of a table, a queue or a parameter, which {@link ColdStartStack}
 * turns into a local value. A value that cannot be a logical id (such as {@code "8"}) is a literal, used as is.
 */
record TemplateFunction(String logicalId, String handlerClass, Path jar, Map<String, String> variables) {

    TemplateFunction {
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    static TemplateFunction read(Path template, String logicalId) {
        JsonNode properties = parse(template).path("Resources").path(logicalId).path("Properties");
        if (properties.isMissingNode()) {
            throw new IllegalStateException(logicalId + " is not declared in " + template);
        }
        String handler = properties.path("Handler").asText();
        Path jar = template.getParent().resolve(properties.path("CodeUri").asText()).normalize();
        Map<String, String> variables = new LinkedHashMap<>();
        properties.path("Environment").path("Variables").properties()
                .forEach(variable -> variables.put(variable.getKey(), variable.getValue().asText()));
        int method = handler.indexOf("::");
        return new TemplateFunction(logicalId, method < 0 ? handler : handler.substring(0, method), jar, variables);
    }

    /**
     * Whether a variable's value is a literal rather than a reference: the template's logical ids are PascalCase
     * (letters and digits, a capital first), which a number, a flag or a path never is.
     */
    static boolean isLiteral(String value) {
        return !value.matches("[A-Z][A-Za-z0-9]*");
    }

    List<String> environmentVariableNames() {
        return List.copyOf(variables.keySet());
    }

    /** The jar must have been built (by the reactor before this module, or by ./bhx package). */
    TemplateFunction requireJar() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the function jars first (./bhx package)");
        }
        return this;
    }

    /** The jar's file name without ".jar": the module, for the jar table. */
    String jarName() {
        String name = jar.getFileName().toString();
        return name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
    }

    /** Globals.Function.Environment.Variables.JAVA_TOOL_OPTIONS: the JVM flags every deployed function gets. */
    static Optional<String> globalJavaToolOptions(Path template) {
        JsonNode value = parse(template).path("Globals").path("Function").path("Environment").path("Variables")
                .path("JAVA_TOOL_OPTIONS");
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** Each resource's Type by logical id (AWS::DynamoDB::Table, AWS::SQS::Queue, ...). */
    static Map<String, String> resourceTypes(Path template) {
        Map<String, String> types = new LinkedHashMap<>();
        parse(template).path("Resources").properties()
                .forEach(resource -> types.put(resource.getKey(), resource.getValue().path("Type").asText()));
        return types;
    }

    /** Each parameter's Default (as text), or null when it has none. */
    static Map<String, String> parameterDefaults(Path template) {
        Map<String, String> defaults = new LinkedHashMap<>();
        parse(template).path("Parameters").properties().forEach(parameter -> {
            JsonNode value = parameter.getValue().path("Default");
            defaults.put(parameter.getKey(), value.isMissingNode() ? null : value.asText());
        });
        return defaults;
    }

    private static JsonNode parse(Path template) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(template.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
