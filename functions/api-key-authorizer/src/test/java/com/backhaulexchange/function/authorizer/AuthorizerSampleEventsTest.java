package com.backhaulexchange.function.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The events/api-key-authorizer samples are REQUEST authorizer events as API Gateway sends them for stage v1. */
class AuthorizerSampleEventsTest {

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(AuthorizerSampleEvents.DIRECTORY)) {
            List<Path> list = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
            assertThat(list).extracting(file -> file.getFileName().toString())
                    .contains("valid-partner-key.json", "missing-header.json", "malformed-key.json", "operator-key.json");
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachSampleIsARequestAuthorizerEventOfTheV1Stage(Path sample) {
        var event = EventLoader.loadAPIGatewayCustomAuthorizerEvent(sample.toString());

        assertThat(event.getType()).isEqualTo("REQUEST");
        assertThat(event.getMethodArn()).isEqualTo("arn:aws:execute-api:us-east-1:123456789012:"
                + event.getRequestContext().getApiId() + "/v1/" + event.getHttpMethod() + event.getPath());
        assertThat(event.getRequestContext().getStage()).isEqualTo("v1");
        assertThat(event.getRequestContext().getResourcePath()).isEqualTo(event.getResource());
        assertThat(event.getHeaders()).isNotEmpty();
    }
}
