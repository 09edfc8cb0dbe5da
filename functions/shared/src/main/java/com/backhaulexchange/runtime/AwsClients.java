package com.backhaulexchange.runtime;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds SDK clients the way a cold start wants them: region, credentials provider and the
 * URL-connection HTTP client set explicitly, so the SDK does no discovery on the first call.
 * {@code AWS_ENDPOINT_URL_DYNAMODB} / {@code AWS_ENDPOINT_URL_SQS} point them at local services.
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(FunctionEnvironment environment) {
        var builder = DynamoDbClient.builder()
                .region(region(environment))
                .credentialsProvider(credentials(environment))
                .httpClient(httpClient())
                .overrideConfiguration(overrides());
        environment.optional("AWS_ENDPOINT_URL_DYNAMODB").map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static SqsClient sqs(FunctionEnvironment environment) {
        var builder = SqsClient.builder()
                .region(region(environment))
                .credentialsProvider(credentials(environment))
                .httpClient(httpClient())
                .overrideConfiguration(overrides());
        environment.optional("AWS_ENDPOINT_URL_SQS").map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static Region region(FunctionEnvironment environment) {
        return Region.of(environment.optional("AWS_REGION").orElse("us-east-1"));
    }

    /**
     * In Lambda the credentials are in the environment; in-process (tests, local stack) they come
     * from the environment map handed to the function instead of the JVM's.
     */
    private static AwsCredentialsProvider credentials(FunctionEnvironment environment) {
        var accessKey = environment.optional("AWS_ACCESS_KEY_ID");
        var secretKey = environment.optional("AWS_SECRET_ACCESS_KEY");
        if (accessKey.isPresent() && secretKey.isPresent() && environment.optional("AWS_SESSION_TOKEN").isEmpty()
                && !environment.variables().equals(System.getenv())) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(), secretKey.get()));
        }
        return EnvironmentVariableCredentialsProvider.create();
    }

    private static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofSeconds(15))
                .build();
    }
}
