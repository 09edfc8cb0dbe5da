package com.backhaulexchange.localstack.api;

import java.util.Map;

/**
 * A response API Gateway makes itself rather than the integration: its gateway response type, the status
 * it has when the template does not customize it, and {@code $context.error.message}. {@code message} is
 * null where API Gateway's is (a failing authorizer answers {@code {"message": null}}).
 * {@code authorizerContext} is what {@code $context.authorizer.*} resolves to (a denying authorizer's context).
 */
public record GatewayError(String responseType, int defaultStatus, String message, Map<String, String> authorizerContext) {

    public GatewayError {
        authorizerContext = Map.copyOf(authorizerContext);
    }

    public static GatewayError unauthorized() {
        return new GatewayError("UNAUTHORIZED", 401, "Unauthorized", Map.of());
    }

    public static GatewayError accessDenied(boolean explicitDeny, Map<String, String> authorizerContext) {
        return new GatewayError("ACCESS_DENIED", 403, explicitDeny
                ? "User is not authorized to access this resource with an explicit deny"
                : "User is not authorized to access this resource", authorizerContext);
    }

    public static GatewayError missingAuthenticationToken() {
        return new GatewayError("MISSING_AUTHENTICATION_TOKEN", 403, "Missing Authentication Token", Map.of());
    }

    /**
     * A request API Gateway refuses before routing because it cannot read it: a malformed percent-encoding in
     * the path, a bad request line or header, an unsupported Transfer-Encoding.
     */
    public static GatewayError badRequest(String message) {
        return new GatewayError("BAD_REQUEST_PARAMETERS", 400, message, Map.of());
    }

    public static GatewayError requestTooLarge() {
        return new GatewayError("REQUEST_TOO_LARGE", 413, "Request Too Long", Map.of());
    }

    public static GatewayError authorizerConfigurationError() {
        return new GatewayError("AUTHORIZER_CONFIGURATION_ERROR", 500, null, Map.of());
    }

    /** The function threw, timed out or returned something that is not a proxy response: 502 in API Gateway. */
    public static GatewayError integrationError() {
        return new GatewayError("DEFAULT_5XX", 502, "Internal server error", Map.of());
    }

    /** A fault of the local stack itself. */
    public static GatewayError internalError() {
        return new GatewayError("DEFAULT_5XX", 500, "Internal server error", Map.of());
    }

    /** The {@code x-amzn-ErrorType} API Gateway sends with this kind of response, if it sends one. */
    String errorTypeHeader() {
        return switch (responseType) {
            case "UNAUTHORIZED" -> "UnauthorizedException";
            case "ACCESS_DENIED" -> "AccessDeniedException";
            case "MISSING_AUTHENTICATION_TOKEN" -> "MissingAuthenticationTokenException";
            case "AUTHORIZER_CONFIGURATION_ERROR" -> "AuthorizerConfigurationException";
            default -> null;
        };
    }
}
