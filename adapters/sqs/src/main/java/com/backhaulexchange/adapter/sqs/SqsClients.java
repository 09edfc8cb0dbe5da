package com.backhaulexchange.adapter.sqs;

import com.backhaulexchange.adapter.lambda.AwsClients;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The SQS client of a function; {@code AWS_ENDPOINT_URL_SQS} points it at a local service. */
public final class SqsClients {
    private SqsClients() {
    }

    public static SqsClient create(FunctionEnvironment environment) {
        return AwsClients.build(SqsClient.builder(), environment, "AWS_ENDPOINT_URL_SQS");
    }
}
