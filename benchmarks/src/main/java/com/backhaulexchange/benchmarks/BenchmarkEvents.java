package com.backhaulexchange.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API Gateway events of src/main/resources/events, with their {@code ${NAME}} placeholders
 * filled (API key, partner id, Idempotency-Key...). Written to files for the measured JVMs, and
 * deserialized here for the in-process calls that seed the table and check each event first.
 */
final class BenchmarkEvents {
    static final String HELLO_WORLD = "hello-world.txt";
    static final String AUTHORIZER_GET_PARTNERS_ME = "authorizer-get-partners-me.json";
    static final String ONBOARDING_GET_PARTNERS_ME = "onboarding-get-partners-me.json";
    static final String ONBOARDING_POST_PARTNERS = "onboarding-post-partners.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path directory;
    private final AtomicInteger written = new AtomicInteger();

    BenchmarkEvents(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the filled event to a file of its own and returns its path. */
    Path write(String event, Map<String, String> values) {
        String name = String.format("%03d-%s", written.incrementAndGet(), event);
        try {
            return Files.writeString(directory.resolve(name), fill(event, values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T read(String event, Map<String, String> values, Class<T> eventClass) {
        try {
            return MAPPER.readValue(fill(event, values), eventClass);
        } catch (IOException e) {
            throw new UncheckedIOException(event + " does not deserialize to " + eventClass.getSimpleName(), e);
        }
    }

    private static String fill(String event, Map<String, String> values) {
        String text = resource(event);
        for (var value : values.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        if (text.contains("${")) {
            throw new IllegalArgumentException(event + " still has a placeholder after filling in " + values.keySet());
        }
        return text;
    }

    private static String resource(String event) {
        try (InputStream in = BenchmarkEvents.class.getResourceAsStream("/events/" + event)) {
            if (in == null) {
                throw new IllegalArgumentException("no event resource " + event);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
