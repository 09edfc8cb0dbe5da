package com.backhaulexchange.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tiny HTTP client for journeys: every call is a real request to the local stack over loopback. */
public final class Http {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUrl;

    public Http(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Response(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    public Response send(String method, String path, String body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> responseHeaders.put(name, String.join(",", values)));
            return new Response(response.statusCode(), responseHeaders, response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public Response get(String path, String apiKey) {
        return send("GET", path, null, auth(apiKey));
    }

    public Response postJson(String path, String apiKey, String body) {
        var headers = new LinkedHashMap<>(auth(apiKey));
        headers.put("Content-Type", "application/json");
        return send("POST", path, body, headers);
    }

    public Response putJson(String path, String apiKey, String body) {
        var headers = new LinkedHashMap<>(auth(apiKey));
        headers.put("Content-Type", "application/json");
        return send("PUT", path, body, headers);
    }

    public Response delete(String path, String apiKey) {
        return send("DELETE", path, null, auth(apiKey));
    }

    public static Map<String, String> auth(String apiKey) {
        return apiKey == null ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
    }
}
