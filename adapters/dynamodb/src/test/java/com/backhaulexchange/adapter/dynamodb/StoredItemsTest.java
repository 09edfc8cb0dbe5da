package com.backhaulexchange.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.adapter.dynamodb.document.LaneDocument;
import com.backhaulexchange.adapter.dynamodb.document.MatchDocument;
import com.backhaulexchange.adapter.dynamodb.document.SchemaVersions;
import com.backhaulexchange.adapter.dynamodb.document.UnsupportedSchemaVersionException;
import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.emissions.Co2eAvoided;
import com.backhaulexchange.emissions.EmissionsCalculator;
import com.backhaulexchange.emissions.EmissionsMethod;
import com.backhaulexchange.emissions.FleetFuelEconomy;
import com.backhaulexchange.emissions.Fuel;
import com.backhaulexchange.emissions.FuelEconomySource;
import com.backhaulexchange.deal.negotiation.Negotiation;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchRun;
import com.backhaulexchange.matching.OptimisationPlan;
import com.backhaulexchange.partner.Partner;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stored documents stay readable across releases. The fixtures (src/test/resources/stored-items) are items
 * exactly as the adapter wrote them before documents had their own types and versions
 * ({@link StoredItemFixtures}); today's code must read each into the domain object it was written from, write
 * that object back as the same item plus its document's schema version, and refuse a document of a schema
 * version it does not know.
 */
class StoredItemsTest {
    private static final String PARTNERS = "partners-table.json";
    private static final String LANES = "lanes-table.json";
    private static final String NEGOTIATIONS = "negotiations-table.json";
    private static final List<String> DOCUMENT_ATTRIBUTES = List.of("profile", "lane", "match", "run", "plan",
            "document");

    // ---- what the adapter writes for the examples, item by item

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

    /** The example each fixture was written from. */
    private static Map<String, Object> examples() {
        Map<String, Object> examples = new LinkedHashMap<>();
        examples.putAll(StoredItemExamples.partners());
        examples.putAll(StoredItemExamples.lanes());
        examples.putAll(StoredItemExamples.matches());
        examples.putAll(StoredItemExamples.runs());
        examples.putAll(StoredItemExamples.plans());
        examples.putAll(StoredItemFixtures.dealStates());
        return examples;
    }

    /** What the adapter reads from an item, by the item's entity type. */
    private static Object read(Map<String, AttributeValue> item) {
        return switch (item.get("entityType").s()) {
            case "PARTNER" -> PartnerItems.partnerFrom(item);
            case "LANE", "CANDIDATE", "REGION_ENTRY" -> LaneItems.laneFrom(item);
            case "MATCH", "MATCH_LINK" -> LaneItems.matchFrom(item);
            case "MATCH_RUN" -> LaneItems.runFrom(item);
            case "OPTIMISATION_PLAN" -> LaneItems.planFrom(item);
            case "NEGOTIATION", "PARTY_NEGOTIATION" -> DealItems.negotiationFrom(item);
            case "BOOKING", "PARTY_BOOKING" -> DealItems.bookingFrom(item);
            default -> throw new IllegalArgumentException("no document in " + item.get("entityType"));
        };
    }

    private static String documentAttributeOf(Map<String, AttributeValue> item) {
        return DOCUMENT_ATTRIBUTES.stream().filter(item::containsKey).findFirst().orElseThrow();
    }

    /**
     * The frozen item as today's code writes it: unchanged, plus its document's schema version and the optional
     * fields added within a version since it was frozen (ADR 21), each with the value a reader gives it when absent:
     * a capacity lane's {@code maxReloadDeadheadMiles} (ADR 22, the default 150); a match in its version 2, which
     * only replaces the explanation's {@code co2AvoidedKg} by {@code co2eAvoided} (ADR 26).
     */
    private static Map<String, AttributeValue> versioned(Map<String, AttributeValue> frozen) {
        Map<String, AttributeValue> item = new HashMap<>(frozen);
        String document = documentAttributeOf(frozen);
        item.put(SchemaVersions.attributeOf(document), AttributeValue.fromN(Integer.toString(readableVersion(document))));
        if (document.equals("match")) {
            item.put("match", matchInVersion2(frozen.get("match")));
        }
        if (frozen.containsKey("lane") && "CAPACITY".equals(frozen.get("kind").s())) {
            Map<String, AttributeValue> lane = new HashMap<>(frozen.get("lane").m());
            lane.putIfAbsent("maxReloadDeadheadMiles", AttributeValue.fromN("150"));
            item.put("lane", AttributeValue.fromM(lane));
        }
        return item;
    }

