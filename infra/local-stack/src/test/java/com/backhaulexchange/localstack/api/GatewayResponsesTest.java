package com.backhaulexchange.localstack.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.template.ApiDefinition;
import com.backhaulexchange.localstack.template.GatewayResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayResponsesTest {

    private static final IncomingRequest REQUEST = new IncomingRequest("req-1", 0L, "GET", "/things/1", "q=v",
            Map.of("X-Trace", List.of("trace-7")), new byte[0], "127.0.0.1", 3000);

    private static ApiDefinition api(GatewayResponseDefinition... responses) {
        Map<String, GatewayResponseDefinition> byType = new java.util.HashMap<>();
        for (GatewayResponseDefinition response : responses) {
            byType.put(response.responseType(), response);
        }
        return new ApiDefinition("Api", "v1", Optional.empty(), Map.of(), byType);
    }

    private static String body(HttpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void theResponseOfTheErrorsTypeShapesStatusHeadersAndBody() {
        GatewayResponses responses = new GatewayResponses(api(new GatewayResponseDefinition("UNAUTHORIZED", Optional.of(401),
                Map.of("Content-Type", "'application/problem+json'", "WWW-Authenticate", "'Bearer realm=\"x\"'",
                        "X-Trace", "method.request.header.x-trace", "X-Query", "method.request.querystring.q"),
                Map.of("application/json", "{\"detail\":$context.error.messageString,\"id\":\"$context.requestId\"}"))));

        HttpResponse response = responses.render(GatewayError.unauthorized(), REQUEST, Map.of());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers()).containsEntry("Content-Type", List.of("application/problem+json"))
                .containsEntry("WWW-Authenticate", List.of("Bearer realm=\"x\""))
                .containsEntry("X-Trace", List.of("trace-7"))
                .containsEntry("X-Query", List.of("v"))
                .containsEntry("x-amzn-ErrorType", List.of("UnauthorizedException"));
        assertThat(body(response)).isEqualTo("{\"detail\":\"Unauthorized\",\"id\":\"req-1\"}");
    }

    @Test
    void withoutItsOwnResponseAnErrorFallsBackToDefault4xxOr5xxKeepingItsStatus() {
        GatewayResponses responses = new GatewayResponses(api(new GatewayResponseDefinition("DEFAULT_5XX", Optional.empty(),
                Map.of("Content-Type", "'application/problem+json'"),
                Map.of("application/json", "{\"type\":\"$context.error.responseType\",\"detail\":\"$context.error.message\"}"))));

        HttpResponse response = responses.render(GatewayError.integrationError(), REQUEST, Map.of());

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.headers()).containsEntry("Content-Type", List.of("application/problem+json"));
        assertThat(body(response)).isEqualTo("{\"type\":\"DEFAULT_5XX\",\"detail\":\"Internal server error\"}");
    }

    @Test
    void aStatusCodeOnDefault4xxAppliesToEveryUncustomized4xx() {
        GatewayResponses responses = new GatewayResponses(api(
                new GatewayResponseDefinition("DEFAULT_4XX", Optional.of(400), Map.of(), Map.of())));

        assertThat(responses.render(GatewayError.missingAuthenticationToken(), REQUEST, Map.of()).status()).isEqualTo(400);
    }

    @Test
    void withoutAnyGatewayResponsesApiGatewaysDefaultBodyIsUsed() {
        HttpResponse response = new GatewayResponses(api()).render(GatewayError.missingAuthenticationToken(), REQUEST, Map.of());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.headers()).containsEntry("Content-Type", List.of("application/json"));
        assertThat(body(response)).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(body(new GatewayResponses(api()).render(GatewayError.authorizerConfigurationError(), REQUEST, Map.of())))
                .isEqualTo("{\"message\":null}");
    }

    @Test
    void substitutedValuesAreJsonEscapedAndUnknownVariablesEmpty() {
        GatewayResponses responses = new GatewayResponses(api(new GatewayResponseDefinition("ACCESS_DENIED", Optional.of(403),
                Map.of(), Map.of("application/json",
                        "{\"reason\":\"$context.authorizer.denyReason\",\"who\":\"$context.authorizer.principalId\","
                                + "\"missing\":\"$context.authorizer.nothing\",\"odd\":\"$context.no.such.thing\","
                                + "\"stage\":\"$context.stage\"}"))));

        HttpResponse response = responses.render(
                GatewayError.accessDenied(true, Map.of("denyReason", "said \"no\"\n", "principalId", "p-1")), REQUEST, Map.of());

        assertThat(body(response)).isEqualTo(
                "{\"reason\":\"said \\\"no\\\"\\n\",\"who\":\"p-1\",\"missing\":\"\",\"odd\":\"\",\"stage\":\"v1\"}");
    }
}
