package com.backhaulexchange.adapter.dynamodb;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * A DynamoDB client that performs nothing: it records the items an adapter puts (single puts and the puts of
 * transactions, in order) and answers reads from items a test gave it. It shows what an adapter writes
 * without a database, which is how the stored-item fixtures were captured.
 */
final class RecordingDynamoDb {
    private final List<Map<String, AttributeValue>> puts = new ArrayList<>();
    private final Map<Map<String, AttributeValue>, Map<String, AttributeValue>> items = new HashMap<>();
    private final DynamoDbClient client;

    RecordingDynamoDb() {
        InvocationHandler handler = (proxy, method, args) -> {
            boolean request = args != null && args.length == 1
                    && args[0] instanceof software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
            if (method.isDefault() && !request) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return switch (method.getName()) {
                case "transactWriteItems" -> {
                    for (TransactWriteItem write : ((TransactWriteItemsRequest) args[0]).transactItems()) {
                        if (write.put() != null) {
                            puts.add(write.put().item());
                        }
                    }
                    yield TransactWriteItemsResponse.builder().build();
                }
                case "putItem" -> {
                    puts.add(((PutItemRequest) args[0]).item());
                    yield PutItemResponse.builder().build();
                }
                case "getItem" -> GetItemResponse.builder()
                        .item(items.getOrDefault(((GetItemRequest) args[0]).key(), Map.of())).build();
                case "serviceName" -> "dynamodb";
                case "close" -> null;
                case "toString" -> "RecordingDynamoDb";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException("not recorded: " + method.getName());
            };
        };
        client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, handler);
    }

    DynamoDbClient client() {
        return client;
    }

    /** What a read of {@code key} returns (from now on). */
    void holds(Map<String, AttributeValue> key, Map<String, AttributeValue> item) {
        items.put(key, item);
    }

    /** The items put since the last call, in order; forgets them. */
    List<Map<String, AttributeValue>> takePuts() {
        List<Map<String, AttributeValue>> taken = List.copyOf(puts);
        puts.clear();
        return taken;
    }
}
