package com.backhaulexchange.localstack.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.backhaulexchange.localstack.lambda.FunctionInvocationException;
import com.backhaulexchange.localstack.lambda.LocalFunction;
import com.backhaulexchange.localstack.support.ConsoleLog;
import com.backhaulexchange.localstack.support.Json;
import com.backhaulexchange.localstack.template.ApiDefinition;
import com.backhaulexchange.localstack.template.AuthorizerDefinition;
import com.backhaulexchange.localstack.template.AuthorizerDefinition.PayloadType;
import com.backhaulexchange.localstack.template.LocalEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Runs a route's Lambda authorizer the way API Gateway (REST) does:
 * <ol>
 *   <li>a missing or empty identity source (header or query string) is 401 without calling the authorizer, as
 *       is a TOKEN that fails the ValidationExpression;</li>
 *   <li>the authorizer throwing an error whose message is exactly {@code Unauthorized} is 401, any other
 *       error or an unusable answer (no principalId or policy, a non-scalar context value) is 500;</li>
 *   <li>the returned policy must allow {@code execute-api:Invoke} on the method ARN and not deny it, else 403
 *       with the authorizer's context available to the ACCESS_DENIED response;</li>
 *   <li>when allowed, principalId, the context (values as strings) and integrationLatency reach the function
 *       as {@code requestContext.authorizer}.</li>
 * </ol>
 * Answers are cached per identity source values for ReauthorizeEvery seconds (SAM's default 300, 0 = off)
 * and the cached policy is evaluated against each new method ARN, as API Gateway does.
 */
public final class AuthorizerEmulator {

    private record CachedAnswer(long expiresAtMillis, String principalId, JsonNode policyDocument, Map<String, String> context) {
    }

    private final Function<String, LocalFunction> functions;
    private final Clock clock;
    private final Map<String, CachedAnswer> cache = new ConcurrentHashMap<>();

    public AuthorizerEmulator(Function<String, LocalFunction> functions, Clock clock) {
        this.functions = functions;
        this.clock = clock;
    }

    public AuthorizerOutcome authorize(ApiDefinition api, AuthorizerDefinition authorizer, IncomingRequest request,
                                       RouteMatch.Found match) {
        Optional<List<String>> identity = identitySourceValues(authorizer, request);
        if (identity.isEmpty()) {
            return new AuthorizerOutcome.Rejected(GatewayError.unauthorized());
        }
        String methodArn = methodArn(api, request);
        String cacheKey = api.logicalId() + "/" + authorizer.name() + "/" + String.join("\u0000", identity.get());
        CachedAnswer cached = cache.get(cacheKey);
        long started = clock.millis();
        if (cached == null || cached.expiresAtMillis() <= started) {
            cache.remove(cacheKey);
            Object answer;
            try {
                answer = functions.apply(authorizer.functionLogicalId())
                        .invoke(authorizerEvent(api, authorizer, request, match, methodArn));
            } catch (FunctionInvocationException e) {
                return new AuthorizerOutcome.Rejected("Unauthorized".equals(e.getMessage())
                        ? GatewayError.unauthorized()
                        : GatewayError.authorizerConfigurationError());
            }
            Optional<CachedAnswer> parsed = parse(answer, authorizer, started + authorizer.reauthorizeEverySeconds() * 1000L);
            if (parsed.isEmpty()) {
                return new AuthorizerOutcome.Rejected(GatewayError.authorizerConfigurationError());
            }
            cached = parsed.get();
            if (authorizer.reauthorizeEverySeconds() > 0) {
                cache.put(cacheKey, cached);
            }
        }
        long latency = clock.millis() - started;
        return switch (IamPolicyEvaluator.evaluate(cached.policyDocument(), methodArn)) {
            case ALLOW -> new AuthorizerOutcome.Allowed(requestContextAuthorizer(cached, latency));
            case EXPLICIT_DENY -> new AuthorizerOutcome.Rejected(GatewayError.accessDenied(true, contextWithPrincipal(cached)));
            case IMPLICIT_DENY -> new AuthorizerOutcome.Rejected(GatewayError.accessDenied(false, contextWithPrincipal(cached)));
        };
    }

    /** {@code arn:aws:execute-api:us-east-1:000000000000:local/<stage>/<METHOD>/<path>}. */
    static String methodArn(ApiDefinition api, IncomingRequest request) {
        return "arn:aws:execute-api:" + LocalEnvironment.REGION + ":" + LocalEnvironment.ACCOUNT_ID + ":"
                + LocalEnvironment.REST_API_ID + "/" + api.stageName() + "/" + request.upperCaseMethod() + "/"
                + request.rawPath().replaceFirst("^/", "");
    }

    private static Optional<List<String>> identitySourceValues(AuthorizerDefinition authorizer, IncomingRequest request) {
        List<String> values = new ArrayList<>();
        for (String header : authorizer.identityHeaders()) {
            Optional<String> value = request.header(header).filter(v -> !v.isBlank());
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        for (String parameter : authorizer.identityQueryStrings()) {
            Optional<String> value = request.queryParameter(parameter).filter(v -> !v.isBlank());
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        if (authorizer.payloadType() == PayloadType.TOKEN && authorizer.validationExpression().isPresent()
                && !Pattern.compile(authorizer.validationExpression().get()).matcher(values.getFirst()).matches()) {
            return Optional.empty();
        }
        return Optional.of(values);
    }

    private static APIGatewayCustomAuthorizerEvent authorizerEvent(
            ApiDefinition api, AuthorizerDefinition authorizer, IncomingRequest request, RouteMatch.Found match,
            String methodArn) {
        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setMethodArn(methodArn);
        if (authorizer.payloadType() == PayloadType.TOKEN) {
            event.setType("TOKEN");
            event.setAuthorizationToken(request.header(authorizer.identityHeaders().getFirst()).orElseThrow());
            return event;
        }
        event.setType("REQUEST");
        event.setResource(match.resource().template());
        event.setPath(request.rawPath());
        event.setHttpMethod(request.upperCaseMethod());
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> headers.put(name, values.getLast()));
        event.setHeaders(headers);
        Map<String, String> query = new LinkedHashMap<>();
        request.queryParameters().forEach((name, values) -> query.put(name, values.getLast()));
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        event.setPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters());
        APIGatewayCustomAuthorizerEvent.RequestContext context = new APIGatewayCustomAuthorizerEvent.RequestContext();
        context.setAccountId(LocalEnvironment.ACCOUNT_ID);
        context.setApiId(LocalEnvironment.REST_API_ID);
        context.setStage(api.stageName());
        context.setRequestId(request.requestId());
        context.setResourcePath(match.resource().template());
        context.setResourceId(ProxyEventFactory.resourceId(match.resource()));
        context.setHttpMethod(request.upperCaseMethod());
        context.setPath("/" + api.stageName() + request.rawPath());
        APIGatewayCustomAuthorizerEvent.Identity identity = new APIGatewayCustomAuthorizerEvent.Identity();
        identity.setSourceIp(request.sourceIp());
        context.setIdentity(identity);
        event.setRequestContext(context);
        return event;
    }

    private Optional<CachedAnswer> parse(Object answer, AuthorizerDefinition authorizer, long expiresAtMillis) {
        if (answer == null) {
            return misconfigured(authorizer, "it returned null");
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.valueToTree(answer);
        } catch (IllegalArgumentException e) {
            return misconfigured(authorizer, "its answer cannot be read as JSON: " + e.getMessage());
        }
        String principalId = tree.path("principalId").asText(null);
        JsonNode policy = tree.path("policyDocument");
        if (principalId == null || !policy.isObject()) {
            return misconfigured(authorizer, "its answer has no principalId or no policyDocument: " + tree);
        }
        Map<String, String> context = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : tree.path("context").properties()) {
            if (!entry.getValue().isValueNode()) {
                return misconfigured(authorizer, "context." + entry.getKey() + " is not a string, number or boolean");
            }
            if (!entry.getValue().isNull()) {
                context.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return Optional.of(new CachedAnswer(expiresAtMillis, principalId, policy, context));
    }

    private static Optional<CachedAnswer> misconfigured(AuthorizerDefinition authorizer, String reason) {
        // API Gateway only says "AuthorizerConfigurationException"; the reason is what a developer needs.
        ConsoleLog.warn("Authorizer " + authorizer.name() + " (" + authorizer.functionLogicalId() + "): " + reason);
        return Optional.empty();
    }

    private static Map<String, Object> requestContextAuthorizer(CachedAnswer answer, long latencyMillis) {
        Map<String, Object> authorizer = new LinkedHashMap<>(answer.context());
        authorizer.put("principalId", answer.principalId());
        authorizer.put("integrationLatency", latencyMillis);
        return authorizer;
    }

    private static Map<String, String> contextWithPrincipal(CachedAnswer answer) {
        Map<String, String> context = new LinkedHashMap<>(answer.context());
        context.put("principalId", answer.principalId());
        return context;
    }
}
