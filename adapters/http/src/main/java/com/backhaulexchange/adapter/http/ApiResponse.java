package com.backhaulexchange.adapter.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.backhaulexchange.adapter.http.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response a handler returns; rendered to API Gateway's response event at the edge. */
public record ApiResponse(int statusCode, Map<String, String> headers, String body) {
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    /** A JSON response: a view record, a JSON tree or any value Jackson maps, written by the function's mapper. */
    public static ApiResponse json(ObjectMapper mapper, int statusCode, Object body) {
        return json(mapper, statusCode, body, Map.of());
    }

    public static ApiResponse json(ObjectMapper mapper, int statusCode, Object body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", JSON);
        return new ApiResponse(statusCode, headers, write(mapper, body));
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), null);
    }

    public static ApiResponse problem(ObjectMapper mapper, Problem problem, String requestId) {
        var body = mapper.valueToTree(problem);
        if (problem.errors().isEmpty()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove("errors");
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("requestId", requestId);
        return new ApiResponse(problem.status(), Map.of("Content-Type", PROBLEM_JSON), write(mapper, body));
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(statusCode, copy, body);
    }

    public APIGatewayProxyResponseEvent toEvent() {
        Map<String, String> responseHeaders = new LinkedHashMap<>(headers);
        responseHeaders.putIfAbsent("Cache-Control", "no-store");
        responseHeaders.putIfAbsent("X-Content-Type-Options", "nosniff");
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(statusCode)
                .withHeaders(responseHeaders)
                .withBody(body)
                .withIsBase64Encoded(false);
    }

    private static String write(ObjectMapper mapper, Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view of the project's own types always serialises", e);
        }
    }
}
