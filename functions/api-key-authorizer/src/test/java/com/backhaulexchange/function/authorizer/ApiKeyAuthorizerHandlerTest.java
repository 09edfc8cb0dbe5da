package com.backhaulexchange.function.authorizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.backhaulexchange.partner.access.OperatorCredential;
import com.backhaulexchange.kernel.id.SecretHashing;
import com.backhaulexchange.kernel.id.RandomTokens;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.partner.PartnerRole;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.RecordingContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyAuthorizerHandlerTest {
    private static final String WHOLE_STAGE = "arn:aws:execute-api:us-east-1:123456789012:k3x9q2w7ze/v1/*";
    private static final RandomTokens RANDOM = new RandomTokens(new SecureRandom());
    private static final String OPERATOR_TOKEN = OperatorCredential.generateToken(RANDOM);

    private CredentialFixture credentials;
    private ApiKeyAuthorizerHandler authorizer;
    private final RecordingContext context = new RecordingContext();
    /** Every secret a test presents: none may ever reach a log line. */
    private final List<String> presentedSecrets = new ArrayList<>();

    @BeforeEach
    void freshTableAndAuthorizer() {
        credentials = new CredentialFixture();
        authorizer = authorizerWith(Map.of("OPERATOR_KEY_SHA256", SecretHashing.sha256Hex(OPERATOR_TOKEN)));
        presentedSecrets.add(OPERATOR_TOKEN);
    }

    @AfterEach
    void noLogLineContainsASecret() {
        assertThat(context.logLines()).allSatisfy(line -> {
            for (String secret : presentedSecrets) {
                assertThat(line).doesNotContain(secret);
            }
        });
    }

    @Test
    void aValidPartnerKeyIsAllowedOnTheWholeStageWithThePartnerInTheContext() throws Exception {
        var carrier = credentials.registerPartner(PartnerRole.CARRIER);

        IamPolicyResponse policy = authorize("valid-partner-key.json", carrier.token());

        assertThat(policy.getPrincipalId()).isEqualTo(carrier.partnerId().value());
        assertThat(policy.getContext()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "principalType", "PARTNER", "partnerId", carrier.partnerId().value(), "roles", "CARRIER",
                "keyId", carrier.keyId()));
        // What API Gateway reads: the response as the Lambda runtime serialises it.
        JsonNode wire = wireFormat(policy);
        assertThat(wire.path("policyDocument").path("Version").asText()).isEqualTo("2012-10-17");
        assertThat(wire.path("policyDocument").path("Statement")).singleElement().satisfies(statement -> {
            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
            assertThat(statement.path("Action").asText()).isEqualTo("execute-api:Invoke");
            assertThat(statement.path("Resource").toString()).isEqualTo("[\"" + WHOLE_STAGE + "\"]");
        });
        // API Gateway accepts only strings, numbers and booleans as context values.
        assertThat(wire.path("context")).allSatisfy(value -> assertThat(value.isTextual()).isTrue());
    }

    @Test
    void aPartnerWithSeveralRolesHasThemAllInTheContext() {
        var broker = credentials.registerPartner(PartnerRole.CARRIER, PartnerRole.BROKER);

        assertThat(authorize("valid-partner-key.json", broker.token()).getContext())
                .containsEntry("roles", "BROKER,CARRIER");
    }

    @Test
    void headerNameAndBearerSchemeAreCaseInsensitive() {
        var carrier = credentials.registerPartner(PartnerRole.CARRIER);

        IamPolicyResponse policy = authorize(AuthorizerSampleEvents.load("lower-case-header-partner-key.json",
                Map.of("API_KEY", carrier.token(), "PATH_KEY_ID", carrier.keyId())));

        assertThat(effect(policy)).isEqualTo("Allow");
        assertThat(resource(policy)).isEqualTo(WHOLE_STAGE);
    }

    @Test
    void aMissingAuthorizationHeaderIsUnauthorized() {
        assertUnauthorized(AuthorizerSampleEvents.load("missing-header.json"), "MISSING_BEARER_TOKEN");
    }

    @Test
    void anotherAuthenticationSchemeIsUnauthorized() {
        assertUnauthorized(AuthorizerSampleEvents.load("basic-auth-scheme.json"), "MISSING_BEARER_TOKEN");
    }

    @Test
    void aMalformedKeyIsUnauthorized() {
        assertUnauthorized(AuthorizerSampleEvents.load("malformed-key.json"), "MALFORMED_KEY");
    }

    @Test
    void aWellFormedKeyNoPartnerHoldsIsUnauthorized() {
        String unknown = "bhx_" + new Ulid(credentials.clock, new SecureRandom()).next() + "_" + RANDOM.base62(12) + "_"
                + RANDOM.base62(43);
        presentedSecrets.add(unknown);

        assertUnauthorized(event("valid-partner-key.json", unknown), "UNKNOWN_KEY");
    }

    @Test
    void aKeyIdOfAnotherPartnerIsUnauthorized() {
        var carrier = credentials.registerPartner(PartnerRole.CARRIER);
        var shipper = credentials.registerPartner(PartnerRole.SHIPPER);
        String mixed = "bhx_" + carrier.partnerId().value() + "_" + shipper.keyId() + "_" + shipper.secret();
        presentedSecrets.add(shipper.secret());

        assertUnauthorized(event("valid-partner-key.json", mixed), "UNKNOWN_KEY");
    }

    @Test
    void theRightKeyIdWithAWrongSecretIsUnauthorized() {
        var carrier = credentials.registerPartner(PartnerRole.CARRIER);
        String guessed = "bhx_" + carrier.partnerId().value() + "_" + carrier.keyId() + "_" + RANDOM.base62(43);
        presentedSecrets.add(guessed);

        assertUnauthorized(event("valid-partner-key.json", guessed), "WRONG_SECRET");
    }

    @Test
    void aRevokedKeyIsUnauthorizedAtOnceWhileThePartnersOtherKeyWorks() {
        var carrier = credentials.registerPartner(PartnerRole.CARRIER);
        var second = credentials.addKey(carrier.partnerId());
        assertThat(effect(authorize("valid-partner-key.json", carrier.token()))).isEqualTo("Allow");

        credentials.revoke(carrier);

        assertUnauthorized(event("valid-partner-key.json", carrier.token()), "KEY_REVOKED");
        assertThat(effect(authorize("valid-partner-key.json", second.token()))).isEqualTo("Allow");
    }

    @Test
    void aRotatedKeyWorksUntilTheEndOfItsGracePeriodAndNotAfter() {
        var carrier = credentials.registerPartner(PartnerRole.CARRIER);
        var successor = credentials.rotate(carrier, Duration.ofMinutes(10));

        credentials.clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertThat(effect(authorize("valid-partner-key.json", carrier.token()))).isEqualTo("Allow");
        assertThat(authorize("valid-partner-key.json", carrier.token()).getContext())
                .containsEntry("keyId", carrier.keyId());

        credentials.clock.advance(Duration.ofMillis(1));
        assertUnauthorized(event("valid-partner-key.json", carrier.token()), "KEY_EXPIRED");
        assertThat(authorize("valid-partner-key.json", successor.token()).getContext())
                .containsEntry("keyId", successor.keyId());
    }

    @Test
    void aSuspendedPartnerIsDeniedWithTheReasonAndAllowedAgainOnceReinstated() {
        var carrier = credentials.registerPartner(PartnerRole.CARRIER);
        credentials.suspend(carrier.partnerId());

        IamPolicyResponse denied = authorize("valid-partner-key.json", carrier.token());

        assertThat(effect(denied)).isEqualTo("Deny");
        assertThat(resource(denied)).isEqualTo(WHOLE_STAGE);
        assertThat(denied.getContext()).containsEntry("denyReason", "PARTNER_SUSPENDED")
                .containsEntry("partnerId", carrier.partnerId().value()).containsEntry("principalType", "PARTNER");
        assertThat(context.logLines()).anySatisfy(line -> assertThat(line).contains("PARTNER_SUSPENDED"));

        credentials.reinstate(carrier.partnerId());
        assertThat(effect(authorize("valid-partner-key.json", carrier.token()))).isEqualTo("Allow");
    }

    @Test
    void theOperatorKeyIsAllowedAsTheOperator() {
        IamPolicyResponse policy = authorize(AuthorizerSampleEvents.load("operator-key.json",
                Map.of("OPERATOR_KEY", OPERATOR_TOKEN)));

        assertThat(effect(policy)).isEqualTo("Allow");
        assertThat(resource(policy)).isEqualTo(WHOLE_STAGE);
        assertThat(policy.getContext()).containsExactlyEntriesOf(Map.of("principalType", "OPERATOR"));
        assertThat(policy.getPrincipalId()).isEqualTo("operator");
    }

    @Test
    void anotherOperatorKeyIsUnauthorized() {
        String impostor = OperatorCredential.generateToken(RANDOM);
        presentedSecrets.add(impostor);

        assertUnauthorized(AuthorizerSampleEvents.load("operator-key.json", Map.of("OPERATOR_KEY", impostor)),
                "UNKNOWN_OPERATOR_KEY");
    }

    @Test
    void theOperatorKeyIsUnauthorizedWhenNoOperatorKeyIsConfigured() {
        authorizer = authorizerWith(Map.of());

        assertUnauthorized(AuthorizerSampleEvents.load("operator-key.json", Map.of("OPERATOR_KEY", OPERATOR_TOKEN)),
                "UNKNOWN_OPERATOR_KEY");
    }

    @Test
    void thePublicConstructorReadsTheSameEnvironment() {
        var carrier = credentials.registerPartner(PartnerRole.SHIPPER);
        authorizer = new ApiKeyAuthorizerHandler(DynamoDbLocalServer.shared().functionEnvironment(
                Map.of("PARTNERS_TABLE_NAME", credentials.tableName)));

        assertThat(effect(authorize("valid-partner-key.json", carrier.token()))).isEqualTo("Allow");
    }

    private ApiKeyAuthorizerHandler authorizerWith(Map<String, String> variables) {
        Map<String, String> environment = new HashMap<>(variables);
        environment.put("PARTNERS_TABLE_NAME", credentials.tableName);
        return new ApiKeyAuthorizerHandler(
                new FunctionEnvironment(DynamoDbLocalServer.shared().functionEnvironment(environment)), credentials.clock);
    }

    private APIGatewayCustomAuthorizerEvent event(String sample, String token) {
        presentedSecrets.add(token.substring(token.lastIndexOf('_') + 1));
        return AuthorizerSampleEvents.load(sample, Map.of("API_KEY", token));
    }

    private IamPolicyResponse authorize(String sample, String token) {
        return authorize(event(sample, token));
    }

    private IamPolicyResponse authorize(APIGatewayCustomAuthorizerEvent event) {
        return authorizer.handleRequest(event, context);
    }

    private void assertUnauthorized(APIGatewayCustomAuthorizerEvent event, String loggedReason) {
        int linesBefore = context.logLines().size();
        assertThatThrownBy(() -> authorizer.handleRequest(event, context))
                .isExactlyInstanceOf(RuntimeException.class)
                .hasMessage("Unauthorized");
        assertThat(context.logLines().subList(linesBefore, context.logLines().size())).singleElement()
                .satisfies(line -> assertThat(new ObjectMapper().readTree(line).path("reason").asText())
                        .isEqualTo(loggedReason));
    }

    private static String effect(IamPolicyResponse policy) {
        JsonNode statements = wireFormat(policy).path("policyDocument").path("Statement");
        assertThat(statements).hasSize(1);
        return statements.get(0).path("Effect").asText();
    }

    private static String resource(IamPolicyResponse policy) {
        JsonNode wire = wireFormat(policy);
        JsonNode resources = wire.path("policyDocument").path("Statement").get(0).path("Resource");
        assertThat(resources).hasSize(1);
        return resources.get(0).asText();
    }

    private static JsonNode wireFormat(IamPolicyResponse policy) {
        try {
            var out = new ByteArrayOutputStream();
            LambdaEventSerializers.serializerFor(IamPolicyResponse.class, ClassLoader.getSystemClassLoader())
                    .toJson(policy, out);
            return new ObjectMapper().readTree(out.toByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
