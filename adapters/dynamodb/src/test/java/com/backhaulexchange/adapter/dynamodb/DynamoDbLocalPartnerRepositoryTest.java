package com.backhaulexchange.adapter.dynamodb;

import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.TemplateTables;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DisplayName("DynamoDbPartnerRepository on DynamoDB Local")
class DynamoDbLocalPartnerRepositoryTest extends PartnerRepositoryContract {

    @Override
    protected DynamoDbClient dynamoDb() {
        return DynamoDbLocalServer.shared().client();
    }

    @Override
    protected String createPartnersTable(DynamoDbClient dynamoDb) {
        return TemplateTables.createFresh(dynamoDb, "PartnersTable");
    }
}
