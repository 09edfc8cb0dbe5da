package com.backhaulexchange.localstack.api;

import com.backhaulexchange.localstack.support.Json;
import com.backhaulexchange.localstack.template.ApiDefinition;
import com.backhaulexchange.localstack.template.GatewayResponseDefinition;
import com.backhaulexchange.localstack.template.LocalEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@link GatewayError}s the way the API's {@code GatewayResponses} shape them.
 *
 * <p>The response of the error's own type is used if the template defines it, else {@code DEFAULT_4XX} or
 * {@code DEFAULT_5XX}, else API Gateway's built-in {@code {"message":$context.error.messageString}}. Header
 * mappings are quoted literals ({@code "'application/problem+json'"}) or {@code method.request.*} values; the
 * template for {@code application/json} gets {@code $context.*} variables substituted, JSON-escaped. As in API
 * Gateway, {@code $context.error.messageString} is the message as a quoted JSON string (or {@code null}), while
 * {@code $context.error.message} is the bare text; unknown variables become empty.
 */
public final class GatewayResponses {

    private static final String DEFAULT_TEMPLATE = "{\"message\":$context.error.messageString}";
    private static final Pattern CONTEXT_VARIABLE = Pattern.compile("\\$context\\.([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*)");
    private static final Pattern REQUEST_PARAMETER = Pattern.compile("method\\.request\\.(header|querystring|path)\\.(.+)");

    private final ApiDefinition api;

    public GatewayResponses(ApiDefinition api) {
        this.api = api;
    }

    /** A response for {@code error}; {@code pathParameters} may be empty when no route was found. */
    public HttpResponse render(GatewayError error, IncomingRequest request, Map<String, String> pathParameters) {
        Optional<GatewayResponseDefinition> specific = Optional.ofNullable(api.gatewayResponses().get(error.responseType()));
        Optional<GatewayResponseDefinition> definition = specific.or(() -> Optional.ofNullable(
                api.gatewayResponses().get(error.defaultStatus() >= 500 ? "DEFAULT_5XX" : "DEFAULT_4XX")));
        int status = definition.flatMap(GatewayResponseDefinition::statusCode).orElse(error.defaultStatus());

        Map<String, List<String>> headers = new LinkedHashMap<>();
        definition.ifPresent(response -> response.headers().forEach((name, mapping) ->
                headerValue(mapping, request, pathParameters).ifPresent(value -> headers.put(name, List.of(value)))));
        if (headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Content-Type"))) {
            headers.put("Content-Type", List.of("application/json"));
        }
        headers.put("x-amzn-RequestId", List.of(request.requestId()));
        if (error.errorTypeHeader() != null) {
            headers.put("x-amzn-ErrorType", List.of(error.errorTypeHeader()));
        }

        String template = definition.map(GatewayResponses::jsonTemplate).orElse(DEFAULT_TEMPLATE);
        String body = substitute(template, error, request);
        return new HttpResponse(status, new LinkedHashMap<>(headers), body.getBytes(StandardCharsets.UTF_8));
    }

    private static String jsonTemplate(GatewayResponseDefinition response) {
        if (response.templates().containsKey("application/json")) {
            return response.templates().get("application/json");
        }
        return response.templates().values().stream().findFirst().orElse(DEFAULT_TEMPLATE);
    }

    private static Optional<String> headerValue(String mapping, IncomingRequest request, Map<String, String> pathParameters) {
        String trimmed = mapping.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'")) {
            return Optional.of(trimmed.substring(1, trimmed.length() - 1));
        }
        Matcher parameter = REQUEST_PARAMETER.matcher(trimmed);
        if (parameter.matches()) {
            String name = parameter.group(2);
            return switch (parameter.group(1)) {
                case "header" -> request.header(name);
                case "querystring" -> request.queryParameter(name);
                default -> Optional.ofNullable(pathParameters.get(name));
            };
        }
        return Optional.empty();
    }

    private String substitute(String template, GatewayError error, IncomingRequest request) {
        Matcher variable = CONTEXT_VARIABLE.matcher(template);
        StringBuilder body = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(body, Matcher.quoteReplacement(contextValue(variable.group(1), error, request)));
        }
        variable.appendTail(body);
        return body.toString();
    }

    private String contextValue(String name, GatewayError error, IncomingRequest request) {
        if (name.startsWith("authorizer.")) {
            String value = error.authorizerContext().get(name.substring("authorizer.".length()));
            return value == null ? "" : Json.escape(value);
        }
        return switch (name) {
            case "requestId", "extendedRequestId" -> Json.escape(request.requestId());
            case "error.message" -> error.message() == null ? "" : Json.escape(error.message());
            case "error.messageString" -> error.message() == null ? "null" : Json.write(error.message());
            case "error.responseType" -> error.responseType();
            case "httpMethod" -> Json.escape(request.upperCaseMethod());
            case "path" -> Json.escape("/" + api.stageName() + request.rawPath());
            case "stage" -> Json.escape(api.stageName());
            case "apiId" -> LocalEnvironment.REST_API_ID;
            case "accountId" -> LocalEnvironment.ACCOUNT_ID;
            case "identity.sourceIp" -> Json.escape(request.sourceIp());
            case "requestTimeEpoch" -> Long.toString(request.requestTimeEpochMillis());
            default -> "";
        };
    }
}
