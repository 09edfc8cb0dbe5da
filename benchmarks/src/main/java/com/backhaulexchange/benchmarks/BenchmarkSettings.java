package com.backhaulexchange.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where things are and how many runs, passed by the pom as system properties (see the
 * {@code benchmarks} profile there). The measured JVMs use the JDK the driver itself runs on,
 * which Maven's toolchain selection made a 21+ one.
 */
record BenchmarkSettings(int runs, Path projectRoot, Path outputDirectory, Path probeJar, Path helloWorldJar,
        Path javaExecutable) {

    static BenchmarkSettings fromSystemProperties() {
        int runs = Integer.parseInt(System.getProperty("bench.runs", "7"));
        if (runs < 1) {
            throw new IllegalArgumentException("bench.runs must be at least 1, got " + runs);
        }
        return new BenchmarkSettings(
                runs,
                existing("bench.projectRoot"),
                Path.of(required("bench.outputDirectory")).toAbsolutePath().normalize(),
                existing("bench.probeJar"),
                existing("bench.helloWorldJar"),
                Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    Path template() {
        return projectRoot.resolve("template.yaml");
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (run through the benchmarks profile)");
        }
        return value;
    }

    private static Path existing(String property) {
        Path path = Path.of(required(property)).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + ": " + path + " does not exist (build the module first)");
        }
        return path;
    }
}
