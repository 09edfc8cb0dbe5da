package com.backhaulexchange.function.optimiser;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.testing.Postings;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The case first-come matching gets wrong: truck A (Dallas → Chicago) can take load X (Dallas → St. Louis,
 * on its way, the best pair of all) or load Y (Dallas → Springfield, IL); truck B (Dallas → Memphis) can take
 * only X. Greedy gives X to A and leaves B and Y unmatched; the optimum gives Y to A and X to B.
 */
class MatchOptimiserTest {
    private OptimiserFixture fixture;
    private MatchOptimiser optimiser;
    private PostedLane.Capacity truckA;
    private PostedLane.Capacity truckB;
    private PostedLane.Load loadX;
    private PostedLane.Load loadY;
    private MatchingRegion dallas;
    private Partner shipper;

    @BeforeEach
    void aRegionWhereGreedyMatchingLosesSurplus() {
        fixture = new OptimiserFixture();
        optimiser = fixture.optimiser();
        Partner carrier = fixture.carrier();
        shipper = fixture.shipper();
        truckA = fixture.postings.post(Postings.truck(carrier.id(), Postings.CHICAGO, 350));
        truckB = fixture.postings.post(Postings.truck(carrier.id(), Postings.MEMPHIS, 300));
        loadX = fixture.postings.post(Postings.load(shipper.id(), Postings.DALLAS, Postings.ST_LOUIS, 38_000,
                Money.of(300_000, "USD")));
        loadY = fixture.postings.post(Postings.load(shipper.id(), Postings.DALLAS, Postings.SPRINGFIELD_IL, 38_000,
                Money.of(200_000, "USD")));
        dallas = MatchingRegion.of(truckA);
    }

    @Test
    void theOptimumGivesEachTruckALoadWhereGreedyStrandsOne() {
        var plan = optimiser.optimise(dallas);

        assertThat(plan.trucks()).isEqualTo(2);
        assertThat(plan.loads()).isEqualTo(2);
        assertThat(plan.feasiblePairs()).isEqualTo(3);
        assertThat(plan.recommended()).containsExactlyInAnyOrder(
                MatchId.of(truckA.lane().id(), loadY.lane().id()), MatchId.of(truckB.lane().id(), loadX.lane().id()));
        long optimal = plan.totalSurplus().getFirst().amountMinorUnits();
        long greedy = plan.greedySurplus().getFirst().amountMinorUnits();
        assertThat(optimal).isGreaterThan(greedy);
        assertThat(fixture.matches.findPlan(dallas)).contains(plan);
    }

    @Test
    void theRecommendedPairsAreStoredAsMatchesMarkedForBothParties() {
        var plan = optimiser.optimise(dallas);

        for (MatchId id : plan.recommended()) {
            var match = fixture.matches.find(id).orElseThrow();
            assertThat(match.recommendation()).isNotNull();
            assertThat(match.recommendation().region()).isEqualTo(dallas);
            var ownLane = fixture.matches.rankedForLane(match.loadLaneId().value(), fixture.clock.instant(), 10, null);
            assertThat(ownLane.items()).filteredOn(listed -> listed.id().equals(id)).singleElement()
                    .satisfies(listed -> assertThat(listed.recommendation()).isEqualTo(match.recommendation()));
        }
    }

    @Test
    void whenTheBookChangesThePairsNoLongerRecommendedLoseTheMark() {
        var first = optimiser.optimise(dallas);
        var truckBWithX = MatchId.of(truckB.lane().id(), loadX.lane().id());
        assertThat(first.recommended()).contains(truckBWithX);

        fixture.clock.advance(Duration.ofMinutes(10));
        fixture.lanes.changeStatus(loadY.withStatus(LaneStatus.WITHDRAWN, fixture.clock.instant()), LaneStatus.OPEN);
        fixture.matches.retractAllOf(loadY.laneId(), fixture.clock.instant());
        var second = optimiser.optimise(dallas);

        var truckAWithX = MatchId.of(truckA.lane().id(), loadX.lane().id());
        assertThat(second.recommended()).containsExactly(truckAWithX);
        assertThat(fixture.matches.find(truckBWithX).orElseThrow().recommendation()).isNull();
        assertThat(fixture.matches.find(truckAWithX).orElseThrow().recommendation().recommendedAt())
                .isEqualTo(fixture.clock.instant());
    }

    @Test
    void lanesWhoseTimeHasPassedAreLeftOut() {
        fixture.clock.advance(Duration.between(fixture.clock.instant(), loadX.matchableUntil()));

        var plan = optimiser.optimise(dallas);

        assertThat(plan.loads()).isZero();
        assertThat(plan.recommended()).isEmpty();
    }

    @Test
    void aSuspendedShippersLoadsAreLeftOutOfThePlan() {
        fixture.partners.save(shipper.suspended("fraud review", fixture.clock.instant()), shipper.version());

        var plan = optimiser.optimise(dallas);

        assertThat(plan.loads()).isZero();
        assertThat(plan.recommended()).isEmpty();
    }
}
