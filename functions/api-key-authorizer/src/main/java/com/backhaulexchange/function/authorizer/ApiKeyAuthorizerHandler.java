package com.backhaulexchange.function.authorizer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.backhaulexchange.partner.access.ApiKeyAuthenticator;
import com.backhaulexchange.partner.access.AuthenticationResult;
import com.backhaulexchange.partner.access.OperatorCredential;
import com.backhaulexchange.partner.apikey.ApiKeyId;
import com.backhaulexchange.adapter.lambda.AuthorizerContext;
import com.backhaulexchange.adapter.lambda.StructuredLog;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.adapter.dynamodb.DynamoDbCredentialStore;
import com.backhaulexchange.adapter.dynamodb.DynamoDbClients;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.adapter.lambda.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * API Gateway REQUEST authorizer. Answers API Gateway's protocol: throwing "Unauthorized" makes
 * a 401, a Deny policy a 403, an Allow policy lets the request through with the principal in the
 * context. Role checks per route are the functions' job, so the policy allows the whole API.
 */
public final class ApiKeyAuthorizerHandler implements RequestStreamHandler {
    /** API Gateway maps exactly this message to 401. */
    static final String UNAUTHORIZED = "Unauthorized";

    private final ApiKeyAuthenticator authenticator;
    private final Priming priming;

    public ApiKeyAuthorizerHandler() {
        this(System.getenv());
    }

    public ApiKeyAuthorizerHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables), Clock.systemUTC());
    }

    ApiKeyAuthorizerHandler(FunctionEnvironment environment, Clock clock) {
        var credentials = new DynamoDbCredentialStore(DynamoDbClients.create(environment),
                environment.required("PARTNERS_TABLE_NAME"));
        this.authenticator = new ApiKeyAuthenticator(credentials,
                new OperatorCredential(environment.optional("OPERATOR_KEY_SHA256").orElse("")), clock);
        // SnapStart: one consistent read of a key no partner can have; no writes, nothing cached. The SDK client
        // reconnects on its own after restore.
        this.priming = Priming.register(ApiKeyAuthorizerHandler.class,
                () -> credentials.find(new PartnerId(Priming.ABSENT_ID), new ApiKeyId("000000000000")));
    }

    /** The Lambda entry: the event read and the policy written with jackson-core alone (ADR 36). */
    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        AuthorizerMessages.write(handleRequest(AuthorizerMessages.read(event), context), answer);
    }

    /** The typed entry: what the stream entry hands the event to, and what the handler tests call. */
    public IamPolicyResponse handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        var result = authenticator.authenticate(authorizationHeader(event));
        return switch (result) {
            case AuthenticationResult.Authenticated authenticated -> policy(
                    IamPolicyResponse.ALLOW, event.getMethodArn(), AuthorizerContext.of(authenticated.principal()));
            case AuthenticationResult.Denied denied -> {
                context.getLogger().log(StructuredLog.line("WARN", "access denied",
                        Map.of("reason", denied.reasonCode(), "path", String.valueOf(event.getPath()))));
                Map<String, Object> authorizerContext = new java.util.HashMap<>(AuthorizerContext.of(denied.principal()));
                authorizerContext.put(AuthorizerContext.DENY_REASON, denied.reasonCode());
                yield policy(IamPolicyResponse.DENY, event.getMethodArn(), authorizerContext);
            }
            case AuthenticationResult.Unauthenticated unauthenticated -> {
                context.getLogger().log(StructuredLog.line("INFO", "unauthenticated",
                        Map.of("reason", unauthenticated.reason(), "path", String.valueOf(event.getPath()))));
                throw new RuntimeException(UNAUTHORIZED);
            }
        };
    }

    private static String authorizationHeader(APIGatewayCustomAuthorizerEvent event) {
        if (event.getHeaders() == null) {
            return null;
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(event.getHeaders());
        return headers.get("Authorization");
    }

    /** The policy covers every method of the stage, so it stays correct should caching ever be enabled. */
    private static IamPolicyResponse policy(String effect, String methodArn, Map<String, Object> context) {
        String resource = wholeApi(methodArn);
        var statement = IamPolicyResponse.ALLOW.equals(effect)
                ? IamPolicyResponse.allowStatement(resource)
                : IamPolicyResponse.denyStatement(resource);
        return IamPolicyResponse.builder()
                .withPrincipalId(String.valueOf(context.getOrDefault(AuthorizerContext.PARTNER_ID, "operator")))
                .withPolicyDocument(IamPolicyResponse.PolicyDocument.builder()
                        .withVersion(IamPolicyResponse.VERSION_2012_10_17)
                        .withStatement(List.of(statement))
                        .build())
                .withContext(context)
                .build();
    }

    /** arn:aws:execute-api:region:account:apiId/stage/METHOD/path → arn:aws:execute-api:region:account:apiId/stage/*. */
    static String wholeApi(String methodArn) {
        if (methodArn == null) {
            return "*";
        }
        String[] parts = methodArn.split("/", 3);
        return parts.length < 2 ? methodArn : parts[0] + "/" + parts[1] + "/*";
    }

    Priming priming() {
        return priming;
    }
}
