package com.backhaulexchange.localstack.template;

import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} merged with {@code Globals.Function}: handler, limits and the
 * environment variables the template gives it (resolved, without the local runtime's own variables).
 */
public record FunctionDefinition(
        String logicalId, String handlerClass, String handlerMethod, int timeoutSeconds, int memorySizeMb,
        String applicationLogLevel, Map<String, String> environment) {

    public FunctionDefinition {
        environment = Map.copyOf(environment);
    }
}
