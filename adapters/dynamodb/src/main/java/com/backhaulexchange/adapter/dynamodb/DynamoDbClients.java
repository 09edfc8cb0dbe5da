package com.backhaulexchange.adapter.dynamodb;

import com.backhaulexchange.adapter.lambda.AwsClients;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB client of a function; {@code AWS_ENDPOINT_URL_DYNAMODB} points it at a local service. */
public final class DynamoDbClients {
    private DynamoDbClients() {
    }

    public static DynamoDbClient create(FunctionEnvironment environment) {
        var builder = DynamoDbClient.builder()
                .region(AwsClients.region(environment))
                .credentialsProvider(AwsClients.credentials(environment))
                .httpClient(AwsClients.httpClient())
                .overrideConfiguration(AwsClients.overrides());
        environment.optional("AWS_ENDPOINT_URL_DYNAMODB").map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
