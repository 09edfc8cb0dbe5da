package com.backhaulexchange.testing;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every item of some tables, read with a consistent Scan (test tables are small), for "this wrote nothing"
 * checks: two snapshots are equal when every table holds the same items with the same attributes.
 */
public record TableContents(Map<String, Set<Map<String, AttributeValue>>> items) {

    public static TableContents of(DynamoDbClient dynamoDb, String... tableNames) {
        Map<String, Set<Map<String, AttributeValue>>> items = new LinkedHashMap<>();
        for (String table : tableNames) {
            Set<Map<String, AttributeValue>> tableItems = new HashSet<>();
            dynamoDb.scanPaginator(request -> request.tableName(table).consistentRead(true)).items()
                    .forEach(tableItems::add);
            items.put(table, Set.copyOf(tableItems));
        }
        return new TableContents(Map.copyOf(items));
    }

    public int itemCount() {
        return items.values().stream().mapToInt(Set::size).sum();
    }
}
