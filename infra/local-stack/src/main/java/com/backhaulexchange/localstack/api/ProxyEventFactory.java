package com.backhaulexchange.localstack.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.backhaulexchange.localstack.template.ApiDefinition;
import com.backhaulexchange.localstack.template.LocalEnvironment;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the Lambda proxy integration event (REST API, payload format 1.0) for a routed request. */
final class ProxyEventFactory {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ProxyEventFactory() {
    }

    static APIGatewayProxyRequestEvent create(IncomingRequest request, RouteMatch.Found match, ApiDefinition api,
                                              Map<String, Object> authorizer) {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent();
        event.setVersion("1.0");
        event.setResource(match.resource().template());
        event.setPath(request.rawPath());
        event.setHttpMethod(request.upperCaseMethod());

        Map<String, List<String>> multiValueHeaders = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> multiValueHeaders.put(name, List.copyOf(values)));
        // API Gateway adds these in front of every integration.
        multiValueHeaders.putIfAbsent("X-Forwarded-For", List.of(request.sourceIp()));
        multiValueHeaders.putIfAbsent("X-Forwarded-Port", List.of(Integer.toString(request.localPort())));
        multiValueHeaders.putIfAbsent("X-Forwarded-Proto", List.of("http"));
        event.setMultiValueHeaders(multiValueHeaders);
        event.setHeaders(lastValues(multiValueHeaders));

        Map<String, List<String>> query = request.queryParameters();
        event.setMultiValueQueryStringParameters(query.isEmpty() ? null : query);
        event.setQueryStringParameters(query.isEmpty() ? null : lastValues(query));
        event.setPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters());
        event.setStageVariables(null);

        if (request.body().length == 0) {
            event.setIsBase64Encoded(false);
        } else if (isUtf8(request.body())) {
            event.setBody(new String(request.body(), StandardCharsets.UTF_8));
            event.setIsBase64Encoded(false);
        } else {
            event.setBody(Base64.getEncoder().encodeToString(request.body()));
            event.setIsBase64Encoded(true);
        }

        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setAccountId(LocalEnvironment.ACCOUNT_ID);
        context.setApiId(LocalEnvironment.REST_API_ID);
        context.setResourceId(resourceId(match.resource()));
        context.setStage(api.stageName());
        context.setRequestId(request.requestId());
        context.setExtendedRequestId(request.requestId());
        context.setRequestTime(REQUEST_TIME.format(Instant.ofEpochMilli(request.requestTimeEpochMillis())));
        context.setRequestTimeEpoch(request.requestTimeEpochMillis());
        context.setResourcePath(match.resource().template());
        context.setHttpMethod(request.upperCaseMethod());
        context.setPath("/" + api.stageName() + request.rawPath());
        context.setProtocol("HTTP/1.1");
        context.setDomainName("localhost");
        context.setDomainPrefix("localhost");
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        identity.setSourceIp(request.sourceIp());
        identity.setUserAgent(request.userAgent());
        context.setIdentity(identity);
        context.setAuthorizer(authorizer == null ? null : new LinkedHashMap<>(authorizer));
        event.setRequestContext(context);
        return event;
    }

    /** A stable stand-in for API Gateway's resource id: the same for every request to one resource. */
    static String resourceId(PathTemplate resource) {
        return Integer.toHexString(resource.template().hashCode());
    }

    private static Map<String, String> lastValues(Map<String, List<String>> multiValues) {
        Map<String, String> single = new LinkedHashMap<>();
        multiValues.forEach((name, values) -> single.put(name, values.isEmpty() ? "" : values.getLast()));
        return single;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
