package com.backhaulexchange.adapter.dynamodb;

import com.backhaulexchange.adapter.lambda.AwsClients;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB client of a function; {@code AWS_ENDPOINT_URL_DYNAMODB} points it at a local service. */
public final class DynamoDbClients {
    private DynamoDbClients() {
    }

    public static DynamoDbClient create(FunctionEnvironment environment) {
        return AwsClients.build(DynamoDbClient.builder(), environment, "AWS_ENDPOINT_URL_DYNAMODB");
    }
}
