package com.backhaulexchange.adapter.http;

import com.backhaulexchange.adapter.lambda.AuthorizerContext;

import static com.backhaulexchange.adapter.http.Requests.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.partner.access.Principal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRequestTest {

    @Test
    void headersAreFoundWhateverTheirCase() {
        var request = ApiRequest.from(event("POST", "/partners",
                Map.of("content-TYPE", "application/json", "Idempotency-Key", "k-123"), "{}"));

        assertThat(request.header("Content-Type")).contains("application/json");
        assertThat(request.header("content-type")).contains("application/json");
        assertThat(request.header("IDEMPOTENCY-KEY")).contains("k-123");
        assertThat(request.header("idempotency-key")).contains("k-123");
    }

    @Test
    void aBlankOrAbsentHeaderIsAbsent() {
        var request = ApiRequest.from(event("GET", "/partners/me", Map.of("If-Match", "  "), null));
        assertThat(request.header("If-Match")).isEmpty();
        assertThat(request.header("Authorization")).isEmpty();
    }

    @Test
    void anEventWithoutHeadersOrParametersHasEmptyOnes() {
        var request = ApiRequest.from(event("get", "/partners/me", null, null));
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.headers()).isEmpty();
        assertThat(request.pathParameters()).isEmpty();
        assertThat(request.queryParameters()).isEmpty();
        assertThat(request.hasBody()).isFalse();
        assertThat(request.authenticatedPrincipal()).isEmpty();
    }

    @Test
    void aBase64EncodedBodyIsDecoded() {
        String json = "{\"legalName\":\"Caf\u00e9 Freight\"}";
        var event = event("POST", "/partners", Map.of(), Base64.getEncoder()
                .encodeToString(json.getBytes(StandardCharsets.UTF_8))).withIsBase64Encoded(true);
        assertThat(ApiRequest.from(event).body()).isEqualTo(json);
    }

    @Test
    void queryAndPathParametersAreRead() {
        var event = event("GET", "/operator/partners", Map.of(), null)
                .withQueryStringParameters(Map.of("status", "SUSPENDED", "cursor", ""))
                .withPathParameters(Map.of("partnerId", "01JDA1B2C3D4E5F6G7H8J9K0MN"));
        var request = ApiRequest.from(event);
        assertThat(request.query("status")).contains("SUSPENDED");
        assertThat(request.query("cursor")).isEmpty();
        assertThat(request.query("limit")).isEmpty();
        assertThat(request.pathParameter("partnerId")).isEqualTo("01JDA1B2C3D4E5F6G7H8J9K0MN");
        assertThatThrownBy(() -> request.pathParameter("keyId")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void thePrincipalComesFromTheAuthorizerContext() {
        var event = event("GET", "/operator/partners", Map.of(), null);
        event.getRequestContext().setAuthorizer(new HashMap<>(AuthorizerContext.of(new Principal.OperatorPrincipal())));
        var request = ApiRequest.from(event);
        assertThat(request.principal()).isEqualTo(new Principal.OperatorPrincipal());
        assertThat(request.requestId()).isEqualTo("req-7f3a");
    }
}
