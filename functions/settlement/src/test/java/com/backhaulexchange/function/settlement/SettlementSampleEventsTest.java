package com.backhaulexchange.function.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.backhaulexchange.contract.OpenApiResponseValidator;
import com.backhaulexchange.testing.SampleEventFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The events/settlement samples are what API Gateway would send for an operation of the API. */
class SettlementSampleEventsTest {

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SettlementFixture.EVENTS)) {
            List<Path> list = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
            assertThat(list).hasSizeGreaterThanOrEqualTo(3);
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachSampleIsARestApiProxyEventOfADocumentedSecuredOperation(Path sample) {
        Map<String, String> values = new HashMap<>();
        SampleEventFiles.placeholders(SampleEventFiles.read(sample)).forEach(name -> values.put(name, name));
        var event = SampleEventFiles.load(sample, APIGatewayProxyRequestEvent.class, values);

        var operation = OpenApiResponseValidator.shared().document().path("paths").path(event.getResource())
                .path(event.getHttpMethod().toLowerCase(Locale.ROOT));
        assertThat(operation.isMissingNode()).as("%s %s is an OpenAPI operation", event.getHttpMethod(),
                event.getResource()).isFalse();
        assertThat(event.getRequestContext().getResourcePath()).isEqualTo(event.getResource());
        assertThat(event.getRequestContext().getHttpMethod()).isEqualTo(event.getHttpMethod());
        assertThat(event.getRequestContext().getStage()).isEqualTo("v1");
        assertThat(event.getRequestContext().getPath()).isEqualTo("/v1" + event.getPath());
        assertThat(event.getRequestContext().getAuthorizer()).as("the authorizer's context")
                .containsKeys("principalId", "principalType");
        assertThat(event.getHeaders()).containsKey("Authorization");
        if (event.getBody() != null) {
            assertThat(event.getHeaders()).containsEntry("Content-Type", "application/json");
        }
        java.util.Set<String> templated = new java.util.TreeSet<>();
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(event.getResource());
        while (names.find()) {
            templated.add(names.group(1));
        }
        if (templated.isEmpty()) {
            assertThat(event.getPathParameters()).isNull();
        } else {
            assertThat(event.getPathParameters()).containsOnlyKeys(templated);
        }
    }
}
