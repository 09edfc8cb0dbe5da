package com.backhaulexchange.function.laneposting;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.matching.OptimisationPlan;
import com.backhaulexchange.matching.PlannedOption;
import com.backhaulexchange.testing.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /markets/reload-outlook} and {@code GET /operator/network/figures} (ADR 41) over the counters the
 * postings of this function ADD in their own transactions: the k threshold (k−1 partners withheld, k shown),
 * no partner id, lane or price in an answer, the operator-only figures, and bad queries as 400s with pointers.
 */
class NetworkApiTest {
    private LanePostingFixture fixture;
    private final List<Caller> shippers = new ArrayList<>();
    private final List<String> laneIds = new ArrayList<>();

    @BeforeEach
    void freshFunction() {
        fixture = new LanePostingFixture();
    }

    /** {@code count} shippers each post a load out of Dallas, and one carrier a truck empty in Dallas (W47). */
    private void postings(int count) {
        for (int i = 0; i < count; i++) {
            Caller shipper = Caller.shipper();
            shippers.add(shipper);
            laneIds.add(fixture.post("post-load-by-city-names.json", shipper));
        }
        laneIds.add(fixture.post("post-capacity-by-city-names.json", Caller.carrier()));
    }

    /** A week later (Monday 30 November 2026, week 49): week 47 is among the 8 complete weeks sampled. */
    private void aWeekLater() {
        fixture.clock.advance(Duration.ofDays(10));
    }

    private Reply get(String path, Map<String, String> query, Map<String, String> authorizer) {
        var event = LaneSampleEvents.load("search-places.json", Caller.carrier().values("QUERY", "x", "LIMIT", "1"));
        event.setPath(path);
        event.setResource(path);
        event.getRequestContext().setResourcePath(path);
        event.setQueryStringParameters(query);
        Map<String, List<String>> multi = new HashMap<>();
        query.forEach((name, value) -> multi.put(name, List.of(value)));
        event.setMultiValueQueryStringParameters(multi);
        if (authorizer != null) {
            event.getRequestContext().setAuthorizer(new HashMap<>(authorizer));
        }
        return fixture.send(event);
    }

    private Reply outlook(Map<String, String> query) {
        return get("/markets/reload-outlook", query, null);
    }

    private static Map<String, String> dallasNextWeek() {
        return Map.of("near", "Dallas, TX", "from", "2026-12-01", "to", "2026-12-03", "maxOriginDeadheadMiles", "100");
    }

    private static final Map<String, String> OPERATOR = Map.of("principalId", "operator", "principalType", "OPERATOR");

