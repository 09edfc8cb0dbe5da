package com.backhaulexchange.adapter.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items in DynamoDB's own JSON notation ({@code {"S": "…"}}, {@code {"N": "…"}}, {@code {"M": {…}}}, …), the
 * format of the frozen stored-item fixtures: every attribute keeps its DynamoDB type and its exact text, so a
 * fixture says byte for byte what an item held. Attributes are written in name order for stable diffs.
 */
final class DynamoDbJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DynamoDbJson() {
    }

    static ObjectNode toJson(Map<String, AttributeValue> item) {
        ObjectNode json = NODES.objectNode();
        new TreeMap<>(item).forEach((name, value) -> json.set(name, toJson(value)));
        return json;
    }

    static JsonNode toJson(AttributeValue value) {
        ObjectNode json = NODES.objectNode();
        switch (value.type()) {
            case S -> json.put("S", value.s());
            case N -> json.put("N", value.n());
            case BOOL -> json.put("BOOL", value.bool());
            case NUL -> json.put("NULL", true);
            case M -> json.set("M", toJson(value.m()));
            case L -> {
                ArrayNode list = json.putArray("L");
                value.l().forEach(element -> list.add(toJson(element)));
            }
            case SS -> {
                ArrayNode set = json.putArray("SS");
                value.ss().forEach(set::add);
            }
            default -> throw new IllegalArgumentException("no fixture notation for " + value.type());
        }
        return json;
    }

    static Map<String, AttributeValue> itemFrom(JsonNode json) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        json.properties().forEach(entry -> item.put(entry.getKey(), valueFrom(entry.getValue())));
        return item;
    }

    static AttributeValue valueFrom(JsonNode json) {
        var entry = json.properties().iterator().next();
        JsonNode content = entry.getValue();
        return switch (entry.getKey()) {
            case "S" -> AttributeValue.fromS(content.textValue());
            case "N" -> AttributeValue.fromN(content.textValue());
            case "BOOL" -> AttributeValue.fromBool(content.booleanValue());
            case "NULL" -> AttributeValue.fromNul(true);
            case "M" -> AttributeValue.fromM(itemFrom(content));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                content.forEach(element -> list.add(valueFrom(element)));
                yield AttributeValue.fromL(list);
            }
            case "SS" -> {
                List<String> set = new ArrayList<>();
                content.forEach(element -> set.add(element.textValue()));
                yield AttributeValue.fromSs(set);
            }
            default -> throw new IllegalArgumentException("unknown DynamoDB type " + entry.getKey());
        };
    }

    static String write(JsonNode json) {
        try {
            return MAPPER.writeValueAsString(json) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
