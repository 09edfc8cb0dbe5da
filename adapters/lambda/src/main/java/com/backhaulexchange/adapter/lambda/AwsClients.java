package com.backhaulexchange.adapter.lambda;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The settings every SDK client is built with, the way a cold start wants them: region, credentials
 * provider and the URL-connection HTTP client set explicitly, so the SDK does no discovery on the
 * first call. The clients themselves are built next to their adapters ({@code DynamoDbClients},
 * {@code SqsClients}), so a function carries only the SDK services it calls.
 */
public final class AwsClients {
    private AwsClients() {
    }

    /**
     * {@code builder} with this project's settings, pointed at {@code endpointVariable}'s URL when the environment
     * has one (a local service); {@code DynamoDbClients} and {@code SqsClients} build their clients with it.
     */
    public static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C build(B builder,
            FunctionEnvironment environment, String endpointVariable) {
        builder.region(region(environment))
                .credentialsProvider(credentials(environment))
                .httpClient(httpClient())
                .overrideConfiguration(overrides());
        environment.optional(endpointVariable).map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static Region region(FunctionEnvironment environment) {
        return Region.of(environment.optional("AWS_REGION").orElse("us-east-1"));
    }

    /**
     * SnapStart functions get credentials from the container endpoint (never frozen into the
     * snapshot); otherwise they come from the function's environment — Lambda's own variables, or
     * the map a test or the local stack hands the function in-process.
     */
    public static AwsCredentialsProvider credentials(FunctionEnvironment environment) {
        if (environment.optional("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
            return ContainerCredentialsProvider.create();
        }
        var accessKey = environment.optional("AWS_ACCESS_KEY_ID");
        var secretKey = environment.optional("AWS_SECRET_ACCESS_KEY");
        if (accessKey.isPresent() && secretKey.isPresent()) {
            var sessionToken = environment.optional("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(sessionToken.isPresent()
                    ? AwsSessionCredentials.create(accessKey.get(), secretKey.get(), sessionToken.get())
                    : AwsBasicCredentials.create(accessKey.get(), secretKey.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    public static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofSeconds(15))
                .build();
    }
}
