package com.backhaulexchange.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/**
 * Creates a table exactly as template.yaml declares it (keys, attributes, GSIs), under a fresh
 * name, so every test class works on its own empty table in the shared DynamoDB Local.
 * Table properties use no intrinsic functions, which is what lets this read them as plain YAML.
 */
public final class TemplateTables {
    private TemplateTables() {
    }

    public static Path templatePath() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            Path candidate = directory.resolve("template.yaml");
            if (Files.exists(candidate) && Files.exists(directory.resolve("functions"))) {
                return candidate;
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }

    /** Creates the template's {@code logicalId} table with a unique name and returns that name. */
    public static String createFresh(DynamoDbClient dynamoDb, String logicalId) {
        JsonNode properties = tableProperties(logicalId);
        String tableName = logicalId + "-" + UUID.randomUUID();
        List<AttributeDefinition> attributes = new ArrayList<>();
        properties.path("AttributeDefinitions").forEach(attribute -> attributes.add(AttributeDefinition.builder()
                .attributeName(attribute.path("AttributeName").asText())
                .attributeType(attribute.path("AttributeType").asText()).build()));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        properties.path("GlobalSecondaryIndexes").forEach(index -> indexes.add(GlobalSecondaryIndex.builder()
                .indexName(index.path("IndexName").asText())
                .keySchema(keySchema(index.path("KeySchema")))
                .projection(Projection.builder().projectionType(index.path("Projection").path("ProjectionType")
                        .asText("ALL")).build())
                .build()));
        dynamoDb.createTable(request -> {
            request.tableName(tableName)
                    .attributeDefinitions(attributes)
                    .keySchema(keySchema(properties.path("KeySchema")))
                    .billingMode(BillingMode.PAY_PER_REQUEST);
            if (!indexes.isEmpty()) {
                request.globalSecondaryIndexes(indexes);
            }
        });
        return tableName;
    }

    private static List<KeySchemaElement> keySchema(JsonNode keys) {
        List<KeySchemaElement> schema = new ArrayList<>();
        keys.forEach(key -> schema.add(KeySchemaElement.builder()
                .attributeName(key.path("AttributeName").asText())
                .keyType(key.path("KeyType").asText()).build()));
        return schema;
    }

    private static JsonNode tableProperties(String logicalId) {
        try {
            JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(templatePath().toFile());
            JsonNode resource = template.path("Resources").path(logicalId);
            if (!"AWS::DynamoDB::Table".equals(resource.path("Type").asText())) {
                throw new IllegalArgumentException(logicalId + " is not a DynamoDB table in template.yaml");
            }
            return resource.path("Properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
