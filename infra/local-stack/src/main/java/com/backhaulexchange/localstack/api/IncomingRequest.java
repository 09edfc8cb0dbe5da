package com.backhaulexchange.localstack.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as it reached the local API: method, path without a stage prefix, raw query, headers by name
 * (with the name casing the JDK server gives them) and body.
 */
public record IncomingRequest(
        String requestId, long requestTimeEpochMillis, String method, String rawPath, String rawQuery,
        Map<String, List<String>> headers, byte[] body, String sourceIp, int localPort) {

    public IncomingRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        rawQuery = rawQuery == null ? "" : rawQuery;
    }

    /** All values of a header, its name compared without regard to case. */
    public List<String> headerValues(String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream())
                .toList();
    }

    /** The last value of a header, as API Gateway's single-value {@code headers} map has it. */
    public Optional<String> header(String name) {
        List<String> values = headerValues(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getLast());
    }

    /** Query string parameters, decoded, in order, each with all its values. */
    public Map<String, List<String>> queryParameters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = PercentEncoding.decodeQuery(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : PercentEncoding.decodeQuery(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    public Optional<String> queryParameter(String name) {
        List<String> values = queryParameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getLast());
    }

    public String userAgent() {
        return header("User-Agent").orElse(null);
    }

    public String upperCaseMethod() {
        return method.toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery) + " (" + requestId + ")";
    }
}
