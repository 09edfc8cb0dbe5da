package com.backhaulexchange.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.adapter.dynamodb.document.UnsupportedSchemaVersionException;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.lane.TimeWindow;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.chain.ChainSearch;
import com.backhaulexchange.matching.chain.PackageMatch;
import com.backhaulexchange.matching.chain.PackageRun;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Version 1 of the stored reload package and package run (ADR 25), frozen in
 * {@code src/test/resources/stored-items/packages-table.json} when they were introduced: what this code writes for
 * the examples is exactly those items, and they read back into the examples, exactly (miles, money, times, slack).
 * Recorded once with {@code -DstoredPackages.record=true}; an item a release wrote must read the same forever.
 */
class PackageItemsTest {
    private static final Path FIXTURE = Path.of("src/test/resources/stored-items/packages-table.json");
    private static final Instant NOW = LaneExamples.NOW;

    /** Home in Indianapolis; Indianapolis → St. Louis, St. Louis → Chicago, Milwaukee → Indianapolis (ADR 22). */
    static PackageMatch triangle() {
        Place indianapolis = new Place(new Coordinates(39.76838, -86.15804), "Indianapolis, IN");
        Place stLouis = new Place(new Coordinates(38.62727, -90.19789), "St. Louis, MO");
        Place chicago = new Place(new Coordinates(41.85003, -87.65005), "Chicago, IL");
        Place milwaukee = new Place(new Coordinates(43.0389, -87.90647), "Milwaukee, WI");
        CapacityLane home = LaneExamples.capacityBuilder().route(indianapolis, indianapolis)
                .times(LaneExamples.MONDAY_6AM, LaneExamples.MONDAY_6AM.plusDays(3).withHour(20)).build();
        List<LoadLane> loads = List.of(load(11, indianapolis, stLouis, 0, 8, 90_000),
                load(12, stLouis, chicago, 1, 10, 100_000), load(13, milwaukee, indianapolis, 2, 10, 100_000));
        var chain = new ChainSearch(MatchingConfig.DEFAULT).search(home, Money.of(200, "USD"), loads, 1).best()
                .getFirst();
        return PackageMatch.proposed(new PostedLane.Capacity(home, NOW, NOW),
                loads.stream().map(load -> new PostedLane.Load(load, NOW, NOW)).toList(), chain, NOW);
    }

    private static LoadLane load(int n, Place origin, Place destination, int day, int closesHour, long budget) {
        return LaneExamples.loadBuilder().id(LaneExamples.loadId(n)).route(origin, destination)
                .windows(new TimeWindow(LaneExamples.at(day, 6, 0), LaneExamples.at(day, closesHour, 0),
                                LaneExamples.CHICAGO),
                        new TimeWindow(LaneExamples.at(day, 10, 0), LaneExamples.at(day, 18, 0), LaneExamples.CHICAGO))
                .budget(Money.of(budget, "USD")).build();
    }

    /** The triangle's lane with a two-load chain that breaks a window, as a run stores it. */
    static PackageRun run() {
        PackageMatch found = triangle();
        var rejected = new ChainSearch(MatchingConfig.DEFAULT).search(
                LaneExamples.capacityBuilder().route(found.emptyAt(), found.mustEndAt())
                        .times(LaneExamples.MONDAY_6AM, LaneExamples.MONDAY_6AM.plusDays(1).withHour(20)).build(),
                Money.of(200, "USD"), List.of(load(11, found.legs().get(0).pickup(), found.legs().get(0).delivery(),
                        0, 8, 90_000), load(12, found.legs().get(1).pickup(), found.legs().get(1).delivery(), 1, 10,
                        100_000)), 1).nearestRejected();
        return new PackageRun(found.capacityLaneId().value(), NOW, 41, 2, true,
                new ChainSearch.Stats(3, 3, 9, 1, 1, false), 1, 1,
                rejected.stream().map(PackageRun.RejectedPackage::of).toList());
    }

    private static Map<String, List<Map<String, AttributeValue>>> written() {
        PackageMatch found = triangle();
        String rankKey = LaneItems.rankKey(found);
        Map<String, List<Map<String, AttributeValue>>> items = new LinkedHashMap<>();
        items.put("triangle", List.of(LaneItems.packageItem(found, rankKey, 1),
                LaneItems.packageLinkItem(found, rankKey, 1),
                LaneItems.packagePointerItem(found, found.loadLaneIds().getFirst().value())));
        items.put("run-with-a-rejected-chain", List.of(LaneItems.packageRunItem(run())));
        return items;
    }

    @Test
    void theItemsWrittenAreTheFrozenVersionOne() throws IOException {
        Map<String, List<Map<String, AttributeValue>>> written = written();
        if (Boolean.getBoolean("storedPackages.record")) {
            ObjectNode json = DynamoDbJson.MAPPER.createObjectNode();
            written.forEach((name, items) -> items.forEach(item -> json.withArray(name).add(DynamoDbJson.toJson(item))));
            Files.writeString(FIXTURE, DynamoDbJson.write(json), StandardCharsets.UTF_8);
        }
        assertThat(written).isEqualTo(StoredItemFixtures.read("packages-table.json"));
    }

    @Test
    void theFrozenItemsReadBackExactlyAsComputed() {
        var frozen = StoredItemFixtures.read("packages-table.json");
        PackageMatch found = triangle();
        assertThat(LaneItems.packageFrom(frozen.get("triangle").get(0))).isEqualTo(found);
        assertThat(LaneItems.packageFrom(frozen.get("triangle").get(1))).isEqualTo(found);
        assertThat(LaneItems.packageRunFrom(frozen.get("run-with-a-rejected-chain").getFirst())).isEqualTo(run());
        assertThat(run().nearestRejected()).as("the run's example has a rejected chain").isNotEmpty();
    }

    @Test
    void aRecommendedPackageKeepsItsMarkOnTheItemAndItsLanesCopy() {
        var mark = new com.backhaulexchange.matching.Match.Recommendation(NOW.plusSeconds(60),
                com.backhaulexchange.matching.MatchingRegion.parse("dp"));
        PackageMatch recommended = triangle().withRecommendation(mark);
        String rankKey = LaneItems.rankKey(recommended);

        var item = LaneItems.packageItem(recommended, rankKey, 2);
        var link = LaneItems.packageLinkItem(recommended, rankKey, 2);

        assertThat(item.get(LaneItems.RECOMMENDED_IN).s()).isEqualTo("dp");
        assertThat(LaneItems.packageFrom(item)).isEqualTo(recommended);
        assertThat(LaneItems.packageFrom(link).recommendation()).isEqualTo(mark);
        assertThat(LaneItems.packageFrom(LaneItems.packageItem(triangle(), rankKey, 1)).recommendation()).isNull();
    }

    @Test
    void aPackageOfAnUnknownFutureVersionIsRefused() {
        Map<String, AttributeValue> future = new HashMap<>(StoredItemFixtures.read("packages-table.json")
                .get("triangle").getFirst());
        future.put("packageSchemaVersion", AttributeValue.fromN("2"));

        assertThatThrownBy(() -> LaneItems.packageFrom(future)).isInstanceOf(UnsupportedSchemaVersionException.class)
                .hasMessageContaining("the package document of item PACKAGE#");
    }
}
