package com.backhaulexchange.matching.chain;

import static com.backhaulexchange.matching.chain.ChainExamples.TWO_DOLLARS_A_MILE;
import static com.backhaulexchange.matching.chain.ChainExamples.chicagoToIndianapolis;
import static com.backhaulexchange.matching.chain.ChainExamples.chicagoToPittsburgh;
import static com.backhaulexchange.matching.chain.ChainExamples.daytonToPittsburgh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.MatchingConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageMatchTest {
    private static final Instant NOW = LaneExamples.NOW;

    private final PostedLane.Capacity truck = new PostedLane.Capacity(chicagoToPittsburgh(), NOW, NOW);
    private final List<PostedLane.Load> loads = List.of(new PostedLane.Load(chicagoToIndianapolis(), NOW, NOW),
            new PostedLane.Load(daytonToPittsburgh(), NOW, NOW));
    private final ChainEvaluation.Feasible chain = (ChainEvaluation.Feasible) ChainEvaluator.evaluate(truck.lane(),
            TWO_DOLLARS_A_MILE, loads.stream().map(PostedLane.Load::lane).toList(), ReloadPreferences.DEFAULT,
            MatchingConfig.DEFAULT);

    @Test
    void aProposedPackageIsItsLanesInOrderUntilTheEarliestOfTheirEnds() {
        PackageMatch found = PackageMatch.proposed(truck, loads, chain, NOW);

        assertThat(found.id()).isEqualTo(ReloadPackageId.of(truck.lane().id(),
                List.of(loads.get(0).lane().id(), loads.get(1).lane().id())));
        assertThat(found.legs()).extracting(PackageMatch.Leg::shipper)
                .containsExactly(loads.get(0).lane().shipper(), loads.get(1).lane().shipper());
        assertThat(found.matchableUntil()).as("the first load's pickup window closes first")
                .isEqualTo(loads.getFirst().matchableUntil());
        assertThat(found.isRoundTrip()).isFalse();
        assertThat(found.effectiveStatus(found.matchableUntil().minusSeconds(1))).isEqualTo("PROPOSED");
        assertThat(found.effectiveStatus(found.matchableUntil())).isEqualTo("EXPIRED");
        assertThat(found.retracted(NOW).effectiveStatus(found.matchableUntil())).isEqualTo("RETRACTED");
    }

    @Test
    void itsLegsMustBeItsChainsLoadsInOrder() {
        PackageMatch found = PackageMatch.proposed(truck, loads, chain, NOW);
        assertThatThrownBy(() -> new PackageMatch(found.id(), found.carrier(), found.status(), found.emptyAt(),
                found.mustEndAt(), found.legs().reversed(), found.explanation(), found.score(), NOW,
                found.matchableUntil(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCarrierReadsTheRulesThatCompareAShippersBudgetWithoutAnyAmount() {
        var noSurplus = new ChainRejection(1, new Decision.Rejected("NO_SURPLUS",
                "The carrier's cost of 812.00 USD charged to load 2 is not below its price of 800.00 USD.",
                "/loads/1/budget/amountMinorUnits"));
        var belowMinimum = new ChainRejection(0, new Decision.Rejected("BUDGET_BELOW_CARRIER_MINIMUM",
                "Load 1's budget of 300.00 USD is below the carrier's minimum of 392.70 USD for 196.4 loaded miles.",
                "/loads/0/budget/amountMinorUnits"));
        var window = new ChainRejection(1, new Decision.Rejected("PICKUP_WINDOW_MISSED", "late", "/loads/1/x"));

        assertThat(ChainPolicies.seenByCarrier(noSurplus).reason()).satisfies(reason -> {
            assertThat(reason.reasonCode()).isEqualTo("NO_SURPLUS");
            assertThat(reason.detail()).doesNotContain("USD").contains("load 2");
            assertThat(reason.field()).isEqualTo("/loads/1/budget");
        });
        assertThat(ChainPolicies.seenByCarrier(belowMinimum).reason()).satisfies(reason -> {
            assertThat(reason.detail()).doesNotContain("USD").startsWith("Load 1");
            assertThat(reason.field()).isEqualTo("/loads/0/budget");
        });
        assertThat(ChainPolicies.seenByCarrier(window)).isEqualTo(window);
    }
}
