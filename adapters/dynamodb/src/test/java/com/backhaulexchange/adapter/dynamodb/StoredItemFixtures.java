package com.backhaulexchange.adapter.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stored-item fixtures: items exactly as the adapter wrote them before stored documents had their own
 * types and schema versions (captured by running that code with {@code -DstoredItems.record=true}, then
 * frozen in {@code src/test/resources/stored-items}). Each file maps an example's name
 * ({@link StoredItemExamples}) to the items written for it.
 */
final class StoredItemFixtures {
    static final String DIRECTORY = "stored-items/";
    static final boolean RECORD = Boolean.getBoolean("storedItems.record");

    private StoredItemFixtures() {
    }

    /** The frozen items of {@code file}, by example name. */
    static Map<String, List<Map<String, AttributeValue>>> read(String file) {
        // in record mode, the file just written (the classpath holds the copy of the previous build)
        JsonNode json = DynamoDbJson.read(RECORD ? readSource(file) : readResource(file));
        Map<String, List<Map<String, AttributeValue>>> fixtures = new LinkedHashMap<>();
        json.properties().forEach(entry -> {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            entry.getValue().forEach(item -> items.add(DynamoDbJson.itemFrom(item)));
            fixtures.put(entry.getKey(), items);
        });
        return fixtures;
    }

    private static String readResource(String file) {
        try (InputStream in = StoredItemFixtures.class.getClassLoader().getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + DIRECTORY + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readSource(String file) {
        try {
            return Files.readString(source(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code items} as the fixture {@code file} under src/test/resources (record mode only). */
    static void record(String file, Map<String, List<Map<String, AttributeValue>>> items) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        items.forEach((name, written) -> {
            ArrayNode array = json.putArray(name);
            written.forEach(item -> array.add(DynamoDbJson.toJson(item)));
        });
        try {
            Path path = source(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, DynamoDbJson.write(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path source(String file) {
        return Path.of("src/test/resources", DIRECTORY, file);
    }

    /**
     * The items {@link DynamoDbDealStore} puts for each step of a negotiation's and a booking's life, by the
     * example name of the state it stored: the negotiation or booking item and its party copies (the items
     * with a document), in the order the store wrote them.
     */
    static Map<String, List<Map<String, AttributeValue>>> dealStoreWrites() {
        var recording = new RecordingDynamoDb();
        var store = new DynamoDbDealStore(recording.client(), "NegotiationsTable", "LanesTable");
        recording.holds(LaneItems.matchKey(StoredItemExamples.agreed().matchId()),
                Map.of("rankKey", AttributeValue.fromS("9223372036854625807#099999400#RANKED")));
        Map<String, List<Map<String, AttributeValue>>> writes = new LinkedHashMap<>();
        Consumer<String> step = name -> writes.put(name, recording.takePuts().stream()
                .filter(item -> item.containsKey("document")).toList());

        store.open(StoredItemExamples.openedByTheCarrier(), List.of());
        step.accept("negotiation-opened-by-the-carrier");
        store.update(StoredItemExamples.counteredByTheShippersBroker(), 1, List.of());
        step.accept("negotiation-countered-by-the-shippers-broker");
        store.agreeAndBook(StoredItemExamples.agreed(), 2, StoredItemExamples.capacityLane(),
                StoredItemExamples.loadLane(), StoredItemExamples.booked(), StoredItemExamples.AT, List.of());
        List<Map<String, AttributeValue>> agreeAndBook = recording.takePuts().stream()
                .filter(item -> item.containsKey("document")).toList();
        writes.put("negotiation-agreed", agreeAndBook.stream().filter(DealItemsOf::negotiation).toList());
        writes.put("booking-booked", agreeAndBook.stream().filter(DealItemsOf::booking).toList());
        store.update(StoredItemExamples.pickedUp(), 1, List.of());
        step.accept("booking-picked-up");
        store.update(StoredItemExamples.delivered(), 2, List.of());
        step.accept("booking-delivered");
        store.update(StoredItemExamples.cancelled(), 1, List.of());
        step.accept("booking-cancelled");
        store.update(StoredItemExamples.superseded(), 1, List.of());
        step.accept("negotiation-superseded");
        store.update(StoredItemExamples.expired(), 1, List.of());
        step.accept("negotiation-expired");
        store.update(StoredItemExamples.rejected(), 1, List.of());
        step.accept("negotiation-rejected");
        store.update(StoredItemExamples.withdrawn(), 1, List.of());
        step.accept("negotiation-withdrawn");
        return writes;
    }

    /** The negotiation or booking each fixture of {@link #dealStoreWrites} stored. */
    static Map<String, Object> dealStates() {
        Map<String, Object> states = new LinkedHashMap<>();
        states.put("negotiation-opened-by-the-carrier", StoredItemExamples.openedByTheCarrier());
        states.put("negotiation-countered-by-the-shippers-broker", StoredItemExamples.counteredByTheShippersBroker());
        states.put("negotiation-agreed", StoredItemExamples.agreed());
        states.put("booking-booked", StoredItemExamples.booked());
        states.put("booking-picked-up", StoredItemExamples.pickedUp());
        states.put("booking-delivered", StoredItemExamples.delivered());
        states.put("booking-cancelled", StoredItemExamples.cancelled());
        states.put("negotiation-superseded", StoredItemExamples.superseded());
        states.put("negotiation-expired", StoredItemExamples.expired());
        states.put("negotiation-rejected", StoredItemExamples.rejected());
        states.put("negotiation-withdrawn", StoredItemExamples.withdrawn());
        return states;
    }

    private static final class DealItemsOf {
        static boolean negotiation(Map<String, AttributeValue> item) {
            return item.get("entityType").s().contains("NEGOTIATION");
        }

        static boolean booking(Map<String, AttributeValue> item) {
            return item.get("entityType").s().contains("BOOKING");
        }
    }
}
