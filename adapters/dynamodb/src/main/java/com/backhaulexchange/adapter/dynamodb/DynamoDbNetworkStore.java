package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.adapter.dynamodb.AttributeValues.s;

import com.backhaulexchange.deal.network.NetworkEntry;
import com.backhaulexchange.deal.network.NetworkFigures;
import com.backhaulexchange.deal.network.NetworkLedger;
import com.backhaulexchange.deal.network.NetworkWeek;
import com.backhaulexchange.matching.MatchingRegion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads the network counters of AnalyticsTable (ADR 41). A range is at most {@link NetworkFigures#MAX_WEEKS}
 * weeks; all regions is one query per week (each returning only the regions active that week, at most the
 * 1,024 precision-2 cells), chosen regions are batch gets of their region-week items (100 keys a call).
 */
public final class DynamoDbNetworkStore implements NetworkLedger {
    private static final int BATCH_KEYS = 100;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbNetworkStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public List<NetworkEntry> allRegions(NetworkWeek from, NetworkWeek to) {
        List<NetworkEntry> entries = new ArrayList<>();
        for (NetworkWeek week : weeks(from, to)) {
            Map<String, AttributeValue> start = null;
            do {
                var page = dynamoDb.query(QueryRequest.builder().tableName(tableName)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :region)")
                        .expressionAttributeValues(Map.of(":pk", s(NetworkItems.WEEK + week),
                                ":region", s(NetworkItems.REGION)))
                        .exclusiveStartKey(start).build());
                page.items().forEach(item -> entries.add(NetworkItems.entryFrom(item)));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
        }
        return entries;
    }

    @Override
    public List<NetworkEntry> regions(Collection<MatchingRegion> regions, NetworkWeek from, NetworkWeek to) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (NetworkWeek week : weeks(from, to)) {
            regions.stream().distinct().forEach(region -> keys.add(NetworkItems.key(week, region)));
        }
        List<NetworkEntry> entries = new ArrayList<>();
        for (int at = 0; at < keys.size(); at += BATCH_KEYS) {
            Map<String, KeysAndAttributes> request = Map.of(tableName,
                    KeysAndAttributes.builder().keys(keys.subList(at, Math.min(keys.size(), at + BATCH_KEYS))).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> asked = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(asked));
                response.responses().getOrDefault(tableName, List.of())
                        .forEach(item -> entries.add(NetworkItems.entryFrom(item)));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return entries;
    }

    private static List<NetworkWeek> weeks(NetworkWeek from, NetworkWeek to) {
        long count = from.weeksThrough(to);
        if (count > NetworkFigures.MAX_WEEKS) {
            throw new IllegalArgumentException("at most " + NetworkFigures.MAX_WEEKS + " weeks: " + from + ".." + to);
        }
        List<NetworkWeek> weeks = new ArrayList<>();
        NetworkWeek week = from;
        for (long i = 0; i < count; i++) {
            weeks.add(week);
            week = week.next();
        }
        return weeks;
    }
}
