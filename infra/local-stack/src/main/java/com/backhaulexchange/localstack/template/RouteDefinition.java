package com.backhaulexchange.localstack.template;

import java.util.Optional;

/**
 * One {@code Type: Api} event: METHOD (upper case, or {@code ANY}) and path template on an API, the function it
 * invokes and the authorizer guarding it (empty for {@code Auth: {Authorizer: NONE}} or an API without one).
 */
public record RouteDefinition(
        String functionLogicalId, String eventName, String apiLogicalId, String method, String path,
        Optional<String> authorizerName) {
}