    private static int readableVersion(String document) {
        return document.equals("match") ? MatchDocument.SCHEMA_VERSION : 1;
    }

    /**
     * A version-1 match document as version 2 holds it: {@code co2AvoidedKg} (1.6 kg CO₂ per empty mile
     * avoided) gone, {@code co2eAvoided} in its place, from the document's own miles with the default factor set
     * (the figure itself is checked by hand in {@link #aVersion1MatchReadsWithItsCo2eWorkedOutFromItsMiles}).
     */
    private static AttributeValue matchInVersion2(AttributeValue version1) {
        Map<String, AttributeValue> match = new HashMap<>(version1.m());
        Map<String, AttributeValue> explanation = new HashMap<>(match.get("explanation").m());
        assertThat(explanation).containsKey("co2AvoidedKg");
        explanation.remove("co2AvoidedKg");
        Co2eAvoided avoided = EmissionsCalculator.DEFAULT.avoidedAgainstRunHome(
                Double.parseDouble(explanation.get("baselineEmptyMiles").n()),
                List.of(Double.parseDouble(explanation.get("originDeadheadMiles").n()),
                        Double.parseDouble(explanation.get("destinationDeadheadMiles").n())));
        explanation.put("co2eAvoided", AttributeValue.fromM(Map.of(
                "kgWellToWheel", AttributeValue.fromN(Double.toString(avoided.kgWellToWheel())),
                "kgTankToWheel", AttributeValue.fromN(Double.toString(avoided.kgTankToWheel())),
                "factorSetId", AttributeValue.fromS("GLEC-NA-2019+DESNZ-2024"),
                "factorSetVersion", AttributeValue.fromS("bhx-default-1"))));
        match.put("explanation", AttributeValue.fromM(explanation));
        return AttributeValue.fromM(match);
    }

    private static Map<String, List<Map<String, AttributeValue>>> allVersioned(
            Map<String, List<Map<String, AttributeValue>>> frozen) {
        Map<String, List<Map<String, AttributeValue>>> items = new LinkedHashMap<>();
        frozen.forEach((name, written) -> items.put(name, written.stream().map(StoredItemsTest::versioned).toList()));
        return items;
    }

    static Stream<Arguments> frozenItems() {
        return Stream.of(PARTNERS, LANES, NEGOTIATIONS).flatMap(file -> StoredItemFixtures.read(file).entrySet()
                .stream().flatMap(entry -> entry.getValue().stream().map(item -> Arguments.of(
                        entry.getKey() + " (" + item.get("entityType").s() + ")", entry.getKey(), item))));
    }

    // ---- the tests

