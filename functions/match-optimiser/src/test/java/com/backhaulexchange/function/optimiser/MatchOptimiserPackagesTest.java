package com.backhaulexchange.function.optimiser;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.dynamodb.DynamoDbTradingPartners;
import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.matching.chain.ChainEvaluation;
import com.backhaulexchange.matching.chain.ChainEvaluator;
import com.backhaulexchange.matching.chain.PackageMatch;
import com.backhaulexchange.matching.chain.ReloadPreferences;
import com.backhaulexchange.matching.selection.SelectionMethod;
import com.backhaulexchange.matching.selection.SelectionSolver;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.testing.Postings;
import java.time.Duration;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A book where the pairs-only optimum is beaten by a package (ADR 39). Truck T is at home in Indianapolis and can
 * only go round the triangle Indianapolis → St. Louis, St. Louis → Chicago, Milwaukee → Indianapolis (no load alone
 * brings it home within its limits); truck V goes Indianapolis → Chicago and may take the first load alone (a detour by St. Louis). Pairs
 * only: V with the first load. With the package stored by the match engine, the selection gives all three loads to
 * T. The second load is picked up in St. Louis, another region than the trucks' (the precision-2 cell border at
 * 90°W): the package carries it across, and a truck in St. Louis that could take it alone competes for it by
 * region order.
 */
class MatchOptimiserPackagesTest {
    private OptimiserFixture fixture;
    private MatchOptimiser optimiser;
    private PostedLane.Capacity roundTrip;
    private PostedLane.Capacity toChicago;
    private List<PostedLane.Load> triangle;
    private MatchingRegion indianapolis;
    private Partner carrier;
    private PackageMatch stored;

    @BeforeEach
    void aTriangleStoredAsAPackageAndATruckThatWantsItsFirstLoad() {
        fixture = new OptimiserFixture();
        optimiser = fixture.optimiser();
        carrier = fixture.carrier();
        Partner shipper = fixture.shipper();
        roundTrip = fixture.postings.post(Postings.roundTrip(carrier.id(), Postings.INDIANAPOLIS));
        toChicago = fixture.postings.post(new CapacityLane(new CapacityLaneId("00000000000000000000000000"),
                carrier.id(), Postings.INDIANAPOLIS, Postings.CHICAGO, Postings.MONDAY_6AM,
                Postings.MONDAY_6AM.plusDays(1).withHour(20), EquipmentType.DRY_VAN, 44_000, 26, 150, 350, null,
                LaneStatus.OPEN));
        triangle = Postings.triangleFromIndianapolis(shipper.id(), shipper.id(), shipper.id()).stream()
                .map(fixture.postings::post).toList();
        indianapolis = MatchingRegion.of(roundTrip);
        stored = storePackage(roundTrip, triangle);
    }

    /** What the match engine does when it finds the chain (ADR 25). */
    private PackageMatch storePackage(PostedLane.Capacity truck, List<PostedLane.Load> loads) {
        var now = fixture.clock.instant();
        var cost = new DynamoDbTradingPartners(fixture.dynamoDb, fixture.partnersTable)
                .costsPerMile(Set.of(carrier.id())).get(carrier.id());
        var chain = (ChainEvaluation.Feasible) ChainEvaluator.evaluate(truck.drivableAt(now), cost,
                loads.stream().map(load -> load.laneAt(now)).toList(), ReloadPreferences.of(truck.lane()),
                MatchingConfig.DEFAULT);
        var found = PackageMatch.proposed(truck, loads, chain, now);
        assertThat(fixture.packages.save(found, now)).isTrue();
        return found;
    }

    @Test
    void theSecondLoadIsPickedUpInAnotherRegion() {
        assertThat(MatchingRegion.of(triangle.get(1))).isNotEqualTo(indianapolis);
        assertThat(MatchingRegion.of(toChicago)).isEqualTo(indianapolis);
    }

    @Test
    void thePlanRecommendsThePackageOverThePairwiseOptimumAndSaysWhatItGained() {
        var plan = optimiser.optimise(indianapolis);

        assertThat(plan.recommendedPackages()).containsExactly(stored.id());
        assertThat(plan.recommended()).isEmpty();
        assertThat(plan.packageOptions()).isEqualTo(1);
        long total = plan.totalSurplus().getFirst().amountMinorUnits();
        long pairsOnly = plan.pairsOnlySurplus().getFirst().amountMinorUnits();
        assertThat(pairsOnly).isPositive();
        assertThat(total).isEqualTo(stored.score().surplus().amountMinorUnits()).isGreaterThan(pairsOnly);
        var selection = plan.selections().getFirst();
        assertThat(selection.method()).isEqualTo(SelectionMethod.EXACT_MIP);
        assertThat(selection.upperBound()).isEqualTo(selection.surplus());
        assertThat(selection.gap()).isZero();
        assertThat(fixture.matches.findPlan(indianapolis)).contains(plan);
    }

