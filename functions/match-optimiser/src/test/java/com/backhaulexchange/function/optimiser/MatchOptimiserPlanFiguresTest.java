package com.backhaulexchange.function.optimiser;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.dynamodb.DynamoDbNetworkStore;
import com.backhaulexchange.deal.network.NetworkWeek;
import com.backhaulexchange.deal.network.PlanCounters;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.testing.Postings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each stored plan adds its week's plan figures (ADR 48): one plan more, and the options it recommends that the
 * previous plan of the week did not, so an option the hourly plans keep recommending counts once in its week.
 * The region of {@link MatchOptimiserTest}: the optimum gives truck A load Y and truck B load X.
 */
class MatchOptimiserPlanFiguresTest {
    private static final NetworkWeek W47 = NetworkWeek.parse("2026-W47");

    private OptimiserFixture fixture;
    private MatchOptimiser optimiser;
    private PostedLane.Load loadY;
    private MatchingRegion dallas;

    @BeforeEach
    void aRegionWithTwoTrucksAndTwoLoads() {
        fixture = new OptimiserFixture();
        optimiser = fixture.countingOptimiser();
        Partner carrier = fixture.carrier();
        Partner shipper = fixture.shipper();
        var truckA = fixture.postings.post(Postings.truck(carrier.id(), Postings.CHICAGO, 350));
        fixture.postings.post(Postings.truck(carrier.id(), Postings.MEMPHIS, 300));
        fixture.postings.post(Postings.load(shipper.id(), Postings.DALLAS, Postings.ST_LOUIS, 38_000,
                Money.of(300_000, "USD")));
        loadY = fixture.postings.post(Postings.load(shipper.id(), Postings.DALLAS, Postings.SPRINGFIELD_IL, 38_000,
                Money.of(200_000, "USD")));
        dallas = MatchingRegion.of(truckA);
    }

    private PlanCounters planFigures() {
        var stored = new DynamoDbNetworkStore(fixture.dynamoDb, fixture.analyticsTable).regions(List.of(dallas), W47,
                W47);
        assertThat(stored).hasSize(1);
        return stored.getFirst().counters().plan();
    }

    @Test
    void aStoredPlanAddsItsOptionsLoadsEmptyMilesAvoidedAndSurplusToItsWeek() {
        var plan = optimiser.optimise(dallas);

        PlanCounters figures = planFigures();
        assertThat(figures.plansStored()).isEqualTo(1);
        assertThat(figures.optionsRecommended()).isEqualTo(2);
        assertThat(figures.pairsRecommended()).isEqualTo(2);
        assertThat(figures.loadsRecommended()).isEqualTo(2);
        assertThat(figures.emptyMilesAvoidedPlanned()).isPositive();
        assertThat(figures.surplusPlannedByCurrency()).containsEntry("USD",
                plan.totalSurplus().getFirst().amountMinorUnits());
        assertThat(figures.recommendedOptionsBooked()).isZero();
    }

    @Test
    void aRerunInTheSameWeekCountsOnlyTheOptionsThePreviousPlanDidNotRecommend() {
        optimiser.optimise(dallas);
        fixture.clock.advance(Duration.ofMinutes(60));
        optimiser.optimise(dallas);

        PlanCounters unchanged = planFigures();
        assertThat(unchanged.plansStored()).isEqualTo(2);
        assertThat(unchanged.optionsRecommended()).isEqualTo(2);

        fixture.clock.advance(Duration.ofMinutes(10));
        fixture.lanes.changeStatus(loadY.withStatus(LaneStatus.WITHDRAWN, fixture.clock.instant()), LaneStatus.OPEN);
        fixture.matches.retractAllOf(loadY.laneId(), fixture.clock.instant());
        optimiser.optimise(dallas);

        PlanCounters changed = planFigures();
        assertThat(changed.plansStored()).isEqualTo(3);
        assertThat(changed.optionsRecommended()).as("truck A with load X is new to the week").isEqualTo(3);
        assertThat(changed.loadsRecommended()).isEqualTo(3);
    }

    @Test
    void anOptimiserWithoutTheAnalyticsTableStoresThePlanAlone() {
        var plan = fixture.optimiser().optimise(dallas);

        assertThat(fixture.matches.findPlan(dallas)).contains(plan);
        assertThat(new DynamoDbNetworkStore(fixture.dynamoDb, fixture.analyticsTable).regions(List.of(dallas), W47,
                W47)).isEmpty();
    }

    @Test
    void aRegionWithoutOpenLanesStoresItsPlanButAddsNoWeekToTheFigures() {
        MatchingRegion empty = MatchingRegion.parse("dr");

        var plan = optimiser.optimise(empty);

        assertThat(fixture.matches.findPlan(empty)).contains(plan);
        assertThat(new DynamoDbNetworkStore(fixture.dynamoDb, fixture.analyticsTable).regions(List.of(empty), W47,
                W47)).isEmpty();
    }
}
