package com.backhaulexchange.localstack.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.backhaulexchange.localstack.lambda.FunctionInvocationException;
import com.backhaulexchange.localstack.lambda.LocalFunction;
import com.backhaulexchange.localstack.support.ConsoleLog;
import com.backhaulexchange.localstack.template.ApiDefinition;
import com.backhaulexchange.localstack.template.AuthorizerDefinition;
import com.backhaulexchange.localstack.template.RouteDefinition;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The local API Gateway: routes each request to its function through the route's authorizer, as the
 * deployed REST API does, and answers what API Gateway answers itself (no route, 401/403 from the
 * authorizer, too large a request, a failing function) with the API's gateway responses.
 *
 * <p>Local URLs have no stage: {@code http://localhost:3000/partners}; a leading {@code /<StageName>} as in the
 * deployed URL is accepted too.
 */
public final class ApiGatewayRouter implements HttpHandler {

    /** API Gateway's payload limit. */
    public static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;

    private final Map<String, ApiDefinition> apis = new LinkedHashMap<>();
    private final RouteTable routes;
    private final Function<String, LocalFunction> functions;
    private final AuthorizerEmulator authorizers;
    private final Clock clock;

    public ApiGatewayRouter(List<ApiDefinition> apis, RouteTable routes, Function<String, LocalFunction> functions,
                            AuthorizerEmulator authorizers, Clock clock) {
        apis.forEach(api -> this.apis.put(api.logicalId(), api));
        this.routes = routes;
        this.functions = functions;
        this.authorizers = authorizers;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        HttpResponse response;
        try {
            response = respond(exchange, requestId, clock.millis());
        } catch (RuntimeException e) {
            ConsoleLog.error("Request " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " failed", e);
            response = HttpResponse.json(500, "{\"message\":\"Internal server error\"}");
        }
        if (!response.hasHeader("x-amzn-RequestId")) {
            response = response.withHeader("x-amzn-RequestId", requestId);
        }
        HttpExchanges.write(exchange, response);
    }

    private HttpResponse respond(HttpExchange exchange, String requestId, long requestTime) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String requestPath = exchange.getRequestURI().getRawPath();
        RouteMatch match = routes.match(method, requestPath);
        String path = requestPath;
        Optional<ApiDefinition> stageApi = stagePrefixApi(requestPath);
        if (match instanceof RouteMatch.NotFound && stageApi.isPresent()) {
            path = requestPath.substring(stageApi.get().stageName().length() + 1);
            match = routes.match(method, path.isEmpty() ? "/" : path);
        }
        Optional<byte[]> body = HttpExchanges.readBody(exchange, MAX_REQUEST_BYTES);
        IncomingRequest request = new IncomingRequest(requestId, requestTime, method, path.isEmpty() ? "/" : path,
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body.orElse(new byte[0]),
                exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getLocalAddress().getPort());

        if (!(match instanceof RouteMatch.Found found)) {
            ApiDefinition api = stageApi.orElseGet(this::primaryApi);
            return body.isEmpty()
                    ? new GatewayResponses(api).render(GatewayError.requestTooLarge(), request, Map.of())
                    : new GatewayResponses(api).render(GatewayError.missingAuthenticationToken(), request, Map.of());
        }
        RouteDefinition route = found.route();
        ApiDefinition api = apis.get(route.apiLogicalId());
        GatewayResponses gatewayResponses = new GatewayResponses(api);
        if (body.isEmpty()) {
            return gatewayResponses.render(GatewayError.requestTooLarge(), request, found.pathParameters());
        }

        Map<String, Object> authorizerContext = null;
        if (route.authorizerName().isPresent()) {
            AuthorizerDefinition authorizer = api.authorizer(route.authorizerName().get()).orElseThrow();
            AuthorizerOutcome outcome = authorizers.authorize(api, authorizer, request, found);
            if (outcome instanceof AuthorizerOutcome.Rejected rejected) {
                return gatewayResponses.render(rejected.error(), request, found.pathParameters());
            }
            authorizerContext = ((AuthorizerOutcome.Allowed) outcome).requestContextAuthorizer();
        }

        APIGatewayProxyRequestEvent event = ProxyEventFactory.create(request, found, api, authorizerContext);
        try {
            Object result = functions.apply(route.functionLogicalId()).invoke(event);
            return ProxyResponseMapper.toHttpResponse(result);
        } catch (FunctionInvocationException e) {
            return gatewayResponses.render(GatewayError.integrationError(), request, found.pathParameters());
        } catch (ProxyResponseMapper.MalformedProxyResponse e) {
            ConsoleLog.warn("Malformed Lambda proxy response from " + route.functionLogicalId() + " for " + request
                    + ": " + e.getMessage());
            return gatewayResponses.render(GatewayError.integrationError(), request, found.pathParameters());
        }
    }

    /** The gateway response for a request refused before routing (see {@link RequestGate}). */
    HttpResponse renderRefusal(GatewayError error, RequestGate.RejectedRequest refused) {
        String requestId = UUID.randomUUID().toString();
        String rawPath = refused.rawPath().isEmpty() ? "/" : refused.rawPath();
        IncomingRequest request = new IncomingRequest(requestId, clock.millis(), refused.method(), rawPath, null,
                refused.headers(), new byte[0], refused.sourceIp(), refused.localPort());
        ApiDefinition api = stagePrefixApi(rawPath).orElseGet(this::primaryApi);
        HttpResponse response = new GatewayResponses(api).render(error, request, Map.of());
        return response.hasHeader("x-amzn-RequestId") ? response : response.withHeader("x-amzn-RequestId", requestId);
    }

    /** The API whose stage name is the first segment of the path ({@code /v1/...}), if any. */
    private Optional<ApiDefinition> stagePrefixApi(String rawPath) {
        return apis.values().stream()
                .filter(api -> rawPath.equals("/" + api.stageName()) || rawPath.startsWith("/" + api.stageName() + "/"))
                .findFirst();
    }

    /** Whose gateway responses answer a request that matches no route: the first API of the template. */
    private ApiDefinition primaryApi() {
        return apis.values().stream()
                .filter(api -> !api.logicalId().equals(ApiDefinition.IMPLICIT_API_ID))
                .findFirst()
                .or(() -> apis.values().stream().findFirst())
                .orElse(new ApiDefinition(ApiDefinition.IMPLICIT_API_ID, "Prod", Optional.empty(), Map.of(), Map.of()));
    }
}
