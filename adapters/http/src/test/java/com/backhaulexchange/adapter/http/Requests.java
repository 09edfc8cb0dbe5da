package com.backhaulexchange.adapter.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.HashMap;
import java.util.Map;

/** API Gateway (REST, payload v1) events as the gateway would deliver them, for HTTP plumbing tests. */
final class Requests {
    private Requests() {
    }

    static APIGatewayProxyRequestEvent event(String method, String resource, Map<String, String> headers, String body) {
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setRequestId("req-7f3a");
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withResource(resource)
                .withPath(resource)
                .withHeaders(headers == null ? null : new HashMap<>(headers))
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(context);
    }

    static ApiRequest jsonPost(String body) {
        return ApiRequest.from(event("POST", "/partners", Map.of("Content-Type", "application/json"), body));
    }

    static ApiRequest post(Map<String, String> headers, String body) {
        return ApiRequest.from(event("POST", "/partners", headers, body));
    }
}
