package com.backhaulexchange.localstack.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyResponseMapperTest {

    @Test
    void headersAndMultiValueHeadersAreMergedWithMultiValueWinning() throws Exception {
        HttpResponse response = ProxyResponseMapper.toHttpResponse(new APIGatewayProxyResponseEvent()
                .withStatusCode(201)
                .withHeaders(Map.of("X-One", "1", "X-Both", "single", "Content-Length", "999"))
                .withMultiValueHeaders(Map.of("X-Both", List.of("a", "b")))
                .withBody("{\"ok\":true}"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers()).containsEntry("X-One", List.of("1")).containsEntry("X-Both", List.of("a", "b"))
                .containsEntry("Content-Type", List.of("application/json"))
                .doesNotContainKey("Content-Length");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
    }

    @Test
    void aMapIsAcceptedAndABase64BodyDecoded() throws Exception {
        HttpResponse response = ProxyResponseMapper.toHttpResponse(Map.of(
                "statusCode", 200, "body", "AAEC", "isBase64Encoded", true,
                "headers", Map.of("Content-Type", "application/octet-stream")));

        assertThat(response.body()).containsExactly(0, 1, 2);
        assertThat(response.headers()).containsEntry("Content-Type", List.of("application/octet-stream"));
    }

    @Test
    void anythingElseIsMalformed() {
        assertThatThrownBy(() -> ProxyResponseMapper.toHttpResponse(null))
                .isInstanceOf(ProxyResponseMapper.MalformedProxyResponse.class);
        assertThatThrownBy(() -> ProxyResponseMapper.toHttpResponse("just a string"))
                .hasMessageContaining("not an object");
        assertThatThrownBy(() -> ProxyResponseMapper.toHttpResponse(Map.of("statusCode", 200, "cookies", List.of())))
                .hasMessageContaining("unexpected field cookies");
        assertThatThrownBy(() -> ProxyResponseMapper.toHttpResponse(Map.of("body", "x")))
                .hasMessageContaining("statusCode");
        assertThatThrownBy(() -> ProxyResponseMapper.toHttpResponse(Map.of("statusCode", 200, "body", Map.of("a", 1))))
                .hasMessageContaining("body must be a string");
        assertThatThrownBy(() -> ProxyResponseMapper.toHttpResponse(Map.of("statusCode", 200, "body", "!!", "isBase64Encoded", true)))
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> ProxyResponseMapper.toHttpResponse(Map.of("statusCode", 200,
                "body", "x".repeat(ProxyResponseMapper.MAX_LAMBDA_RESPONSE_BYTES + 1))))
                .hasMessageContaining("6 MB");
    }
}
