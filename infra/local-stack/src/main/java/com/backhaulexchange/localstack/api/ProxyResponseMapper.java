package com.backhaulexchange.localstack.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.backhaulexchange.localstack.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a proxy-integrated function returned into the HTTP response, with API Gateway's rules:
 * {@code statusCode} is required, only the proxy response fields are allowed, {@code headers} and
 * {@code multiValueHeaders} are merged (multi-value wins for a name in both), a base64 body is decoded and a
 * response without Content-Type is {@code application/json}. Anything else is a malformed proxy response, and
 * so is a body over Lambda's 6 MB response limit (Lambda fails such an invocation).
 */
final class ProxyResponseMapper {

    /** The function's answer is not a valid Lambda proxy response; API Gateway answers 502. */
    static final class MalformedProxyResponse extends Exception {
        MalformedProxyResponse(String reason) {
            super(reason);
        }
    }

    private static final Set<String> ALLOWED_FIELDS =
            Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");
    /** Framing headers are the gateway's business; the HTTP server sets them for the body it sends. */
    private static final Set<String> FRAMING_HEADERS = Set.of("content-length", "transfer-encoding", "connection");
    static final int MAX_LAMBDA_RESPONSE_BYTES = 6 * 1024 * 1024;

    private ProxyResponseMapper() {
    }

    static HttpResponse toHttpResponse(Object result) throws MalformedProxyResponse {
        if (result == null) {
            throw new MalformedProxyResponse("the function returned null");
        }
        JsonNode response = result instanceof APIGatewayProxyResponseEvent event ? fromEvent(event) : tree(result);
        if (!response.isObject()) {
            throw new MalformedProxyResponse("the function returned " + response.getNodeType() + ", not an object");
        }
        for (String field : (Iterable<String>) response::fieldNames) {
            if (!ALLOWED_FIELDS.contains(field)) {
                throw new MalformedProxyResponse("unexpected field " + field);
            }
        }
        JsonNode statusCode = response.path("statusCode");
        if (!statusCode.canConvertToInt() || statusCode.asInt() < 100 || statusCode.asInt() > 599) {
            throw new MalformedProxyResponse("statusCode is missing or not a valid HTTP status: " + statusCode);
        }

        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> header : response.path("headers").properties()) {
            headers.put(header.getKey(), new ArrayList<>(List.of(header.getValue().asText())));
        }
        for (Map.Entry<String, JsonNode> header : response.path("multiValueHeaders").properties()) {
            List<String> values = new ArrayList<>();
            header.getValue().valueStream().forEach(value -> values.add(value.asText()));
            headers.put(header.getKey(), values);
        }
        headers.keySet().removeIf(name -> FRAMING_HEADERS.contains(name.toLowerCase(Locale.ROOT)));
        if (headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Content-Type"))) {
            headers.put("Content-Type", List.of("application/json"));
        }

        JsonNode body = response.path("body");
        if (!body.isMissingNode() && !body.isNull() && !body.isTextual()) {
            throw new MalformedProxyResponse("body must be a string but is " + body.getNodeType());
        }
        byte[] bytes = body.isTextual() ? body.textValue().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (bytes.length > MAX_LAMBDA_RESPONSE_BYTES) {
            throw new MalformedProxyResponse("the body (" + bytes.length + " bytes) exceeds Lambda's 6 MB response limit");
        }
        if (body.isTextual() && response.path("isBase64Encoded").asBoolean(false)) {
            try {
                bytes = Base64.getDecoder().decode(body.textValue());
            } catch (IllegalArgumentException e) {
                throw new MalformedProxyResponse("isBase64Encoded is true but body is not base64");
            }
        }
        return new HttpResponse(statusCode.asInt(), headers, bytes);
    }

    private static JsonNode fromEvent(APIGatewayProxyResponseEvent event) {
        var node = Json.MAPPER.createObjectNode();
        if (event.getStatusCode() != null) {
            node.put("statusCode", event.getStatusCode());
        }
        if (event.getHeaders() != null) {
            node.set("headers", Json.MAPPER.valueToTree(event.getHeaders()));
        }
        if (event.getMultiValueHeaders() != null) {
            node.set("multiValueHeaders", Json.MAPPER.valueToTree(event.getMultiValueHeaders()));
        }
        if (event.getBody() != null) {
            node.put("body", event.getBody());
        }
        if (event.getIsBase64Encoded() != null) {
            node.put("isBase64Encoded", event.getIsBase64Encoded());
        }
        return node;
    }

    private static JsonNode tree(Object result) throws MalformedProxyResponse {
        try {
            return Json.MAPPER.valueToTree(result);
        } catch (IllegalArgumentException e) {
            throw new MalformedProxyResponse("the answer cannot be read as JSON: " + e.getMessage());
        }
    }
}
