package com.backhaulexchange.adapter.dynamodb;

import com.backhaulexchange.testing.TemplateTables;
import org.junit.jupiter.api.DisplayName;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The same contract on LocalStack's DynamoDB. Runs wherever Docker does; skipped (not failed) where
 * there is no Docker engine. A {@code LOCALSTACK_AUTH_TOKEN} in the environment is handed on.
 */
@DisplayName("DynamoDbPartnerRepository on LocalStack")
@Testcontainers(disabledWithoutDocker = true)
class LocalStackPartnerRepositoryTest extends PartnerRepositoryContract {

    @Container
    private static final LocalStackContainer LOCALSTACK = localStack();

    private static LocalStackContainer localStack() {
        var container = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4"))
                .withServices("dynamodb");
        String authToken = System.getenv("LOCALSTACK_AUTH_TOKEN");
        return authToken == null || authToken.isBlank() ? container
                : container.withEnv("LOCALSTACK_AUTH_TOKEN", authToken);
    }

    @Override
    protected DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder()
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    protected String createPartnersTable(DynamoDbClient dynamoDb) {
        String name = TemplateTables.createFresh(dynamoDb, "PartnersTable");
        dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(name));
        return name;
    }
}
