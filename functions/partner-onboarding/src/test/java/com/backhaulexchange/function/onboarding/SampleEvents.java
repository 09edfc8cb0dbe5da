package com.backhaulexchange.function.onboarding;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.backhaulexchange.testing.SampleEventFiles;
import java.nio.file.Path;
import java.util.Map;

/** The sample events of events/partner-onboarding (see {@link SampleEventFiles}). */
public final class SampleEvents {
    public static final Path DIRECTORY = Path.of("../../events/partner-onboarding");

    private SampleEvents() {
    }

    public static APIGatewayProxyRequestEvent load(String fileName) {
        return load(fileName, Map.of());
    }

    public static APIGatewayProxyRequestEvent load(String fileName, Map<String, String> values) {
        return SampleEventFiles.load(DIRECTORY.resolve(fileName), APIGatewayProxyRequestEvent.class, values);
    }
}
