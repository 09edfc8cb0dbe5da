package com.backhaulexchange.localstack.template;

import java.util.Map;
import java.util.Optional;

/** An {@code AWS::Serverless::Api} (or SAM's implicit {@code ServerlessRestApi}). */
public record ApiDefinition(
        String logicalId, String stageName, Optional<String> defaultAuthorizer,
        Map<String, AuthorizerDefinition> authorizers, Map<String, GatewayResponseDefinition> gatewayResponses) {

    public static final String IMPLICIT_API_ID = "ServerlessRestApi";

    public ApiDefinition {
        authorizers = Map.copyOf(authorizers);
        gatewayResponses = Map.copyOf(gatewayResponses);
    }

    public Optional<AuthorizerDefinition> authorizer(String name) {
        return Optional.ofNullable(authorizers.get(name));
    }
}