    @Test
    void aboveTheExactThresholdTheHeuristicChoosesAndThePlanCarriesItsBoundAndGap() {
        var heuristic = new MatchOptimiser(fixture.lanes, fixture.matches, fixture.packages,
                new DynamoDbTradingPartners(fixture.dynamoDb, fixture.partnersTable), MatchingConfig.DEFAULT,
                new SelectionSolver(new SelectionSolver.Settings(0, Duration.ofSeconds(1), 300, 5)), fixture.clock);

        var plan = heuristic.optimise(indianapolis);

        assertThat(plan.recommendedPackages()).containsExactly(stored.id());
        var selection = plan.selections().getFirst();
        assertThat(selection.method()).isEqualTo(SelectionMethod.LAGRANGIAN_HEURISTIC);
        assertThat(selection.surplus()).isEqualTo(plan.totalSurplus().getFirst());
        assertThat(selection.upperBound().amountMinorUnits()).isGreaterThanOrEqualTo(
                selection.surplus().amountMinorUnits());
        assertThat(selection.gap()).isEqualTo((double) (selection.upperBound().amountMinorUnits()
                - selection.surplus().amountMinorUnits()) / selection.upperBound().amountMinorUnits());
    }

    @Test
    void theOperatorRouteShowsTheRecommendedPackageAndWhatItGainedOverPairsOnly() throws Exception {
        var response = fixture.send(fixture.event("operator-optimise-regions.json",
                Map.of("OPERATOR_KEY", "bhxop_" + "0".repeat(43), "REGION", indianapolis.value())));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        var plan = new ObjectMapper().readTree(response.getBody()).path("plans").path(0);
        assertThat(plan.path("recommendedPackageIds").path(0).asText()).isEqualTo(stored.id().value());
        assertThat(plan.path("packageOptions").asInt()).isEqualTo(1);
        assertThat(plan.path("totalSurplus").path(0).path("amountMinorUnits").asLong())
                .isGreaterThan(plan.path("pairsOnlySurplus").path(0).path("amountMinorUnits").asLong());
        assertThat(plan.path("selections").path(0).path("method").asText()).isEqualTo("EXACT_MIP");
    }

    @Test
    void theCarrierSeesTheMarkOnThePackageAndInItsLanesPackages() {
        optimiser.optimise(indianapolis);

        var now = fixture.clock.instant();
        var found = fixture.packages.find(stored.id()).orElseThrow();
        assertThat(found.recommendation()).isNotNull();
        assertThat(found.recommendation().region()).isEqualTo(indianapolis);
        assertThat(found.recommendation().recommendedAt()).isEqualTo(now);
        assertThat(fixture.packages.rankedForLane(roundTrip.laneId(), now, 10, null).items()).singleElement()
                .satisfies(listed -> assertThat(listed.recommendation()).isEqualTo(found.recommendation()));
        assertThat(fixture.matches.rankedForLane(toChicago.laneId(), now, 10, null).items())
                .allSatisfy(match -> assertThat(match.recommendation()).isNull());
    }

    @Test
    void aPackageWithALaneNoLongerOpenIsDroppedAndLosesItsMarkToThePair() {
        optimiser.optimise(indianapolis);
        fixture.clock.advance(Duration.ofMinutes(10));
        var third = triangle.get(2);
        fixture.lanes.changeStatus(third.withStatus(LaneStatus.WITHDRAWN, fixture.clock.instant()), LaneStatus.OPEN);

        var plan = optimiser.optimise(indianapolis);

        assertThat(plan.packageOptions()).isZero();
        assertThat(plan.recommendedPackages()).isEmpty();
        assertThat(plan.recommended()).containsExactly(MatchId.of(toChicago.lane().id(), triangle.get(0).lane().id()));
        assertThat(fixture.packages.find(stored.id()).orElseThrow().recommendation()).isNull();
        assertThat(plan.totalSurplus()).isEqualTo(plan.pairsOnlySurplus());
    }

    @Test
    void aRecomputationByTheMatchEngineKeepsTheMark() {
        optimiser.optimise(indianapolis);
        fixture.clock.advance(Duration.ofMinutes(5));

        storePackage(roundTrip, triangle);

        assertThat(fixture.packages.find(stored.id()).orElseThrow().recommendation()).isNotNull();
    }

    /** A truck empty in St. Louis that can take the second load alone, home to Chicago. */
    private PostedLane.Capacity truckInStLouis() {
        return fixture.postings.post(new CapacityLane(new CapacityLaneId("00000000000000000000000000"),
                carrier.id(), Postings.ST_LOUIS, Postings.CHICAGO, Postings.MONDAY_6AM,
                Postings.MONDAY_6AM.plusDays(2).withHour(20), EquipmentType.DRY_VAN, 44_000, 26, 150, 150, null,
                LaneStatus.OPEN));
    }

    @Test
    void acrossTheBorderALoadIsClaimedByTheFirstRegionInOrderAndNeverRecommendedTwice() {
        var stLouisTruck = truckInStLouis();
        var stLouis = MatchingRegion.of(stLouisTruck);
        var secondLoadAlone = MatchId.of(stLouisTruck.lane().id(), triangle.get(1).lane().id());

        var packageFirst = optimiser.optimiseAll(List.of(indianapolis, stLouis));
        assertThat(packageFirst.get(0).recommendedPackages()).containsExactly(stored.id());
        assertThat(packageFirst.get(1).recommended()).doesNotContain(secondLoadAlone);
        assertThat(packageFirst.get(1).loads()).isZero();

        fixture.clock.advance(Duration.ofMinutes(1));
        var pairFirst = optimiser.optimiseAll(List.of(stLouis, indianapolis));
        assertThat(pairFirst.get(0).recommended()).containsExactly(secondLoadAlone);
        assertThat(pairFirst.get(1).recommendedPackages()).isEmpty();
        assertThat(pairFirst.get(1).recommended())
                .containsExactly(MatchId.of(toChicago.lane().id(), triangle.get(0).lane().id()));
        assertThat(fixture.packages.find(stored.id()).orElseThrow().recommendation()).isNull();
    }
}
