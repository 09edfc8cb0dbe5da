package com.backhaulexchange.authorizer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
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
 * The REQUEST authorizer events of events/api-key-authorizer, loaded as the Lambda runtime loads
 * them ({@link EventLoader}). Placeholders such as {@code ${API_KEY}} are replaced first; one left
 * without a value fails the test.
 */
final class AuthorizerSampleEvents {
    static final Path DIRECTORY = Path.of("../../events/api-key-authorizer");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    private AuthorizerSampleEvents() {
    }

    static APIGatewayCustomAuthorizerEvent load(String fileName) {
        return load(fileName, Map.of());
    }

    static APIGatewayCustomAuthorizerEvent load(String fileName, Map<String, String> values) {
        Path file = DIRECTORY.resolve(fileName);
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> missing = new TreeSet<>();
        Matcher names = PLACEHOLDER.matcher(text);
        while (names.find()) {
            missing.add(names.group(1));
        }
        if (missing.isEmpty()) {
            return EventLoader.loadAPIGatewayCustomAuthorizerEvent(file.toString());
        }
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(fileName + " needs values for " + missing);
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder substituted = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1)).replace("\\", "\\\\").replace("\"", "\\\"");
            matcher.appendReplacement(substituted, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(substituted);
        return LambdaEventSerializers.serializerFor(APIGatewayCustomAuthorizerEvent.class,
                ClassLoader.getSystemClassLoader()).fromJson(substituted.toString());
    }
}
