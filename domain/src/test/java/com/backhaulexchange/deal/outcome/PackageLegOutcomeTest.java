package com.backhaulexchange.deal.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.packagedeal.BookedPackageLeg;
import com.backhaulexchange.emissions.EmissionsMethod;
import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.chain.ChainEvaluation;
import com.backhaulexchange.matching.chain.ChainEvaluator;
import com.backhaulexchange.matching.chain.ChainExamples;
import com.backhaulexchange.matching.chain.PackageMatch;
import com.backhaulexchange.matching.chain.ReloadPreferences;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A truck empty in Chicago and due in Pittsburgh carries Chicago → Indianapolis, then Dayton → Pittsburgh, each load
 * booked at USD 1,200 (the booking of {@link DeliveredOutcomeTest}) and delivered: each load's outcome is its share
 * of the chain, and the two add up to the chain's figures.
 */
class PackageLegOutcomeTest {
    private static final Instant NOW = LaneExamples.NOW;
    private static final double MILES = 1e-6;

    private final PostedLane.Capacity truck = new PostedLane.Capacity(ChainExamples.chicagoToPittsburgh(), NOW, NOW);
    private final List<PostedLane.Load> loads = List.of(
            new PostedLane.Load(ChainExamples.chicagoToIndianapolis(), NOW, NOW),
            new PostedLane.Load(ChainExamples.daytonToPittsburgh(), NOW, NOW));
    private final PackageMatch found = PackageMatch.proposed(truck, loads,
            (ChainEvaluation.Feasible) ChainEvaluator.evaluate(truck.lane(), ChainExamples.TWO_DOLLARS_A_MILE,
                    loads.stream().map(PostedLane.Load::lane).toList(), ReloadPreferences.DEFAULT,
                    MatchingConfig.DEFAULT), NOW);
    private final Booking delivered = DeliveredOutcomeTest.delivered(null);

    @Test
    void eachLoadIsCreditedItsShareOfTheChainByItsAttributableMiles() {
        var miles = found.explanation().miles();
        double first = miles.loads().get(0).deadheadToPickupMiles() + miles.loads().get(0).loadedMiles();
        double second = miles.loads().get(1).deadheadToPickupMiles() + miles.loads().get(1).loadedMiles()
                + miles.destinationDeadheadMiles();

        var leg = new BookedPackageLeg(found, 1);
        DeliveredOutcome outcome = DeliveredOutcome.ofPackageLeg(delivered, leg, DeliveredOutcomeTest.LANE_PAIR);

        double share = second / (first + second);
        assertThat(leg.mileShare()).isCloseTo(share, within(1e-12));
        var carrier = outcome.carrier().figures();
        assertThat(carrier.loadedMiles()).as("the load's own loaded miles")
                .isCloseTo(miles.loads().get(1).loadedMiles(), within(MILES));
        assertThat(carrier.emptyMilesDriven()).isCloseTo(miles.totalDeadheadMiles() * share, within(MILES));
        assertThat(carrier.baselineEmptyMiles()).isCloseTo(miles.baselineEmptyMiles() * share, within(MILES));
        assertThat(carrier.emptyMilesAvoided()).isCloseTo(miles.emptyMilesAvoided() * share, within(MILES));
        var money = found.explanation().economics().perLoad().get(1);
        assertThat(carrier.surplusMinorUnits()).containsExactly(java.util.Map.entry("USD",
                120_000 - money.carrierCostShare().amountMinorUnits()));
        assertThat(outcome.shipper().figures().surplusMinorUnits()).containsExactly(java.util.Map.entry("USD",
                money.shipperPrice().amountMinorUnits() - 120_000));
        assertThat(outcome.shipper().figures().emptyMilesAvoided()).isZero();
        assertThat(outcome.carrier().partner()).isEqualTo(delivered.carrier());
        assertThat(outcome.carrier().counterparty()).isEqualTo(delivered.shipper());
    }

    @Test
    void thePackagesLoadsAddUpToTheChainsMilesAndCo2e() {
        var chain = found.explanation();
        double empty = 0;
        double baseline = 0;
        double avoided = 0;
        double wellToWheel = 0;
        double loaded = 0;
        for (int i = 0; i < found.legs().size(); i++) {
            var figures = DeliveredOutcome.ofPackageLeg(delivered, new BookedPackageLeg(found, i),
                    DeliveredOutcomeTest.LANE_PAIR).carrier().figures();
            empty += figures.emptyMilesDriven();
            baseline += figures.baselineEmptyMiles();
            avoided += figures.emptyMilesAvoided();
            loaded += figures.loadedMiles();
            wellToWheel += figures.co2eAvoided().get(EmissionsMethod.DEFAULT).wellToWheel();
        }
        assertThat(empty).isCloseTo(chain.miles().totalDeadheadMiles(), within(MILES));
        assertThat(baseline).isCloseTo(chain.miles().baselineEmptyMiles(), within(MILES));
        assertThat(avoided).isCloseTo(chain.emptyMilesAvoided(), within(MILES));
        assertThat(loaded).isCloseTo(chain.miles().loadedMiles(), within(MILES));
        assertThat(wellToWheel).isCloseTo(chain.co2eAvoided().kgWellToWheel(), within(1e-9));
        assertThat(chain.emptyMilesAvoided()).as("the example avoids empty miles at all").isPositive();
    }

    @Test
    void theCarriersActualMilesReplaceTheLoadsPlannedOnes() {
        var outcome = DeliveredOutcome.ofPackageLeg(DeliveredOutcomeTest.delivered(123.0),
                new BookedPackageLeg(found, 0), DeliveredOutcomeTest.LANE_PAIR);

        assertThat(outcome.carrier().figures().loadedMiles()).isEqualTo(123.0);
        assertThat(outcome.shipper().figures().loadedMiles()).isEqualTo(123.0);
    }
}
