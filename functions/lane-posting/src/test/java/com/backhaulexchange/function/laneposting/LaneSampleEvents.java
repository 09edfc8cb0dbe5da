package com.backhaulexchange.function.laneposting;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.backhaulexchange.testing.SampleEventFiles;
import java.nio.file.Path;
import java.util.Map;

/** The sample events of events/lane-posting (see {@link SampleEventFiles}). */
final class LaneSampleEvents {
    static final Path DIRECTORY = Path.of("../../events/lane-posting");

    private LaneSampleEvents() {
    }

    static APIGatewayProxyRequestEvent load(String fileName, Map<String, String> values) {
        return SampleEventFiles.load(DIRECTORY.resolve(fileName), APIGatewayProxyRequestEvent.class, values);
    }
}
