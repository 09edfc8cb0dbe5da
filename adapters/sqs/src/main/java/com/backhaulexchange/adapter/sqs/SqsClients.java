package com.backhaulexchange.adapter.sqs;

import com.backhaulexchange.adapter.lambda.AwsClients;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import java.net.URI;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The SQS client of a function; {@code AWS_ENDPOINT_URL_SQS} points it at a local service. */
public final class SqsClients {
    private SqsClients() {
    }

    public static SqsClient create(FunctionEnvironment environment) {
        var builder = SqsClient.builder()
                .region(AwsClients.region(environment))
                .credentialsProvider(AwsClients.credentials(environment))
                .httpClient(AwsClients.httpClient())
                .overrideConfiguration(AwsClients.overrides());
        environment.optional("AWS_ENDPOINT_URL_SQS").map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
