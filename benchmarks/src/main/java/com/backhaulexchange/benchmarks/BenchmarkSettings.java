package com.backhaulexchange.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Where things are, how many runs and which JIT settings, passed by the pom as system properties (see the
 * {@code benchmarks} profile there). The measured JVMs use the JDK the driver itself runs on, which Maven's
 * toolchain selection made a 21+ one.
 *
 * @param jitModes "template" (the template's JAVA_TOOL_OPTIONS) and/or "default" (the JVM's tiered C1+C2)
 */
record BenchmarkSettings(int runs, List<String> jitModes, Path projectRoot, Path outputDirectory, Path probeJar,
        Path helloWorldJar, Path floorJar, Path floorJsonJar, Path javaExecutable) {

    static final String TEMPLATE_JIT = "template";
    static final String DEFAULT_JIT = "default";

    static BenchmarkSettings fromSystemProperties() {
        int runs = Integer.parseInt(System.getProperty("bench.runs", "7"));
        if (runs < 1) {
            throw new IllegalArgumentException("bench.runs must be at least 1, got " + runs);
        }
        List<String> jitModes = Arrays.stream(System.getProperty("bench.coldStart.jit", TEMPLATE_JIT + "," + DEFAULT_JIT)
                .split(",")).map(String::strip).filter(mode -> !mode.isEmpty()).toList();
        if (jitModes.isEmpty() || !List.of(TEMPLATE_JIT, DEFAULT_JIT).containsAll(jitModes)) {
            throw new IllegalArgumentException("bench.coldStart.jit takes template and/or default, got " + jitModes);
        }
        return new BenchmarkSettings(
                runs,
                jitModes,
                existing("bench.projectRoot"),
                Path.of(required("bench.outputDirectory")).toAbsolutePath().normalize(),
                existing("bench.probeJar"),
                existing("bench.helloWorldJar"),
                existing("bench.floorJar"),
                existing("bench.floorJsonJar"),
                Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    Path template() {
        return projectRoot.resolve("template.yaml");
    }

    /** The functions' sample events (events/ at the project root). */
    Path eventsDirectory() {
        return projectRoot.resolve("events");
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
