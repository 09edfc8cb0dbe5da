package com.backhaulexchange.function.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.backhaulexchange.contract.OpenApiResponseValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The events/partner-onboarding samples are what API Gateway would send for an operation of the API. */
class SampleEventsTest {

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SampleEvents.DIRECTORY)) {
            List<Path> list = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
            assertThat(list).hasSizeGreaterThanOrEqualTo(11);
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachSampleIsARestApiProxyEventOfADocumentedOperation(Path sample) {
        var event = EventLoader.loadApiGatewayRestEvent(sample.toString());

        var operation = OpenApiResponseValidator.shared().document().path("paths").path(event.getResource())
                .path(event.getHttpMethod().toLowerCase(Locale.ROOT));
        assertThat(operation.isMissingNode()).as("%s %s is an OpenAPI operation", event.getHttpMethod(),
                event.getResource()).isFalse();
        assertThat(event.getRequestContext().getResourcePath()).isEqualTo(event.getResource());
        assertThat(event.getRequestContext().getHttpMethod()).isEqualTo(event.getHttpMethod());
        assertThat(event.getRequestContext().getStage()).isEqualTo("v1");
        assertThat(event.getRequestContext().getPath()).isEqualTo("/v1" + event.getPath());
        boolean open = operation.has("security") && operation.get("security").isEmpty();
        if (open) {
            assertThat(event.getRequestContext().getAuthorizer()).as("no authorizer runs on an open route").isNull();
        } else {
            assertThat(event.getRequestContext().getAuthorizer()).as("the authorizer's context")
                    .containsKeys("principalId", "principalType");
            assertThat(event.getHeaders()).containsKey("Authorization");
        }
        if (event.getBody() != null) {
            assertThat(event.getHeaders()).containsKey("Content-Type");
        }
        assertThat(event.getResource().contains("{")).isEqualTo(event.getPathParameters() != null);
    }
}
