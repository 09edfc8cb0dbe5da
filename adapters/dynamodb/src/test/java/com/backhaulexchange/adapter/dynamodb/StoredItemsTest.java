package com.backhaulexchange.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The adapter writes the frozen items (src/test/resources/stored-items) for the examples. */
class StoredItemsTest {

    private static <T> Map<String, List<Map<String, AttributeValue>>> itemsOf(Map<String, T> examples,
            Function<T, List<Map<String, AttributeValue>>> write) {
        return itemsOf(examples, (name, example) -> write.apply(example));
    }

    private static <T> Map<String, List<Map<String, AttributeValue>>> itemsOf(Map<String, T> examples,
            BiFunction<String, T, List<Map<String, AttributeValue>>> write) {
        Map<String, List<Map<String, AttributeValue>>> items = new LinkedHashMap<>();
        examples.forEach((name, example) -> items.put(name, write.apply(name, example)));
        return items;
    }

    static Map<String, List<Map<String, AttributeValue>>> partnersTableItems() {
        return itemsOf(StoredItemExamples.partners(), partner -> List.of(PartnerItems.partnerItem(partner)));
    }

    static Map<String, List<Map<String, AttributeValue>>> lanesTableItems() {
        Map<String, List<Map<String, AttributeValue>>> items = new LinkedHashMap<>();
        // a candidate entry and a match link carry the same document as their lane or match: one of each
        String firstLane = StoredItemExamples.lanes().keySet().iterator().next();
        items.putAll(itemsOf(StoredItemExamples.lanes(), (name, lane) -> name.equals(firstLane)
                ? List.of(LaneItems.laneItem(lane, StoredItemExamples.CANDIDATE_PARTITIONS),
                        LaneItems.candidateItem(lane, StoredItemExamples.CANDIDATE_PARTITIONS.getFirst()))
                : List.of(LaneItems.laneItem(lane, StoredItemExamples.CANDIDATE_PARTITIONS))));
        String firstMatch = StoredItemExamples.matches().keySet().iterator().next();
        items.putAll(itemsOf(StoredItemExamples.matches(), (name, match) -> name.equals(firstMatch)
                ? List.of(LaneItems.matchItem(match, LaneItems.rankKey(match), 2),
                        LaneItems.matchLinkItem(match, match.capacityLaneId().value(), LaneItems.rankKey(match), 2))
                : List.of(LaneItems.matchItem(match, LaneItems.rankKey(match), 2))));
        items.putAll(itemsOf(StoredItemExamples.runs(), run -> List.of(LaneItems.runItem(run))));
        items.putAll(itemsOf(StoredItemExamples.plans(), plan -> List.of(LaneItems.planItem(plan))));
        return items;
    }

    private static void check(String file, Map<String, List<Map<String, AttributeValue>>> written) {
        if (StoredItemFixtures.RECORD) {
            StoredItemFixtures.record(file, written);
        }
        assertThat(written).isEqualTo(StoredItemFixtures.read(file));
    }

    @Test
    void partnersTable() {
        check("partners-table.json", partnersTableItems());
    }

    @Test
    void lanesTable() {
        check("lanes-table.json", lanesTableItems());
    }

    @Test
    void negotiationsTable() {
        check("negotiations-table.json", StoredItemFixtures.dealStoreWrites());
    }
}
