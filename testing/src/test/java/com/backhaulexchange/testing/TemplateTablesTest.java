package com.backhaulexchange.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateTablesTest {
    @Test
    void partnersTableIsCreatedWithTheKeysAndIndexesOfTheTemplate() {
        var dynamoDb = DynamoDbLocalServer.shared().client();
        String name = TemplateTables.createFresh(dynamoDb, "PartnersTable");
        var table = dynamoDb.describeTable(request -> request.tableName(name)).table();
        assertThat(table.keySchema()).extracting(k -> k.attributeName()).containsExactly("pk", "sk");
        assertThat(table.globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("gsi1");
    }
}
