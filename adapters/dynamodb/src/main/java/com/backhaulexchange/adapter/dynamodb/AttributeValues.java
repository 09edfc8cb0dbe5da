package com.backhaulexchange.adapter.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Converts JSON documents to native DynamoDB maps and back, so stored items stay readable in the console. */
public final class AttributeValues {
    private AttributeValues() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue fromJson(JsonNode json) {
        if (json.isObject()) {
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            json.properties().forEach(entry -> map.put(entry.getKey(), fromJson(entry.getValue())));
            return AttributeValue.fromM(map);
        }
        if (json.isArray()) {
            List<AttributeValue> list = new ArrayList<>();
            json.forEach(element -> list.add(fromJson(element)));
            return AttributeValue.fromL(list);
        }
        if (json.isNumber()) {
            return AttributeValue.fromN(json.decimalValue().toPlainString());
        }
        if (json.isBoolean()) {
            return AttributeValue.fromBool(json.booleanValue());
        }
        if (json.isNull()) {
            return AttributeValue.fromNul(true);
        }
        return AttributeValue.fromS(json.asText());
    }

    public static JsonNode toJson(AttributeValue value) {
        var nodes = JsonNodeFactory.instance;
        if (value.hasM()) {
            ObjectNode object = nodes.objectNode();
            value.m().forEach((key, element) -> object.set(key, toJson(element)));
            return object;
        }
        if (value.hasL()) {
            ArrayNode array = nodes.arrayNode();
            value.l().forEach(element -> array.add(toJson(element)));
            return array;
        }
        if (value.n() != null) {
            BigDecimal number = new BigDecimal(value.n());
            return number.scale() <= 0 ? nodes.numberNode(number.toBigIntegerExact()) : nodes.numberNode(number);
        }
        if (value.bool() != null) {
            return nodes.booleanNode(value.bool());
        }
        if (Boolean.TRUE.equals(value.nul())) {
            return nodes.nullNode();
        }
        return nodes.textNode(value.s());
    }
}