    @ParameterizedTest(name = "{0}")
    @MethodSource("frozenItems")
    @DisplayName("an item written before documents had versions reads into the object it was written from")
    void anItemWrittenBeforeVersionsReadsIntoTheSameDomainObject(String label, String example,
            Map<String, AttributeValue> frozen) {
        assertThat(frozen).doesNotContainKey(SchemaVersions.attributeOf(documentAttributeOf(frozen)));

        assertThat(read(frozen)).isEqualTo(examples().get(example));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frozenItems")
    @DisplayName("a frozen item read and written back is the same item, plus its schema version")
    void aFrozenItemReadAndWrittenBackIsTheSameItemPlusItsVersion(String label, String example,
            Map<String, AttributeValue> frozen) {
        Object object = read(frozen);
        Map<String, AttributeValue> rewritten = switch (object) {
            case Partner partner -> PartnerItems.partnerItem(partner);
            case OptimisationPlan plan -> LaneItems.planItem(plan);
            case MatchRun run -> LaneItems.runItem(run);
            default -> null;
        };
        Map<String, AttributeValue> document = switch (object) {
            case Negotiation negotiation -> DealItems.negotiationDocument(negotiation);
            case Booking booking -> DealItems.bookingDocument(booking);
            case PostedLane lane -> LaneItems.LANE.attributes(LaneDocument.of(lane));
            case Match match -> LaneItems.MATCH.attributes(MatchDocument.of(match));
            default -> Map.of();
        };
        Map<String, AttributeValue> expected = versioned(frozen);
        if (rewritten != null) {
            assertThat(rewritten).isEqualTo(expected);
        } else {
            // items whose other attributes depend on more than the object (index lists, rank keys, versions)
            Map<String, AttributeValue> patched = new HashMap<>(frozen);
            patched.putAll(document);
            assertThat(patched).isEqualTo(expected);
        }
    }

    @Test
    void theAdapterWritesTheFrozenPartnerItemsPlusTheirProfileVersion() {
        assertThat(partnersTableItems()).isEqualTo(allVersioned(StoredItemFixtures.read(PARTNERS)));
    }

    @Test
    void theAdapterWritesTheFrozenLaneMatchRunAndPlanItemsPlusTheirDocumentVersions() {
        assertThat(lanesTableItems()).isEqualTo(allVersioned(StoredItemFixtures.read(LANES)));
    }

    @Test
    void theDealStoreWritesTheFrozenNegotiationAndBookingItemsPlusTheirDocumentVersion() {
        var expected = allVersioned(StoredItemFixtures.read(NEGOTIATIONS));
        // Since ADR 40 the agreement also names its booking beside the negotiation's document (the item's, not the
        // document's: a reader takes its absence for "not known").
        expected.computeIfPresent("negotiation-agreed", (name, items) -> items.stream().map(item -> {
            Map<String, AttributeValue> withBooking = new HashMap<>(item);
            withBooking.put("bookingId", AttributeValue.fromS(StoredItemExamples.booked().id().value()));
            return (Map<String, AttributeValue>) withBooking;
        }).toList());
        assertThat(StoredItemFixtures.dealStoreWrites()).isEqualTo(expected);
    }

    @Test
    void aCapacityLaneStoredBeforeTheReloadLimitReadsWithTheDefaultAndAPostedLimitIsKept() {
        var frozen = StoredItemFixtures.read(LANES).get("capacity-without-minimum-rate").getFirst();
        assertThat(frozen.get("lane").m()).doesNotContainKey("maxReloadDeadheadMiles");
        assertThat(((PostedLane.Capacity) LaneItems.laneFrom(frozen)).lane().maxReloadDeadheadMiles()).isEqualTo(150);

        var posted = (PostedLane.Capacity) StoredItemExamples.lanes().get("capacity-without-minimum-rate");
        var withLimit = new PostedLane.Capacity(posted.lane().withMaxReloadDeadheadMiles(60), posted.postedAt(),
                posted.updatedAt());
        var item = LaneItems.laneItem(withLimit, StoredItemExamples.CANDIDATE_PARTITIONS);
        assertThat(item.get("lane").m().get("maxReloadDeadheadMiles")).isEqualTo(AttributeValue.fromN("60"));
        assertThat(LaneItems.laneFrom(item)).isEqualTo(withLimit);
    }

    @Test
    void aLaneAMatchAndAProfileStoredBeforeFleetFuelEconomiesReadAsTheDefaultTruck() {
        StoredItemFixtures.read(LANES).values().stream().flatMap(List::stream).forEach(frozen -> {
            Object read = read(frozen);
            if (read instanceof PostedLane.Capacity capacity) {
                assertThat(frozen.get("lane").m()).doesNotContainKey("fleetFuelEconomy");
                assertThat(capacity.lane().fleet()).isEmpty();
            }
            if (read instanceof Match match) {
                assertThat(match.explanation().co2eAvoided().fuelEconomySource())
                        .isEqualTo(FuelEconomySource.FACTOR_SET_DEFAULT);
            }
        });
        StoredItemFixtures.read(PARTNERS).values().stream().flatMap(List::stream).forEach(frozen ->
                assertThat(PartnerItems.partnerFrom(frozen).profile().fleetFuelEconomy()).isNull());
    }

    @Test
    void aLaneAndAMatchWithTheCarriersFleetFuelEconomyKeepItWhenStored() {
        var fleet = FleetFuelEconomy.byLoad(Fuel.DIESEL, 8.4, 5.9);
        var posted = (PostedLane.Capacity) StoredItemExamples.lanes().get("capacity-without-minimum-rate");
        var withFleet = new PostedLane.Capacity(posted.lane().withFleetFuelEconomy(fleet), posted.postedAt(),
                posted.updatedAt());
        var item = LaneItems.laneItem(withFleet, StoredItemExamples.CANDIDATE_PARTITIONS);
        assertThat(item.get("lane").m().get("fleetFuelEconomy").m()).containsOnlyKeys("fuel", "emptyMpg", "fullMpg");
        assertThat(LaneItems.laneFrom(item)).isEqualTo(withFleet);

        var average = FleetFuelEconomy.average(Fuel.DIESEL, 6.9);
        Match match = StoredItemExamples.matches().values().iterator().next();
        var explanation = match.explanation();
        var co2e = EmissionsCalculator.DEFAULT.avoidedAgainstRunHome(explanation.baselineEmptyMiles(),
                List.of(explanation.originDeadheadMiles(), explanation.destinationDeadheadMiles()),
                java.util.Optional.of(average));
        var own = new Match(match.id(), match.carrier(), match.shipper(), match.status(), match.route(),
                new com.backhaulexchange.matching.MatchExplanation(explanation.capacityLaneId(),
                        explanation.loadLaneId(), explanation.miles(), co2e, explanation.economics(),
                        explanation.schedule(), explanation.drivePlan()),
                match.score(), match.computedAt(), match.matchableUntil(), match.retractedAt(), match.recommendation());
        var stored = LaneItems.matchItem(own, LaneItems.rankKey(own), 2);
        assertThat(stored.get("match").m().get("explanation").m().get("co2eAvoided").m().get("fleetFuelEconomy").m())
                .containsOnlyKeys("fuel", "averageMpg");
        var reread = LaneItems.matchFrom(stored);
        assertThat(reread.explanation().co2eAvoided()).isEqualTo(co2e);
        assertThat(reread.explanation().co2eAvoided().fuelEconomySource()).isEqualTo(FuelEconomySource.PARTNER_FLEET);
    }

    @Test
    void everyExampleReadsBackAsWritten() {
        Map<String, Object> examples = examples();
        Map<String, List<Map<String, AttributeValue>>> written = new LinkedHashMap<>(partnersTableItems());
        written.putAll(lanesTableItems());
        written.putAll(StoredItemFixtures.dealStoreWrites());

        written.forEach((name, items) -> items.forEach(item ->
                assertThat(read(item)).as(name).isEqualTo(examples.get(name))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frozenItems")
    @DisplayName("a document of a schema version from the future is refused, not misread")
    void aDocumentOfAnUnknownFutureVersionIsRefused(String label, String example, Map<String, AttributeValue> frozen) {
        String document = documentAttributeOf(frozen);
        int readable = readableVersion(document);
        String next = Integer.toString(readable + 1);
        Map<String, AttributeValue> future = new HashMap<>(frozen);
        future.put(SchemaVersions.attributeOf(document), AttributeValue.fromN(next));

        assertThatThrownBy(() -> read(future))
                .isInstanceOf(UnsupportedSchemaVersionException.class)
                .hasMessageContaining("the " + document + " document of item " + frozen.get("pk").s())
                .hasMessageContaining("schema version " + next + ", and this code reads versions 1 to " + readable)
                .satisfies(e -> assertThat(((UnsupportedSchemaVersionException) e).storedVersion()).isEqualTo(next));
    }

    @Test
    void aVersion1MatchReadsWithItsCo2eWorkedOutFromItsMiles() {
        Map<String, AttributeValue> frozen = StoredItemFixtures.read(LANES).get("proposed-with-economics").getFirst();
        assertThat(frozen.get("match").m().get("explanation").m().get("co2AvoidedKg").n()).isEqualTo("640.0000000000002");

        Co2eAvoided avoided = LaneItems.matchFrom(frozen).explanation().co2eAvoided();

        // 400 empty miles avoided ÷ 8.1 mpg empty = 49.383 gal × 12.65 kg CO₂e (10.2 of it tank-to-wheel)
        assertThat(avoided.kgWellToWheel()).isCloseTo(624.691, within(1e-3));
        assertThat(avoided.kgTankToWheel()).isCloseTo(503.704, within(1e-3));
        assertThat(avoided.method()).isEqualTo(new EmissionsMethod("GLEC-NA-2019+DESNZ-2024", "bhx-default-1"));
    }

    @Test
    void aVersionThatIsNoPositiveNumberIsRefusedToo() {
        var frozen = StoredItemFixtures.read(PARTNERS).values().iterator().next().getFirst();
        for (AttributeValue damaged : List.of(AttributeValue.fromN("0"), AttributeValue.fromS("1"),
                AttributeValue.fromN("1.5"))) {
            Map<String, AttributeValue> item = new HashMap<>(frozen);
            item.put("profileSchemaVersion", damaged);

            assertThatThrownBy(() -> PartnerItems.partnerFrom(item))
                    .isInstanceOf(UnsupportedSchemaVersionException.class);
        }
    }

    @Test
    void theRepositoriesPassTheRefusalOn() {
        var recording = new RecordingDynamoDb();
        var partner = StoredItemExamples.partners().values().iterator().next();
        Map<String, AttributeValue> future = new HashMap<>(PartnerItems.partnerItem(partner));
        future.put("profileSchemaVersion", AttributeValue.fromN("7"));
        recording.holds(PartnerItems.partnerKey(partner.id()), future);

        assertThatThrownBy(() -> new DynamoDbPartnerRepository(recording.client(), "PartnersTable")
                .findById(partner.id()))
                .isInstanceOf(UnsupportedSchemaVersionException.class)
                .hasMessageContaining("profile document of item PARTNER#" + partner.id().value() + " / PROFILE")
                .hasMessageContaining("schema version 7");
    }
}
