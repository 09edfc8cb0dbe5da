package com.backhaulexchange.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A function as template.yaml deploys it: its jar (CodeUri), handler class and the environment
 * variables it is given. Reading them from the template keeps the benchmark measuring what is
 * deployed. (Intrinsics such as {@code !Ref} read as plain scalars; only names are used here.)
 */
record TemplateFunction(String logicalId, String handlerClass, Path jar, List<String> environmentVariableNames) {

    static TemplateFunction read(Path template, String logicalId) {
        JsonNode properties = parse(template).path("Resources").path(logicalId).path("Properties");
        if (properties.isMissingNode()) {
            throw new IllegalStateException(logicalId + " is not declared in " + template);
        }
        String handler = properties.path("Handler").asText();
        Path jar = template.getParent().resolve(properties.path("CodeUri").asText()).normalize();
        List<String> variables = new ArrayList<>();
        properties.path("Environment").path("Variables").fieldNames().forEachRemaining(variables::add);
        return new TemplateFunction(logicalId, handler.substring(0, handler.indexOf("::")), jar, List.copyOf(variables));
    }

    /** The jar must have been built (by the reactor before this module, or by ./bhx package). */
    TemplateFunction requireJar() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the function jars first (./bhx package)");
        }
        return this;
    }

    /** Globals.Function.Environment.Variables.JAVA_TOOL_OPTIONS: the JVM flags every deployed function gets. */
    static Optional<String> globalJavaToolOptions(Path template) {
        JsonNode value = parse(template).path("Globals").path("Function").path("Environment").path("Variables")
                .path("JAVA_TOOL_OPTIONS");
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static JsonNode parse(Path template) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(template.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
