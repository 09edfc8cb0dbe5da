package com.backhaulexchange.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a {@link LocalStack}.
 *
 * @param templatePath       the SAM template to run
 * @param httpPort           port of the local API on loopback; 0 picks a free one
 * @param dataDirectory      where DynamoDB Local keeps its data across restarts; null keeps it in memory
 * @param parameterOverrides values for template parameters (required for those without a Default)
 * @param extraEnvironment   variables added to (and overriding) every function's environment
 * @param runSchedules       whether rate(...) schedules also run on a timer
 * @param consoleDirectory   the built partner console (ADR 28) to serve under /console/; null serves none
 */
public record LocalStackOptions(
        Path templatePath, int httpPort, Path dataDirectory, Map<String, String> parameterOverrides,
        Map<String, String> extraEnvironment, boolean runSchedules, Path consoleDirectory) {

    public LocalStackOptions {
        Objects.requireNonNull(templatePath, "templatePath");
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("httpPort must be between 0 and 65535 but is " + httpPort);
        }
        parameterOverrides = Map.copyOf(parameterOverrides);
        extraEnvironment = Map.copyOf(extraEnvironment);
    }

    public Optional<Path> dataDirectoryIfAny() {
        return Optional.ofNullable(dataDirectory);
    }

    public Optional<Path> consoleDirectoryIfAny() {
        return Optional.ofNullable(consoleDirectory);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the stack with these options. */
    public LocalStack start() {
        return LocalStack.start(this);
    }

    public static final class Builder {

        private Path templatePath = Path.of("template.yaml");
        private int httpPort = 0;
        private Path dataDirectory;
        private final Map<String, String> parameterOverrides = new LinkedHashMap<>();
        private final Map<String, String> extraEnvironment = new LinkedHashMap<>();
        private boolean runSchedules;
        private Path consoleDirectory;

        private Builder() {
        }

        public Builder templatePath(Path templatePath) {
            this.templatePath = templatePath;
            return this;
        }

        /** Defaults to 0 (a free port), which suits tests; the command line defaults to 3000. */
        public Builder httpPort(int httpPort) {
            this.httpPort = httpPort;
            return this;
        }

        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        public Builder parameter(String name, String value) {
            parameterOverrides.put(name, value);
            return this;
        }

        public Builder parameterOverrides(Map<String, String> overrides) {
            parameterOverrides.putAll(overrides);
            return this;
        }

        public Builder environment(String name, String value) {
            extraEnvironment.put(name, value);
            return this;
        }

        public Builder extraEnvironment(Map<String, String> environment) {
            extraEnvironment.putAll(environment);
            return this;
        }

        public Builder runSchedules(boolean runSchedules) {
            this.runSchedules = runSchedules;
            return this;
        }

        /** The built partner console to serve under /console/ (its index.html and assets). */
        public Builder consoleDirectory(Path consoleDirectory) {
            this.consoleDirectory = consoleDirectory;
            return this;
        }

        public LocalStackOptions build() {
            return new LocalStackOptions(templatePath, httpPort, dataDirectory, parameterOverrides, extraEnvironment,
                    runSchedules, consoleDirectory);
        }

        public LocalStack start() {
            return build().start();
        }
    }
}
