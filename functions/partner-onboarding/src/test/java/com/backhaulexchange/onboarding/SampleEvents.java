package com.backhaulexchange.onboarding;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
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
 * The sample events of events/partner-onboarding, loaded the way the Lambda runtime deserialises
 * them. Placeholders like {@code ${PARTNER_ID}} sit inside JSON strings; they are replaced by
 * JSON-escaped values before deserialisation, and a placeholder left without a value fails the test.
 */
public final class SampleEvents {
    public static final Path DIRECTORY = Path.of("../../events/partner-onboarding");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    private SampleEvents() {
    }

    public static APIGatewayProxyRequestEvent load(String fileName) {
        return load(fileName, Map.of());
    }

    public static APIGatewayProxyRequestEvent load(String fileName, Map<String, String> values) {
        Path file = DIRECTORY.resolve(fileName);
        String text = read(file);
        Set<String> needed = placeholders(text);
        if (needed.isEmpty()) {
            return EventLoader.loadApiGatewayRestEvent(file.toString());
        }
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(fileName + " needs values for " + missing);
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder substituted = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(substituted, Matcher.quoteReplacement(jsonEscape(values.get(matcher.group(1)))));
        }
        matcher.appendTail(substituted);
        // Exactly what EventLoader does with a file, applied to the substituted text.
        return LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class, ClassLoader.getSystemClassLoader())
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

    static String read(Path file) {
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
