package com.backhaulexchange.benchmarks.floorjson;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.backhaulexchange.benchmarks.floor.DynamoDbGetItemHandler;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The floor with JSON (issue 9's target, read against it): the least a JSON API function of this project can do.
 * It reads an API Gateway proxy event with jackson-databind into records, makes the floor's one consistent GetItem
 * for the partner the authorizer named, and answers a proxy response whose body is a record written by Jackson, as
 * the guide requires of every function ("JSON through Jackson and records"). No request validation, no domain code,
 * no SQS: anything a function loads beyond this row is its own.
 */
public final class JsonApiGetItemHandler implements RequestStreamHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DynamoDbClient dynamoDb;
    private final String table;

    public JsonApiGetItemHandler() {
        this(System.getenv());
    }

    public JsonApiGetItemHandler(Map<String, String> environment) {
        this.dynamoDb = DynamoDbGetItemHandler.client(environment);
        this.table = DynamoDbGetItemHandler.required(environment, "PARTNERS_TABLE_NAME");
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProxyEvent(String httpMethod, String path, RequestContext requestContext) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RequestContext(Map<String, Object> authorizer) {
    }

    record ProxyResponse(int statusCode, Map<String, String> headers, String body) {
    }

    record PartnerFound(String partnerId, int attributes) {
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ProxyEvent event = MAPPER.readValue(input, ProxyEvent.class);
        String partnerId = String.valueOf(event.requestContext().authorizer().get("partnerId"));
        var item = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("PARTNER#" + partnerId),
                "sk", AttributeValue.fromS("PROFILE")))).item();
        ProxyResponse response = item == null || item.isEmpty()
                ? new ProxyResponse(404, Map.of("Content-Type", "application/problem+json"), "{}")
                : new ProxyResponse(200, Map.of("Content-Type", "application/json"),
                        MAPPER.writeValueAsString(new PartnerFound(partnerId, item.size())));
        MAPPER.writeValue(output, response);
    }
}
