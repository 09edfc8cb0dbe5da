package com.backhaulexchange.adapter.http;

import com.backhaulexchange.adapter.lambda.AuthorizerContext;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.backhaulexchange.partner.access.Principal;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An API Gateway (REST, payload v1) request reduced to what handlers use: the route, its
 * parameters, headers looked up case-insensitively, the raw body, and the authenticated principal.
 */
public record ApiRequest(
        String method,
        String resource,
        Map<String, String> pathParameters,
        Map<String, String> queryParameters,
        Map<String, String> headers,
        String body,
        Principal principal,
        String requestId) {

    public static ApiRequest from(APIGatewayProxyRequestEvent event) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (event.getHeaders() != null) {
            headers.putAll(event.getHeaders());
        }
        String body = event.getBody();
        if (body != null && Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        var context = event.getRequestContext();
        Principal principal = context == null ? null : AuthorizerContext.principalFrom(context.getAuthorizer());
        String requestId = context == null || context.getRequestId() == null ? "unknown" : context.getRequestId();
        return new ApiRequest(
                event.getHttpMethod() == null ? "" : event.getHttpMethod().toUpperCase(Locale.ROOT),
                event.getResource(),
                event.getPathParameters() == null ? Map.of() : Map.copyOf(event.getPathParameters()),
                event.getQueryStringParameters() == null ? Map.of() : Map.copyOf(event.getQueryStringParameters()),
                headers,
                body,
                principal,
                requestId);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).filter(value -> !value.isBlank());
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(queryParameters.get(name)).filter(value -> !value.isBlank());
    }

    /** The {@code limit} query parameter of a listing: 1 to {@code maxLimit}, else a 400 at {@code #/query/limit}. */
    public int pageLimit(int defaultLimit, int maxLimit) {
        var value = query("limit");
        if (value.isEmpty()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.get());
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.invalidField("#/query/limit", "must be an integer from 1 to " + maxLimit);
    }

    /** A query parameter naming a constant of {@code type}; any other value is a 400 at {@code #/query/<name>}. */
    public <E extends Enum<E>> Optional<E> queryEnum(String name, Class<E> type) {
        return query(name).map(value -> {
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("#/query/" + name,
                        "must be one of " + java.util.List.of(type.getEnumConstants()));
            }
        });
    }

    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("route " + resource + " has no path parameter " + name);
        }
        return value;
    }

    public Optional<Principal> authenticatedPrincipal() {
        return Optional.ofNullable(principal);
    }

    public boolean hasBody() {
        return body != null && !body.isEmpty();
    }
}
