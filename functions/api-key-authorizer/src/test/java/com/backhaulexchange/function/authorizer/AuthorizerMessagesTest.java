package com.backhaulexchange.function.authorizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The authorizer's event read and its policy written with jackson-core alone, checked against jackson-databind. */
class AuthorizerMessagesTest {
    private static final ObjectMapper DATABIND = new ObjectMapper();

    @Test
    void theRecordedEventsHeadersMethodArnAndPathAreRead() throws IOException {
        String text = Files.readString(Path.of("../../events/api-key-authorizer/valid-partner-key.json"))
                .replace("${API_KEY}", "bhx_key");

        APIGatewayCustomAuthorizerEvent event = AuthorizerMessages.read(stream(text));

        JsonNode recorded = DATABIND.readTree(text);
        assertThat(event.getMethodArn()).isEqualTo(recorded.path("methodArn").asText());
        assertThat(event.getPath()).isEqualTo("/partners/me");
        assertThat(event.getHttpMethod()).isEqualTo("GET");
        assertThat(event.getType()).isEqualTo("REQUEST");
        assertThat(event.getHeaders()).containsEntry("Authorization", "Bearer bhx_key")
                .hasSize(recorded.path("headers").size());
    }

    @Test
    void nestedFieldsItDoesNotNeedAreSkippedAndNonStringValuesReadAsAbsent() throws IOException {
        APIGatewayCustomAuthorizerEvent event = AuthorizerMessages.read(stream("""
                {"requestContext": {"path": "/v1/x", "identity": {"sourceIp": "1.2.3.4"}},
                 "multiValueHeaders": {"Authorization": ["Bearer nested"]},
                 "headers": {"Authorization": "Bearer top", "X-Count": 3, "X-List": ["a"]},
                 "path": {"not": "a string"}, "methodArn": null}"""));

        assertThat(event.getHeaders()).containsEntry("Authorization", "Bearer top")
                .containsEntry("X-Count", null).containsEntry("X-List", null);
        assertThat(event.getPath()).isNull();
        assertThat(event.getMethodArn()).isNull();
    }

    @Test
    void aNullHeadersFieldIsNoHeadersAndAnEventThatIsNotAnObjectIsRefused() throws IOException {
        assertThat(AuthorizerMessages.read(stream("{\"headers\": null}")).getHeaders()).isNull();
        assertThatThrownBy(() -> AuthorizerMessages.read(stream("[]"))).isInstanceOf(IOException.class);
    }

    @Test
    void thePolicyIsWrittenAsApiGatewayReadsIt() throws IOException {
        var policy = IamPolicyResponse.builder()
                .withPrincipalId("01JPARTNER")
                .withPolicyDocument(IamPolicyResponse.PolicyDocument.builder()
                        .withVersion(IamPolicyResponse.VERSION_2012_10_17)
                        .withStatement(List.of(IamPolicyResponse.allowStatement("arn:aws:execute-api:r:a:api/v1/*")))
                        .build())
                .withContext(Map.of("partnerId", "01JPARTNER", "roles", "CARRIER", "keyCount", 2, "operator", false))
                .build();
        var output = new ByteArrayOutputStream();

        AuthorizerMessages.write(policy, output);

        JsonNode written = DATABIND.readTree(output.toByteArray());
        assertThat(written.path("principalId").asText()).isEqualTo("01JPARTNER");
        assertThat(written.path("policyDocument").path("Version").asText()).isEqualTo("2012-10-17");
        JsonNode statement = written.path("policyDocument").path("Statement").get(0);
        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.path("Action").asText()).isEqualTo("execute-api:Invoke");
        assertThat(statement.path("Resource").get(0).asText()).isEqualTo("arn:aws:execute-api:r:a:api/v1/*");
        assertThat(written.path("context").path("keyCount").isInt()).isTrue();
        assertThat(written.path("context").path("operator").isBoolean()).isTrue();
        assertThat(written.path("context").path("roles").asText()).isEqualTo("CARRIER");
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
