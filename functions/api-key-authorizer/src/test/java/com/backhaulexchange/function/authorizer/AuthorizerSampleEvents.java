package com.backhaulexchange.function.authorizer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.backhaulexchange.testing.SampleEventFiles;
import java.nio.file.Path;
import java.util.Map;

/** The REQUEST authorizer events of events/api-key-authorizer (see {@link SampleEventFiles}). */
final class AuthorizerSampleEvents {
    static final Path DIRECTORY = Path.of("../../events/api-key-authorizer");

    private AuthorizerSampleEvents() {
    }

    static APIGatewayCustomAuthorizerEvent load(String fileName) {
        return load(fileName, Map.of());
    }

    static APIGatewayCustomAuthorizerEvent load(String fileName, Map<String, String> values) {
        return SampleEventFiles.load(DIRECTORY.resolve(fileName), APIGatewayCustomAuthorizerEvent.class, values);
    }
}
