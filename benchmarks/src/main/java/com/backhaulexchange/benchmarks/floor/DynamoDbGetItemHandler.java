package com.backhaulexchange.benchmarks.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold-start floor: the least a function of this project can do — build the DynamoDB client as the functions
 * build it ({@code runtime.AwsClients}: explicit region, static credentials from the environment, the
 * URL-connection HTTP client with the same timeouts, the same API call timeout, the endpoint override) and make
 * one consistent GetItem. Its jar holds this class, aws-lambda-java-core and the SDK's dynamodb and
 * url-connection-client with their dependencies: no Jackson, no JSON schemas, no domain code. The event is a
 * partner id; the answer says whether its profile item was found.
 */
public final class DynamoDbGetItemHandler implements RequestHandler<String, String> {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbGetItemHandler() {
        this(System.getenv());
    }

    public DynamoDbGetItemHandler(Map<String, String> environment) {
        this.table = required(environment, "PARTNERS_TABLE_NAME");
        this.dynamoDb = client(environment);
    }

    /** The DynamoDB client built as the functions build theirs (also the JSON floor's). */
    public static DynamoDbClient client(Map<String, String> environment) {
        var builder = DynamoDbClient.builder()
                .region(Region.of(environment.getOrDefault("AWS_REGION", "us-east-1")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        required(environment, "AWS_ACCESS_KEY_ID"), required(environment, "AWS_SECRET_ACCESS_KEY"))))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10))
                        .build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(15))
                        .build());
        String endpoint = environment.get("AWS_ENDPOINT_URL_DYNAMODB");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    @Override
    public String handleRequest(String partnerId, Context context) {
        var item = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("PARTNER#" + partnerId),
                "sk", AttributeValue.fromS("PROFILE")))).item();
        return item == null || item.isEmpty() ? "not found" : "found " + item.size() + " attributes";
    }

    public static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
