package com.backhaulexchange.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ways a request can be wrong, applied one at a time to a valid request: every value of the body replaced by
 * hostile values of every JSON type (or removed), the body itself broken, the wrong media type, hostile path ids,
 * query parameters and headers.
 */
final class Mutations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A replacement value for one field, with what it tries. */
    record Replacement(String label, JsonNode value) {
    }

    /** Text that must never be read as a valid instant, zone, currency or id, and text that is merely awkward. */
    static final List<String> HOSTILE_STRINGS = List.of(
            "", " ", "\t\n", "null", "0", "-1", "1e308", "true", "ZZZ", "XXX", "XTS", "usd",
            "2026-12-03", "2026-02-30T10:00:00Z", "2026-12-03T10:00:00-23:59", "2026-12-03T10:00Z",
            "2026-12-03T10:00:00+01:00[Mars/Olympus_Mons]", "2026-12-03T25:00:00Z", "+999999999-12-31T23:59:59Z",
            "9999-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "%ZZ", "../../etc/passwd", "' OR '1'='1",
            "<script>alert(1)</script>", "\u0000", "\u202Eevil", "😀🚚", "x".repeat(5000),
            "01ARZ3NDEKTSV4RRFFQ69G5FAV", "00000000000000000000000000000000", "-0", "NaN", "Infinity");

    static final List<JsonNode> HOSTILE_NUMBERS = List.of(
            NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1.5), NODES.numberNode(-0.0),
            NODES.numberNode(1e308), NODES.numberNode(-1e308), NODES.numberNode(1e-320), NODES.numberNode(4.9e-324),
            NODES.numberNode(2147483648L), NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE),
            NODES.numberNode(new BigInteger("9223372036854775808")),
            NODES.numberNode(new BigInteger("-99999999999999999999999999999999999999999")),
            NODES.numberNode(new java.math.BigDecimal("1e400")), NODES.numberNode(123456789.123456789));

    private Mutations() {
    }

    /** Every value of {@code body} with its JSON Pointer, the body itself first (pointer ""). */
    static Map<String, JsonNode> valuesByPointer(JsonNode body) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        collect(body, "", values);
        return values;
    }

    private static void collect(JsonNode node, String pointer, Map<String, JsonNode> values) {
        values.put(pointer, node);
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> collect(field.getValue(),
                    pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), values));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, values);
            }
        }
    }

    /** What to put in place of {@code original}: other types, hostile values of its own type, and big shapes. */
    static List<Replacement> replacementsFor(JsonNode original) {
        List<Replacement> replacements = new ArrayList<>();
        replacements.add(new Replacement("null", NODES.nullNode()));
        replacements.add(new Replacement("a boolean", NODES.booleanNode(false)));
        replacements.add(new Replacement("an empty object", NODES.objectNode()));
        replacements.add(new Replacement("an empty array", NODES.arrayNode()));
        if (!original.isTextual()) {
            replacements.add(new Replacement("a string", NODES.textNode("fuzz")));
        }
        if (!original.isNumber()) {
            replacements.add(new Replacement("a number", NODES.numberNode(42)));
        }
        if (original.isNumber() || original.isTextual()) {
            HOSTILE_NUMBERS.forEach(number -> replacements.add(new Replacement("number " + number, number)));
        }
        if (original.isTextual()) {
            HOSTILE_STRINGS.forEach(text -> replacements.add(new Replacement("string " + quoted(text),
                    NODES.textNode(text))));
        }
        if (original.isArray() && !original.isEmpty()) {
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 10_000; i++) {
                many.add(original.get(0));
            }
            replacements.add(new Replacement("10,000 copies of its first element", many));
            ArrayNode duplicated = original.deepCopy();
            duplicated.add(original.get(0));
            replacements.add(new Replacement("its first element twice", duplicated));
        }
        if (original.isObject()) {
            ObjectNode extra = original.deepCopy();
            extra.put("unexpectedMember", "fuzz");
            replacements.add(new Replacement("an unknown member added", extra));
        }
        replacements.add(new Replacement("nested 64 arrays deep", nested(64)));
        return replacements;
    }

    /** Bodies that are not the JSON object an operation reads, whatever its schema. */
    static Map<String, byte[]> brokenBodies(String validBody) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("an empty body", new byte[0]);
        bodies.put("a truncated body", utf8(validBody.substring(0, validBody.length() / 2)));
        bodies.put("not JSON", utf8("amount=100&currency=USD"));
        bodies.put("a JSON array", utf8("[" + validBody + "]"));
        bodies.put("a JSON string", utf8("\"" + "fuzz" + "\""));
        bodies.put("JSON null", utf8("null"));
        bodies.put("two documents", utf8(validBody + validBody));
        bodies.put("trailing garbage", utf8(validBody + " garbage"));
        bodies.put("a duplicated member", utf8(validBody.replaceFirst("\\{", "{\"dup\": 1, \"dup\": 2, ")));
        bodies.put("a byte-order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(validBody)));
        bodies.put("invalid UTF-8", concat(utf8(validBody.substring(0, 1)), new byte[] {(byte) 0xC3, (byte) 0x28}));
        bodies.put("NaN", utf8("{\"n\": NaN}"));
        bodies.put("100,000 nested arrays", utf8("[".repeat(100_000) + "]".repeat(100_000)));
        bodies.put("a 70 kB body", utf8("{\"padding\": \"" + "x".repeat(70_000) + "\"}"));
        bodies.put("a 2 MB body", utf8("{\"padding\": \"" + "x".repeat(2_000_000) + "\"}"));
        bodies.put("a comment", utf8("/* hi */ " + validBody));
        bodies.put("single quotes", utf8(validBody.replace('"', '\'')));
        return bodies;
    }

    static List<String> hostilePathSegments() {
        return List.of("%ZZ", "%", "%00", "..", "%2e%2e", "%2F", "a%2Fb", "x".repeat(3000), "%C3%A9", "%F0%9F%9A%9A",
                "null", "0", "-1", "01ARZ3NDEKTSV4RRFFQ69G5FAV", "0123456789abcdef0123456789abcdef", "%20", "'%20OR%201=1");
    }

    static List<String> hostileQueryValues() {
        return List.of("", "-1", "0", "101", "1e3", "1.5", "abc", "99999999999999999999", "%ZZ", "x".repeat(5000),
                "%00", "NOPE", "eyJub3QiOiJhIGN1cnNvciJ9");
    }

    static String toJson(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    /** {@code body} with the value at {@code pointer} replaced, or removed when {@code replacement} is null. */
    static JsonNode with(JsonNode body, String pointer, JsonNode replacement) {
        if (pointer.isEmpty()) {
            return replacement;
        }
        JsonNode copy = body.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            if (replacement == null) {
                object.remove(last);
            } else {
                object.set(last, replacement);
            }
        } else if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(last);
            if (replacement == null) {
                array.remove(index);
            } else {
                array.set(index, replacement);
            }
        }
        return copy;
    }

    private static JsonNode nested(int depth) {
        JsonNode node = NODES.arrayNode();
        for (int i = 1; i < depth; i++) {
            node = NODES.arrayNode().add(node);
        }
        return node;
    }

    private static String quoted(String text) {
        return text.length() > 40 ? "\"" + text.substring(0, 12) + "…\" (" + text.length() + " chars)"
                : "\"" + text.replace("\u0000", "\\u0000") + "\"";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
