package com.backhaulexchange.adapter.dynamodb;

import com.backhaulexchange.testing.TemplateTables;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The same contract on real DynamoDB, only when asked for with {@code BHX_AWS_INTEGRATION=true}.
 * Uses the default region and credentials chains, creates its own on-demand tables and deletes them.
 */
@DisplayName("DynamoDbPartnerRepository on AWS")
@EnabledIfEnvironmentVariable(named = "BHX_AWS_INTEGRATION", matches = "true")
class AwsPartnerRepositoryTest extends PartnerRepositoryContract {

    @Override
    protected DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Override
    protected String createPartnersTable(DynamoDbClient dynamoDb) {
        String name = TemplateTables.createFresh(dynamoDb, "PartnersTable");
        dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(name));
        return name;
    }

    @Override
    protected void deleteTable(DynamoDbClient dynamoDb, String tableName) {
        try {
            dynamoDb.deleteTable(request -> request.tableName(tableName));
            dynamoDb.waiter().waitUntilTableNotExists(request -> request.tableName(tableName));
        } catch (ResourceNotFoundException alreadyGone) {
            // nothing to clean up
        }
    }
}
