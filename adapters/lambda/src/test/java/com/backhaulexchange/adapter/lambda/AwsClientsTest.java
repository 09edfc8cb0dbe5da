package com.backhaulexchange.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class AwsClientsTest {

    @Test
    void snapStartFunctionsTakeCredentialsFromTheContainerEndpointNeverFromTheSnapshot() {
        var environment = new FunctionEnvironment(Map.of(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials",
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret"));

        assertThat(AwsClients.credentials(environment)).isInstanceOf(ContainerCredentialsProvider.class);
    }

    @Test
    void functionsRunInProcessUseTheCredentialsOfTheEnvironmentTheyWereGiven() {
        var environment = new FunctionEnvironment(Map.of("AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"));

        var provider = AwsClients.credentials(environment);

        assertThat(provider).isInstanceOf(StaticCredentialsProvider.class);
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("local");
    }

    @Test
    void lambdaSessionCredentialsKeepTheirSessionToken() {
        var environment = new FunctionEnvironment(Map.of("AWS_ACCESS_KEY_ID", "ASIAEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token"));

        assertThat(AwsClients.credentials(environment).resolveCredentials())
                .isInstanceOfSatisfying(AwsSessionCredentials.class, credentials ->
                        assertThat(credentials.sessionToken()).isEqualTo("token"));
    }
}
