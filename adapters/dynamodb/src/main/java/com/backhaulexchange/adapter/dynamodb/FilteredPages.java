package com.backhaulexchange.adapter.dynamodb;

import com.backhaulexchange.kernel.pagination.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Full pages of a Query whose items are also filtered in code (a status that depends on the time of
 * reading). It reads on until {@code limit} items passed or the partition ends; the cursor is the key of
 * the last item returned, so the next page starts right after it, whatever the filter skipped.
 */
final class FilteredPages {
    private FilteredPages() {
    }

    static <T> Page<T> page(DynamoDbClient dynamoDb, QueryRequest query, Map<String, AttributeValue> startKey,
            Predicate<Map<String, AttributeValue>> keep, Function<Map<String, AttributeValue>, T> convert, int limit,
            List<String> keyAttributes) {
        List<T> items = new ArrayList<>(limit);
        Map<String, AttributeValue> start = startKey;
        while (true) {
            QueryResponse response = dynamoDb.query(query.toBuilder().exclusiveStartKey(start).limit(limit).build());
            List<Map<String, AttributeValue>> read = response.items();
            for (int i = 0; i < read.size(); i++) {
                if (!keep.test(read.get(i))) {
                    continue;
                }
                items.add(convert.apply(read.get(i)));
                if (items.size() == limit) {
                    boolean more = i < read.size() - 1 || response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty();
                    return new Page<>(items, more ? PageCursors.encode(keyOf(read.get(i), keyAttributes)) : null);
                }
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return new Page<>(items, null);
            }
            start = response.lastEvaluatedKey();
        }
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, List<String> keyAttributes) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        keyAttributes.forEach(attribute -> key.put(attribute, item.get(attribute)));
        return key;
    }
}
