package com.backhaulexchange.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.backhaulexchange.function.authorizer.ApiKeyAuthorizerHandler;
import com.backhaulexchange.function.onboarding.PartnerOnboardingHandler;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.RecordingContext;
import com.backhaulexchange.testing.TemplateTables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * DynamoDB Local in this JVM on a loopback port, PartnersTable created as template.yaml declares it
 * (keys, attributes, gsi1) and one partner registered through the onboarding handler in-process,
 * exactly as a client would: POST /partners, then the token from the 201 response.
 *
 * <p>Every event the fresh JVMs will get is first sent through its handler here. That checks the
 * event (a wrong one fails before anything is timed) and warms DynamoDB Local's own server-side
 * code paths, as the real DynamoDB has no cold start of its own to add to the function's.
 */
final class SeededPartnersTable {
    private static final String TABLE_LOGICAL_ID = "PartnersTable";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, String> functionEnvironment;
    private final Map<String, String> partner;

    private SeededPartnersTable(Map<String, String> functionEnvironment, Map<String, String> partner) {
        this.functionEnvironment = Map.copyOf(functionEnvironment);
        this.partner = Map.copyOf(partner);
    }

    static SeededPartnersTable start(BenchmarkEvents events) {
        var server = DynamoDbLocalServer.shared();
        String table = TemplateTables.createFresh(server.client(), TABLE_LOGICAL_ID);
        // Values for the variables template.yaml gives the functions; the operator key itself is never used.
        var environment = server.functionEnvironment(Map.of(
                "PARTNERS_TABLE_NAME", table,
                "OPERATOR_KEY_SHA256", sha256Hex(new SecureRandom().generateSeed(32)),
                "KEY_ROTATION_GRACE_SECONDS", "3600"));

        var onboarding = new PartnerOnboardingHandler(environment);
        var registered = onboarding.handleRequest(
                events.read(BenchmarkEvents.ONBOARDING_POST_PARTNERS, freshIdempotencyKey(), APIGatewayProxyRequestEvent.class),
                new RecordingContext());
        expectStatus(201, registered, "POST /partners (seeding)");
        Map<String, String> partner = new HashMap<>();
        partner.put("API_KEY", json(registered.getBody()).path("apiKey").path("token").asText());

        // The authorizer's answer for this key becomes the requestContext.authorizer of the onboarding event.
        IamPolicyResponse policy = new ApiKeyAuthorizerHandler(environment).handleRequest(
                events.read(BenchmarkEvents.AUTHORIZER_GET_PARTNERS_ME, partner, APIGatewayCustomAuthorizerEvent.class),
                new RecordingContext());
        expectAllow(policy);
        partner.put("PARTNER_ID", String.valueOf(policy.getContext().get("partnerId")));
        partner.put("ROLES", String.valueOf(policy.getContext().get("roles")));
        partner.put("KEY_ID", String.valueOf(policy.getContext().get("keyId")));

        var own = onboarding.handleRequest(
                events.read(BenchmarkEvents.ONBOARDING_GET_PARTNERS_ME, partner, APIGatewayProxyRequestEvent.class),
                new RecordingContext());
        expectStatus(200, own, "GET /partners/me");
        return new SeededPartnersTable(environment, partner);
    }

    /** The environment a deployed function would get, pointed at DynamoDB Local. */
    Map<String, String> functionEnvironment() {
        return functionEnvironment;
    }

    /** API_KEY, PARTNER_ID, ROLES and KEY_ID of the registered partner: the events' placeholders. */
    Map<String, String> partner() {
        return partner;
    }

    /** A registration must not replay an earlier one, so each gets a key of its own. */
    static Map<String, String> freshIdempotencyKey() {
        return Map.of("IDEMPOTENCY_KEY", UUID.randomUUID().toString());
    }

    private static void expectStatus(int expected, APIGatewayProxyResponseEvent response, String what) {
        if (response.getStatusCode() != expected) {
            throw new IllegalStateException(what + " answered " + response.getStatusCode() + " instead of " + expected
                    + ": " + response.getBody());
        }
    }

    private static void expectAllow(IamPolicyResponse policy) {
        JsonNode document = MAPPER.valueToTree(policy).path("policyDocument");
        if (!IamPolicyResponse.ALLOW.equals(document.path("Statement").path(0).path("Effect").asText())) {
            throw new IllegalStateException("the authorizer did not allow the seeded partner's key: " + document);
        }
    }

    private static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
