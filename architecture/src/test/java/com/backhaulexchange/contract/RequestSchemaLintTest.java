package com.backhaulexchange.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Every value a client sends is bounded by the schema: JSON Schema counts 1e308 as an integer, and a field the
 * schema leaves open reaches the code as a value the code must then coerce or refuse.
 */
class RequestSchemaLintTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyRequestFieldOfTheApiIsBounded() throws IOException {
        JsonNode document = YAML.readTree(ProjectFiles.openApi().toFile());
        assertThat(RequestSchemaBounds.unboundedFields(document)).as("unbounded request fields").isEmpty();
    }

    @Test
    void namesEachUnboundedFieldOfADeliberatelyOpenDocument() throws IOException {
        JsonNode document = YAML.readTree("""
                paths:
                  /things/{thingId}:
                    parameters:
                      - {name: thingId, in: path, required: true, schema: {type: string}}
                    post:
                      parameters:
                        - $ref: "#/components/parameters/Limit"
                      requestBody:
                        content:
                          application/json:
                            schema: {$ref: "#/components/schemas/Thing"}
                    get:
                      responses: {}
                components:
                  parameters:
                    Limit: {name: limit, in: query, schema: {type: integer, minimum: 1}}
                  schemas:
                    Thing:
                      type: object
                      properties:
                        name: {type: string, maxLength: 10}
                        count: {type: integer, minimum: 0, maximum: 5}
                        weight: {type: [number, "null"], maximum: 5}
                        tags: {type: array, items: {type: string}}
                        kind: {type: string, enum: [A, B]}
                        self: {$ref: "#/components/schemas/Thing"}
                        nested:
                          allOf:
                            - additionalProperties: {type: integer, minimum: 0, maximum: 1}
                            - oneOf: [{type: string, format: date-time}, {type: string}]
                    Unused: {type: string}
                """);
        assertThat(RequestSchemaBounds.unboundedFields(document)).containsExactly(
                "#/components/parameters/Limit/schema: integer without a maximum",
                "#/components/schemas/Thing/properties/nested/allOf/1/oneOf/1: string without a maxLength, enum,"
                        + " pattern or format",
                "#/components/schemas/Thing/properties/tags/items: string without a maxLength, enum, pattern or"
                        + " format",
                "#/components/schemas/Thing/properties/tags: array without maxItems",
                "#/components/schemas/Thing/properties/weight: null|number without a minimum",
                "#/paths/~1things~1{thingId}/parameters/0/schema: string without a maxLength, enum, pattern or"
                        + " format");
    }
}
