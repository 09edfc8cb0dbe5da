package com.backhaulexchange.adapter.dynamodb.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One kind of stored document: the attribute of its item that holds it, the schema version this code writes
 * and reads, and its record type. A document is a record of this package mapped by Jackson, stored either as
 * a native DynamoDB map (readable in the console, and projections can reach into it) or as a JSON string
 * (negotiations and bookings, read whole). Its schema version is written beside it ({@link SchemaVersions}).
 *
 * <p>The mapping is this adapter's own, not the API's: ISO-8601 instants, no nulls, unknown fields ignored
 * (a reader skips what a same-version writer added), numbers as DynamoDB numbers with the plain text of the
 * value ({@code 41.8781}, {@code 600.0000000000002}).
 */
public final class StoredDocument<D> {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final String attribute;
    private final int schemaVersion;
    private final Class<D> type;
    private final boolean asJsonString;

    private StoredDocument(String attribute, int schemaVersion, Class<D> type, boolean asJsonString) {
        this.attribute = Objects.requireNonNull(attribute, "attribute");
        this.schemaVersion = schemaVersion;
        this.type = Objects.requireNonNull(type, "type");
        this.asJsonString = asJsonString;
    }

    /** A document stored as a DynamoDB map ({@code M}) in {@code attribute}. */
    public static <D> StoredDocument<D> asMap(String attribute, int schemaVersion, Class<D> type) {
        return new StoredDocument<>(attribute, schemaVersion, type, false);
    }

    /** A document stored as a JSON string ({@code S}) in {@code attribute}. */
    public static <D> StoredDocument<D> asJsonString(String attribute, int schemaVersion, Class<D> type) {
        return new StoredDocument<>(attribute, schemaVersion, type, true);
    }

    public String attribute() {
        return attribute;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** Puts {@code document} and its schema version into {@code item}. */
    public void put(Map<String, AttributeValue> item, D document) {
        item.putAll(attributes(document));
    }

    /** The attributes that store {@code document}: the document itself and its schema version. */
    public Map<String, AttributeValue> attributes(D document) {
        return Map.of(attribute, encode(document),
                SchemaVersions.attributeOf(attribute), SchemaVersions.versionValue(schemaVersion));
    }

    /** The document of {@code item}, after checking that this code reads its schema version. */
    public D read(Map<String, AttributeValue> item) {
        return read(item, type);
    }

    /** The document of {@code item} as {@code subtype}, for documents whose shape the item says (a lane's kind). */
    public <E extends D> E read(Map<String, AttributeValue> item, Class<E> subtype) {
        SchemaVersions.require(item, attribute, schemaVersion);
        AttributeValue value = item.get(attribute);
        if (value == null) {
            throw new IllegalStateException("item " + item.get("pk") + " has no " + attribute + " document");
        }
        try {
            return asJsonString ? MAPPER.readValue(value.s(), subtype) : MAPPER.treeToValue(toJson(value), subtype);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + attribute + " document (" + subtype.getSimpleName()
                    + ", schema version " + schemaVersion + "): " + e.getOriginalMessage(), e);
        }
    }

    /** The document as it is stored, without its version: the attribute's value. */
    public AttributeValue encode(D document) {
        try {
            return asJsonString ? AttributeValue.fromS(MAPPER.writeValueAsString(document))
                    : fromJson(MAPPER.valueToTree(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + attribute + " document", e);
        }
    }

    /** A JSON tree as a native DynamoDB value: objects as maps, arrays as lists, numbers as their plain text. */
    static AttributeValue fromJson(JsonNode json) {
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

    /** The JSON tree of a native DynamoDB value ({@link #fromJson} reversed). */
    static JsonNode toJson(AttributeValue value) {
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
