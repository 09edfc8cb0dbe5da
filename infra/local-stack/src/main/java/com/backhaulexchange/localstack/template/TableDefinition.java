package com.backhaulexchange.localstack.template;

import com.fasterxml.jackson.databind.JsonNode;

/** An {@code AWS::DynamoDB::Table} with its properties resolved. */
public record TableDefinition(String logicalId, String tableName, JsonNode properties) {
}
