package com.backhaulexchange.function.authorizer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.thirdparty.jackson.core.JsonEncoding;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParseException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;

/**
 * The authorizer's two messages, streamed (ADR 36): API Gateway's REQUEST authorizer event, of which it needs the
 * headers, the method ARN and the path, and its policy answer. Mapping them with jackson-databind, as the Lambda
 * runtime would for a typed handler, loads about 580 classes on a cold start: more than the authorizer's own code,
 * its SDK calls and its domain together.
 *
 * <p>The streaming parser and generator are the AWS SDK's own copy of jackson-core
 * ({@code software.amazon.awssdk:third-party-jackson-core}), which the DynamoDB client already loads to read and
 * write its JSON protocol: the authorizer adds no JSON library to its jar and loads no second one.
 */
final class AuthorizerMessages {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private AuthorizerMessages() {
    }

    /** The event's {@code headers}, {@code methodArn}, {@code path}, {@code httpMethod} and {@code type}; the rest skipped. */
    static APIGatewayCustomAuthorizerEvent read(InputStream input) throws IOException {
        var event = new APIGatewayCustomAuthorizerEvent();
        try (JsonParser parser = JSON.createParser(input)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(parser, "an authorizer event is a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "headers" -> event.setHeaders(value == JsonToken.START_OBJECT ? headers(parser) : null);
                    case "methodArn" -> event.setMethodArn(text(parser, value));
                    case "path" -> event.setPath(text(parser, value));
                    case "httpMethod" -> event.setHttpMethod(text(parser, value));
                    case "type" -> event.setType(text(parser, value));
                    default -> parser.skipChildren();
                }
            }
        }
        return event;
    }

    /** The policy as API Gateway reads it: principalId, policyDocument (Version, Statement) and context. */
    static void write(IamPolicyResponse response, OutputStream output) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(output, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("principalId", response.getPrincipalId());
            json.writeFieldName("policyDocument");
            value(json, response.getPolicyDocument());
            if (response.getContext() != null) {
                json.writeFieldName("context");
                value(json, response.getContext());
            }
            json.writeEndObject();
        }
    }

    private static Map<String, String> headers(JsonParser parser) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            headers.put(name, text(parser, parser.nextToken()));
        }
        return headers;
    }

    /** A string or null; any other value is skipped and read as null. */
    private static String text(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    /** The values a policy document and an authorizer context hold: maps, lists, arrays, strings, numbers, booleans. */
    private static void value(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case Map<?, ?> map -> {
                json.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    json.writeFieldName(String.valueOf(entry.getKey()));
                    value(json, entry.getValue());
                }
                json.writeEndObject();
            }
            case Collection<?> items -> {
                json.writeStartArray();
                for (Object item : items) {
                    value(json, item);
                }
                json.writeEndArray();
            }
            case Object[] items -> {
                json.writeStartArray();
                for (Object item : items) {
                    value(json, item);
                }
                json.writeEndArray();
            }
            case Boolean bool -> json.writeBoolean(bool);
            case Integer number -> json.writeNumber(number);
            case Long number -> json.writeNumber(number);
            case Number number -> json.writeNumber(number.toString());
            default -> json.writeString(value.toString());
        }
    }
}
