package com.backhaulexchange.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.network.NetworkCounters;
import com.backhaulexchange.deal.network.NetworkEntry;
import com.backhaulexchange.deal.network.NetworkActivity;
import com.backhaulexchange.deal.network.NetworkWeek;
import com.backhaulexchange.deal.network.PlanCounters;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.OptimisationPlan;
import com.backhaulexchange.matching.PlannedOption;
import com.backhaulexchange.deal.outcome.Co2eKg;
import com.backhaulexchange.emissions.EmissionsMethod;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.TemplateTables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DisplayName("Network counters on DynamoDB Local: ADDed in transactions, read by week or by key")
class DynamoDbNetworkStoreTest {
    private static final MatchingRegion DALLAS = MatchingRegion.parse("9v");
    private static final MatchingRegion CHICAGO = MatchingRegion.parse("dp");
    private static final NetworkWeek W10 = NetworkWeek.parse("2026-W10");
    private static final NetworkWeek W11 = NetworkWeek.parse("2026-W11");
    private static final EmissionsMethod METHOD = new EmissionsMethod("GLEC-NA-2019+DESNZ-2024", "bhx-default-1");
    private static final PartnerId A = new PartnerId("01JDPART000000000000000001");
    private static final PartnerId B = new PartnerId("01JDPART000000000000000002");

    private final DynamoDbClient dynamoDb = DynamoDbLocalServer.shared().client();
    private final String table = TemplateTables.createFresh(dynamoDb, "AnalyticsTable");
    private final DynamoDbNetworkStore store = new DynamoDbNetworkStore(dynamoDb, table);

    private void add(NetworkEntry entry) {
        dynamoDb.transactWriteItems(request -> request.transactItems(NetworkItems.write(table, entry)));
    }

    private static NetworkEntry delivery(MatchingRegion region, NetworkWeek week, PartnerId carrier, PartnerId shipper) {
        return new NetworkEntry(region, week, new NetworkCounters(0, 0, 0, 0, 0, 1, 600, 150, 500, 350,
                Map.of("USD", 77_000L), Map.of(METHOD, new Co2eKg(546.7, 440.65)), Set.of(carrier, shipper)));
    }

    private static NetworkEntry posting(MatchingRegion region, NetworkWeek week, PartnerId owner) {
        return new NetworkEntry(region, week, new NetworkCounters(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(),
                Set.of(owner)));
    }

    @Test
    void theAddsOfAWeekSumUpAndItsPartnersAreASet() {
        add(delivery(DALLAS, W10, A, B));
        add(delivery(DALLAS, W10, A, B));
        add(posting(DALLAS, W10, A));

        var read = store.allRegions(W10, W10);

        assertThat(read).hasSize(1);
        NetworkCounters counters = read.getFirst().counters();
        assertThat(counters.deliveries()).isEqualTo(2);
        assertThat(counters.capacityLanesPosted()).isEqualTo(1);
        assertThat(counters.loadedMiles()).isEqualTo(1200);
        assertThat(counters.emptyMilesAvoided()).isEqualTo(700);
        assertThat(counters.surplusByCurrency()).isEqualTo(Map.of("USD", 154_000L));
        assertThat(counters.co2eAvoided().get(METHOD).wellToWheel()).isEqualTo(1093.4);
        assertThat(counters.partners()).containsExactlyInAnyOrder(A, B);
    }

    @Test
    void allRegionsReadsEachWeekOfTheRangeAndOneRegionReadsItsItemsByKey() {
        add(delivery(DALLAS, W10, A, B));
        add(delivery(CHICAGO, W10, B, A));
        add(posting(DALLAS, W11, B));
        add(posting(DALLAS, NetworkWeek.parse("2026-W12"), B));

        assertThat(store.allRegions(W10, W11)).extracting(NetworkEntry::region, NetworkEntry::week)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(DALLAS, W10),
                        org.assertj.core.groups.Tuple.tuple(CHICAGO, W10),
                        org.assertj.core.groups.Tuple.tuple(DALLAS, W11));
        assertThat(store.regions(List.of(DALLAS), W10, W11)).extracting(NetworkEntry::week)
                .containsExactlyInAnyOrder(W10, W11);
        assertThat(store.regions(List.of(CHICAGO, DALLAS), NetworkWeek.parse("2026-W01"),
                NetworkWeek.parse("2026-W53"))).hasSize(4);
    }

    @Test
    void aStoredPlanAddsItsWeeksPlanFiguresInThePlansTransactionAndTheyReadBack() {
        String lanesTable = TemplateTables.createFresh(dynamoDb, "LanesTable");
        var matches = new DynamoDbMatchRepository(dynamoDb, lanesTable).countingPlansIn(table);
        Instant computedAt = Instant.parse("2026-03-04T10:00:00Z");
        var plan = new OptimisationPlan(DALLAS, computedAt, 3, 4, 6, 5, List.of(), List.of(Money.of(80_000, "USD")),
                List.of(Money.of(70_000, "USD")));

        matches.savePlan(plan, List.of(new PlannedOption(false, 1, 120.5, Money.of(30_000, "USD")),
                new PlannedOption(true, 3, 200, Money.of(50_000, "USD"))));
        matches.savePlan(plan, List.of());
        add(NetworkActivity.bookedOfPlan(new Match.Recommendation(computedAt, DALLAS),
                new PlannedOption(true, 3, 200, Money.of(50_000, "USD")), computedAt.plusSeconds(3_600)));

        assertThat(matches.findPlan(DALLAS)).contains(plan);
        PlanCounters read = store.regions(List.of(DALLAS), W10, W10).getFirst().counters().plan();
        assertThat(read).isEqualTo(new PlanCounters(2, 2, 1, 4, 320.5, Map.of("USD", 80_000L), 1, 3, 200,
                Map.of("USD", 50_000L)));
        assertThat(read.shareOfPlanBooked()).isEqualTo(0.5);
    }
}
