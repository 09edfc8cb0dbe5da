package com.backhaulexchange.adapter.dynamodb;

import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.TemplateTables;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DisplayName("Lane and match repositories on DynamoDB Local")
class DynamoDbLocalLaneRepositoryTest extends LaneRepositoryContract {

    @Override
    protected DynamoDbClient dynamoDb() {
        return DynamoDbLocalServer.shared().client();
    }

    @Override
    protected String createLanesTable(DynamoDbClient dynamoDb) {
        return TemplateTables.createFresh(dynamoDb, "LanesTable");
    }
}
