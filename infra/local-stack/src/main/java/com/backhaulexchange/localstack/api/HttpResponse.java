package com.backhaulexchange.localstack.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A response to write back to the HTTP client. */
public record HttpResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public HttpResponse {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = copy;
    }

    public static HttpResponse json(int status, String json) {
        return new HttpResponse(status, Map.of("Content-Type", List.of("application/json")),
                json.getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse withHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.computeIfAbsent(name, key -> new ArrayList<>());
        List<String> values = new ArrayList<>(copy.get(name));
        values.add(value);
        copy.put(name, values);
        return new HttpResponse(status, copy, body);
    }

    public boolean hasHeader(String name) {
        return headers.keySet().stream().anyMatch(existing -> existing.equalsIgnoreCase(name));
    }
}
