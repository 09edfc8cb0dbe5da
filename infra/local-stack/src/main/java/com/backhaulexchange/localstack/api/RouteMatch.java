package com.backhaulexchange.localstack.api;

import com.backhaulexchange.localstack.template.RouteDefinition;
import java.util.Map;

/** The outcome of looking a request up in the {@link RouteTable}. */
public sealed interface RouteMatch {

    /** A route for the method and path; path parameters are decoded. */
    record Found(RouteDefinition route, PathTemplate resource, Map<String, String> pathParameters)
            implements RouteMatch {
    }

    /** No resource matches the path, or the resource has no such method: API Gateway answers both alike. */
    record NotFound() implements RouteMatch {
    }
}