    @Test
    void fourPartnersAreWithheldWithTheReasonAndNoFigures() {
        postings(3); // three shippers and one carrier: k - 1 partners
        aWeekLater();

        Reply reply = outlook(dallasNextWeek());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("withheld").asBoolean()).isTrue();
        assertThat(reply.json().path("reason").asText()).isEqualTo("FEWER_THAN_K_PARTNERS");
        assertThat(reply.json().path("k").asInt()).isEqualTo(5);
        assertThat(reply.json().has("estimate")).isFalse();
        assertThat(reply.json().path("regions").toString()).contains("9v");
        assertNothingOfThePartners(reply);
    }

    @Test
    void fivePartnersAreShownWithTheRateTheProbabilityAndTheSample() {
        postings(4); // four shippers and one carrier: k partners
        aWeekLater();

        Reply reply = outlook(dallasNextWeek());

        assertThat(reply.status()).isEqualTo(200);
        var json = reply.json();
        assertThat(json.path("withheld").asBoolean()).isFalse();
        assertThat(json.path("sampleWeeks").path("from").asText()).isEqualTo("2026-W41");
        assertThat(json.path("sampleWeeks").path("to").asText()).isEqualTo("2026-W48");
        var estimate = json.path("estimate");
        assertThat(estimate.path("loadLanesPosted").asLong()).isEqualTo(4);
        assertThat(estimate.path("capacityLanesPosted").asLong()).isEqualTo(1);
        assertThat(estimate.path("distinctPartners").asInt()).isEqualTo(5);
        assertThat(estimate.path("expectedLoadsPerDay").asDouble()).isEqualTo(4.0 / 56);
        assertThat(estimate.path("expectedLoadsInWindow").asDouble()).isEqualTo(3 * 4.0 / 56);
        assertThat(estimate.path("probabilityOfAtLeastOneLoad").asDouble()).isEqualTo(1 - Math.exp(-3 * 4.0 / 56));
        assertThat(json.path("window").path("days").asInt()).isEqualTo(3);
        assertNothingOfThePartners(reply);
    }

    @Test
    void kIsTheEnvironmentsWhenSet() {
        Map<String, String> environment = new HashMap<>(fixture.environment());
        environment.put("NETWORK_K_ANONYMITY", "2");
        var handler = new LanePostingHandler(new com.backhaulexchange.adapter.lambda.FunctionEnvironment(environment),
                fixture.clock);
        postings(1);
        aWeekLater();
        var event = LaneSampleEvents.load("search-places.json", Caller.carrier().values("QUERY", "x", "LIMIT", "1"));
        event.setPath("/markets/reload-outlook");
        event.setResource("/markets/reload-outlook");
        event.getRequestContext().setResourcePath("/markets/reload-outlook");
        event.setQueryStringParameters(dallasNextWeek());
        Map<String, List<String>> multi = new HashMap<>();
        dallasNextWeek().forEach((name, value) -> multi.put(name, List.of(value)));
        event.setMultiValueQueryStringParameters(multi);

        assertThat(fixture.send(handler, event).json().path("withheld").asBoolean()).isFalse();
    }

    @Test
    void theOperatorReadsThePostingsPerRegionAndWeekAndAPartnerCannot() {
        postings(2);

        Reply figures = get("/operator/network/figures", Map.of("from", "2026-W47", "to", "2026-W47"), OPERATOR);

        assertThat(figures.status()).isEqualTo(200);
        var regions = figures.json().path("regions");
        assertThat(regions).hasSize(1);
        assertThat(regions.get(0).path("region").asText()).isEqualTo("9v");
        assertThat(regions.get(0).path("weeks").get(0).path("week").asText()).isEqualTo("2026-W47");
        var total = figures.json().path("total");
        assertThat(total.path("loadLanesPosted").asLong()).isEqualTo(2);
        assertThat(total.path("capacityLanesPosted").asLong()).isEqualTo(1);
        assertThat(total.path("distinctPartners").asInt()).isEqualTo(3);
        assertThat(total.path("matchRate").asDouble()).isZero();
        assertThat(total.path("emptyMileShareBefore").isNull()).isTrue();
        assertNothingOfThePartners(figures);

        Reply csv = get("/operator/network/figures", Map.of("from", "2026-W47", "to", "2026-W47", "format", "csv"),
                OPERATOR);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("region,week,figure,value,unit\r\n")
                .contains("9v,2026-W47,loadLanesPosted,2,count\r\n", "TOTAL,TOTAL,capacityLanesPosted,1,count\r\n");

        Reply otherRegion = get("/operator/network/figures",
                Map.of("from", "2026-W47", "to", "2026-W47", "region", "dp"), OPERATOR);
        assertThat(otherRegion.json().path("regions")).isEmpty();
        assertThat(otherRegion.json().path("total").path("loadLanesPosted").asLong()).isZero();

        Reply asPartner = get("/operator/network/figures", Map.of("from", "2026-W47", "to", "2026-W47"), null);
        assertThat(asPartner.status()).isEqualTo(403);
    }

    @Test
    void theOperatorReadsTheWeeksPlanAgainstTheBookedInJsonAndCsv() {
        postings(1);
        MatchingRegion dallas = MatchingRegion.parse("9v");
        var plan = new OptimisationPlan(dallas, fixture.clock.instant(), 1, 1, 1, 1, List.of(),
                List.of(Money.of(80_000, "USD")), List.of(Money.of(80_000, "USD")));
        fixture.matches.countingPlansIn(fixture.analyticsTable).savePlan(plan, List.of(
                new PlannedOption(false, 1, 120.5, Money.of(30_000, "USD")),
                new PlannedOption(true, 3, 200, Money.of(50_000, "USD"))));

        Reply figures = get("/operator/network/figures", Map.of("from", "2026-W47", "to", "2026-W47"), OPERATOR);

        assertThat(figures.status()).isEqualTo(200);
        var week = figures.json().path("regions").get(0).path("weeks").get(0).path("figures")
                .path("planAgainstBooked");
        assertThat(week.path("plansStored").asLong()).isEqualTo(1);
        assertThat(week.path("optionsRecommended").asLong()).isEqualTo(2);
        assertThat(week.path("pairsRecommended").asLong()).isEqualTo(1);
        assertThat(week.path("packagesRecommended").asLong()).isEqualTo(1);
        assertThat(week.path("loadsRecommended").asLong()).isEqualTo(4);
        assertThat(week.path("plannedEmptyMilesAvoided").asDouble()).isEqualTo(320.5);
        assertThat(week.path("plannedSurplus").get(0).path("amountMinorUnits").asLong()).isEqualTo(80_000);
        assertThat(week.path("recommendedOptionsBooked").asLong()).isZero();
        assertThat(week.path("shareOfPlanBooked").asDouble()).isZero();
        assertThat(week.path("shareOfBookingsFollowingPlan").isNull()).as("nothing booked").isTrue();
        assertThat(figures.json().path("total").path("planAgainstBooked")).isEqualTo(week);

        Reply csv = get("/operator/network/figures", Map.of("from", "2026-W47", "to", "2026-W47", "format", "csv"),
                OPERATOR);
        assertThat(csv.body()).contains("9v,2026-W47,planOptionsRecommended,2,count\r\n",
                "9v,2026-W47,planSurplus,80000,USD minor units\r\n", "TOTAL,TOTAL,planLoadsRecommended,4,count\r\n",
                "9v,2026-W47,shareOfPlanBooked,0.000000,ratio\r\n", "9v,2026-W47,shareOfBookingsFollowingPlan,,ratio\r\n");
    }

    @Test
    void badQueriesAre400sWithTheirPointers() {
        assertThat(get("/operator/network/figures", Map.of("from", "2026-W47"), OPERATOR).errorPointers())
                .containsExactly("#/query/to");
        assertThat(get("/operator/network/figures", Map.of("from", "2025-W53", "to", "2026-W01"), OPERATOR)
                .errorPointers()).containsExactly("#/query/from");
        assertThat(get("/operator/network/figures", Map.of("from", "2026-W10", "to", "2026-W09"), OPERATOR)
                .errorPointers()).containsExactly("#/query/to");
        assertThat(get("/operator/network/figures", Map.of("from", "2025-W01", "to", "2026-W02"), OPERATOR)
                .errorPointers()).containsExactly("#/query/to");
        assertThat(get("/operator/network/figures", Map.of("from", "2026-W01", "to", "2026-W02", "region", "aa"),
                OPERATOR).errorPointers()).containsExactly("#/query/region");

        Map<String, String> unknownCity = new HashMap<>(dallasNextWeek());
        unknownCity.put("near", "Xqzzyvwk, TX");
        assertThat(outlook(unknownCity).errorPointers()).containsExactly("#/query/near");
        Map<String, String> tooFar = new HashMap<>(dallasNextWeek());
        tooFar.put("maxOriginDeadheadMiles", "301");
        assertThat(outlook(tooFar).errorPointers()).containsExactly("#/query/maxOriginDeadheadMiles");
        Map<String, String> tooLong = new HashMap<>(dallasNextWeek());
        tooLong.put("to", "2026-12-31");
        assertThat(outlook(tooLong).errorPointers()).containsExactly("#/query/to");
        Map<String, String> past = new HashMap<>(dallasNextWeek());
        past.put("from", "2026-11-01");
        past.put("to", "2026-11-02");
        assertThat(outlook(past).errorPointers()).containsExactly("#/query/to");
        Map<String, String> atCoordinates = new HashMap<>(dallasNextWeek());
        atCoordinates.put("near", "32.78,-96.8");
        assertThat(outlook(atCoordinates).status()).isEqualTo(200);
    }

    private void assertNothingOfThePartners(Reply reply) {
        for (Caller shipper : shippers) {
            assertThat(reply.body()).doesNotContain(shipper.partnerId().value());
        }
        for (String laneId : laneIds) {
            assertThat(reply.body()).doesNotContain(laneId);
        }
        assertThat(reply.body()).doesNotContain("amountMinorUnits").doesNotContain("budget");
    }
}
