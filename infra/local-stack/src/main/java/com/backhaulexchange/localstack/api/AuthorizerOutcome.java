package com.backhaulexchange.localstack.api;

import java.util.Map;

/** What the emulated authorizer decided for one request. */
public sealed interface AuthorizerOutcome {

    /** Let the request through; {@code requestContextAuthorizer} becomes {@code requestContext.authorizer}. */
    record Allowed(Map<String, Object> requestContextAuthorizer) implements AuthorizerOutcome {
    }

    /** Answer with a gateway response instead of calling the function. */
    record Rejected(GatewayError error) implements AuthorizerOutcome {
    }
}
