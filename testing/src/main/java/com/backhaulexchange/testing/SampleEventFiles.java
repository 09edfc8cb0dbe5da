package com.backhaulexchange.testing;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the sample events under events/ the way the Lambda runtime deserialises them. Placeholders
 * like {@code ${PARTNER_ID}} sit inside JSON strings; they are replaced by JSON-escaped values first,
 * and a placeholder left without a value fails the test.
 */
public final class SampleEventFiles {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    private SampleEventFiles() {
    }

    public static <T> T load(Path file, Class<T> eventType, Map<String, String> values) {
        String text = read(file);
        Set<String> missing = placeholders(text);
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(file.getFileName() + " needs values for " + missing);
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder substituted = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(substituted, Matcher.quoteReplacement(jsonEscape(values.get(matcher.group(1)))));
        }
        matcher.appendTail(substituted);
        return LambdaEventSerializers.serializerFor(eventType, ClassLoader.getSystemClassLoader())
                .fromJson(substituted.toString());
    }

    public static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jsonEscape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
