package com.backhaulexchange.function.optimiser;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.testing.Postings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OptimiserHandlersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR_KEY = "bhxop_" + "0".repeat(43);
    private OptimiserFixture fixture;
    private String region;

    @BeforeEach
    void oneTruckAndOneLoad() {
        fixture = new OptimiserFixture();
        var truck = fixture.postings.post(Postings.truck(fixture.carrier().id()));
        fixture.postings.post(Postings.load(fixture.shipper().id(), Postings.DALLAS, Postings.ST_LOUIS,
                38_000, Money.of(240_000, "USD")));
        region = MatchingRegion.of(truck).value();
    }

    @Test
    void theOperatorOptimisesARegionOnDemandAndReadsItsPlan() throws Exception {
        var response = fixture.send(fixture.event("operator-optimise-regions.json",
                Map.of("OPERATOR_KEY", OPERATOR_KEY, "REGION", region)));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        var body = JSON.readTree(response.getBody());
        assertThat(body.path("regionsOptimised").asInt()).isEqualTo(1);
        assertThat(body.path("plans").path(0).path("region").asText()).isEqualTo(region);
        assertThat(body.path("plans").path(0).path("recommendedMatchIds")).hasSize(1);
        var selection = body.path("plans").path(0).path("selections").path(0);
        assertThat(selection.path("method").asText()).isEqualTo("EXACT_MIP");
        assertThat(selection.path("gap").asDouble()).isZero();
        assertThat(selection.path("upperBound")).isEqualTo(selection.path("surplus"));
        assertThat(body.path("plans").path(0).path("pairsOnlySurplus"))
                .isEqualTo(body.path("plans").path(0).path("totalSurplus"));
    }

    @Test
    void withoutABodyEveryRegionOfTheGazetteerIsOptimisedAndOnlyThoseWithLanesReported() throws Exception {
        var response = fixture.send(fixture.event("operator-optimise-all-regions.json",
                Map.of("OPERATOR_KEY", OPERATOR_KEY)));

        var body = JSON.readTree(response.getBody());
        assertThat(body.path("regionsOptimised").asInt()).isGreaterThan(10);
        assertThat(body.path("plans").findValuesAsText("region")).containsExactly(region);
    }

    @Test
    void aPartnerCannotRunTheOptimiserAndABadRegionIsA400() {
        var asPartner = fixture.event("operator-optimise-regions.json", Map.of("OPERATOR_KEY", OPERATOR_KEY,
                "REGION", region));
        asPartner.getRequestContext().setAuthorizer(new HashMap<>(Map.of("principalId", "p",
                "principalType", "PARTNER", "partnerId", PartnerExamples.newPartnerId().value(), "roles", "CARRIER",
                "keyId", PartnerExamples.newKeyId().value())));
        assertThat(fixture.send(asPartner).getStatusCode()).isEqualTo(403);
        assertThat(fixture.matches.findPlan(MatchingRegion.parse(region))).isEmpty();

        var badRegion = fixture.send(fixture.event("operator-optimise-regions.json",
                Map.of("OPERATOR_KEY", OPERATOR_KEY, "REGION", "ai")));
        assertThat(badRegion.getStatusCode()).isEqualTo(400);
    }

    @Test
    void theHourlyScheduleOptimisesEveryRegion() {
        Map<String, Object> event = com.backhaulexchange.testing.SampleEventFiles.load(
                OptimiserFixture.EVENTS.resolve("hourly-schedule.json"), Map.class, Map.of());

        var summary = fixture.scheduledHandler().handleRequest(event, fixture.context);

        assertThat(summary).containsEntry("regionsWithLanes", 1).containsEntry("recommendedMatches", 1)
                .containsEntry("recommendedPackages", 0);
        assertThat(fixture.matches.findPlan(MatchingRegion.parse(region))).isPresent();
    }
}
