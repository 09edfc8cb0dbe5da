package com.backhaulexchange.adapter.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stored-item fixtures: items exactly as the adapter wrote them before stored documents had their own
 * types and schema versions, captured by running that code (PartnerItems, LaneItems and DynamoDbDealStore on
 * the {@link StoredItemExamples}, in the commit that added them) and frozen in
 * {@code src/test/resources/stored-items}. Each file maps an example's name to the items written for it. They
 * are never recorded again: an item the previous release wrote must read the same forever.
 */
final class StoredItemFixtures {
    static final String DIRECTORY = "stored-items/";

    private StoredItemFixtures() {
    }

    /** The frozen items of {@code file}, by example name. */
    static Map<String, List<Map<String, AttributeValue>>> read(String file) {
        JsonNode json = DynamoDbJson.read(readResource(file));
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
