package com.backhaulexchange.localstack.aws;

import com.backhaulexchange.localstack.template.TableDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Creates the template's tables in DynamoDB Local: key schema, attribute definitions, billing mode and
 * throughput, global and local secondary indexes, stream and time-to-live settings. Tables that already
 * exist (a restart with a data directory) are kept as they are. Settings without a local meaning (SSE,
 * point-in-time recovery, deletion protection, tags) are ignored.
 */
public final class TableProvisioner {

    /** What happened to one table. */
    public record Outcome(String tableName, boolean created, List<String> warnings) {
    }

    private final DynamoDbClient dynamoDb;

    public TableProvisioner(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    public List<Outcome> provision(List<TableDefinition> tables) {
        return tables.stream().map(this::provision).toList();
    }

    private Outcome provision(TableDefinition table) {
        TableDescription existing = describe(table.tableName());
        if (existing != null) {
            return new Outcome(table.tableName(), false, differences(table, existing));
        }
        dynamoDb.createTable(createTableRequest(table));
        JsonNode ttl = table.properties().path("TimeToLiveSpecification");
        if (ttl.path("Enabled").asBoolean(false)) {
            dynamoDb.updateTimeToLive(request -> request.tableName(table.tableName()).timeToLiveSpecification(spec -> spec
                    .attributeName(ttl.path("AttributeName").asText())
                    .enabled(true)));
        }
        return new Outcome(table.tableName(), true, List.of());
    }

    static CreateTableRequest createTableRequest(TableDefinition table) {
        JsonNode properties = table.properties();
        String billingMode = properties.path("BillingMode").asText(BillingMode.PROVISIONED.toString());
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.tableName())
                .billingMode(billingMode)
                .attributeDefinitions(properties.path("AttributeDefinitions").valueStream()
                        .map(attribute -> AttributeDefinition.builder()
                                .attributeName(attribute.path("AttributeName").asText())
                                .attributeType(attribute.path("AttributeType").asText())
                                .build())
                        .toList())
                .keySchema(keySchema(properties.path("KeySchema")));
        if (properties.has("ProvisionedThroughput")) {
            request.provisionedThroughput(throughput(properties.path("ProvisionedThroughput")));
        }
        List<GlobalSecondaryIndex> globalIndexes = properties.path("GlobalSecondaryIndexes").valueStream()
                .map(index -> {
                    GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                            .indexName(index.path("IndexName").asText())
                            .keySchema(keySchema(index.path("KeySchema")))
                            .projection(projection(index.path("Projection")));
                    if (index.has("ProvisionedThroughput")) {
                        gsi.provisionedThroughput(throughput(index.path("ProvisionedThroughput")));
                    }
                    return gsi.build();
                })
                .toList();
        if (!globalIndexes.isEmpty()) {
            request.globalSecondaryIndexes(globalIndexes);
        }
        List<LocalSecondaryIndex> localIndexes = properties.path("LocalSecondaryIndexes").valueStream()
                .map(index -> LocalSecondaryIndex.builder()
                        .indexName(index.path("IndexName").asText())
                        .keySchema(keySchema(index.path("KeySchema")))
                        .projection(projection(index.path("Projection")))
                        .build())
                .toList();
        if (!localIndexes.isEmpty()) {
            request.localSecondaryIndexes(localIndexes);
        }
        JsonNode stream = properties.path("StreamSpecification");
        if (stream.has("StreamViewType")) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true)
                    .streamViewType(stream.path("StreamViewType").asText())
                    .build());
        }
        return request.build();
    }

    private TableDescription describe(String tableName) {
        try {
            return dynamoDb.describeTable(request -> request.tableName(tableName)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    /** A table kept from an earlier run may no longer match the template; say so rather than fail later. */
    private static List<String> differences(TableDefinition table, TableDescription existing) {
        List<String> warnings = new ArrayList<>();
        if (!keySchema(table.properties().path("KeySchema")).equals(existing.keySchema())) {
            warnings.add("Table " + table.tableName() + " exists with key schema " + existing.keySchema()
                    + ", not the template's; delete the data directory to recreate it");
        }
        Set<String> wanted = table.properties().path("GlobalSecondaryIndexes").valueStream()
                .map(index -> index.path("IndexName").asText()).collect(Collectors.toSet());
        Set<String> present = existing.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName).collect(Collectors.toSet());
        if (!wanted.equals(present)) {
            warnings.add("Table " + table.tableName() + " exists with global secondary indexes " + present
                    + " but the template declares " + wanted + "; delete the data directory to recreate it");
        }
        return warnings;
    }

    private static List<KeySchemaElement> keySchema(JsonNode keySchema) {
        return keySchema.valueStream()
                .map(key -> KeySchemaElement.builder()
                        .attributeName(key.path("AttributeName").asText())
                        .keyType(key.path("KeyType").asText())
                        .build())
                .toList();
    }

    private static Projection projection(JsonNode projection) {
        Projection.Builder builder = Projection.builder().projectionType(projection.path("ProjectionType").asText("ALL"));
        List<String> nonKeyAttributes = projection.path("NonKeyAttributes").valueStream().map(JsonNode::asText).toList();
        if (!nonKeyAttributes.isEmpty()) {
            builder.nonKeyAttributes(nonKeyAttributes);
        }
        return builder.build();
    }

    private static ProvisionedThroughput throughput(JsonNode throughput) {
        return ProvisionedThroughput.builder()
                .readCapacityUnits(throughput.path("ReadCapacityUnits").asLong())
                .writeCapacityUnits(throughput.path("WriteCapacityUnits").asLong())
                .build();
    }
}
