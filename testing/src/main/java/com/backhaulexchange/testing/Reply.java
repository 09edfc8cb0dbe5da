package com.backhaulexchange.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A handler's response as a client sees it: status, headers (case-insensitive) and the JSON body. */
public record Reply(int status, Map<String, String> headers, String body) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static Reply of(APIGatewayProxyResponseEvent response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (response.getHeaders() != null) {
            headers.putAll(response.getHeaders());
        }
        return new Reply(response.getStatusCode(), headers, response.getBody());
    }

    public String header(String name) {
        return headers.get(name);
    }

    public JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    /**
     * The problem body as text without the members that name this one request ({@code requestId},
     * {@code instance}): two answers that must not be told apart compare equal on it, byte for byte.
     */
    public String problemWithoutRequestIdentity() {
        JsonNode problem = json();
        if (!(problem instanceof com.fasterxml.jackson.databind.node.ObjectNode object)) {
            throw new AssertionError("not a problem object: " + body);
        }
        object.remove(List.of("requestId", "instance"));
        return status + " " + headers.get("Content-Type") + " " + object;
    }

    /** The JSON Pointers of a problem's errors[]. */
    public List<String> errorPointers() {
        List<String> pointers = new ArrayList<>();
        json().path("errors").forEach(error -> pointers.add(error.path("pointer").asText()));
        return pointers;
    }

    @Override
    public String toString() {
        return status + " " + headers + " " + body;
    }
}
