package com.backhaulexchange.adapter.dynamodb;

import com.backhaulexchange.kernel.persistence.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque pagination cursors: a DynamoDB LastEvaluatedKey (string attributes only) in base64url.
 * A cursor is accepted only for the partition it came from, so a crafted cursor cannot start a
 * listing inside someone else's data.
 */
final class PageCursors {
    private static final char SEPARATOR = '\u001f';

    private PageCursors() {
    }

    static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(lastEvaluatedKey).forEach((name, value) -> {
            if (value.s() == null) {
                throw new IllegalArgumentException("only string key attributes are supported in cursors");
            }
            text.append(name).append(SEPARATOR).append(value.s()).append(SEPARATOR);
        });
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The start key of the next page. Refused unless it names exactly {@code keyAttributes}, each with
     * a value (DynamoDB rejects anything else as a bad request), and the expected partition.
     */
    static Map<String, AttributeValue> decode(String cursor, Set<String> keyAttributes, String partitionAttribute,
            String expectedPartition) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("the cursor is not one this listing issued");
        }
        String[] parts = text.split(String.valueOf(SEPARATOR), -1);
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (int i = 0; i + 1 < parts.length; i += 2) {
            key.put(parts[i], AttributeValue.fromS(parts[i + 1]));
        }
        AttributeValue partition = key.get(partitionAttribute);
        if (partition == null || !expectedPartition.equals(partition.s()) || !key.keySet().equals(keyAttributes)
                || key.values().stream().anyMatch(value -> value.s().isEmpty())) {
            throw new InvalidCursorException("the cursor is not one this listing issued");
        }
        return key;
    }
}
