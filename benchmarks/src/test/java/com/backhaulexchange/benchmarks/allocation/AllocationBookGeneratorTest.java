package com.backhaulexchange.benchmarks.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.benchmarks.matching.UsCities;
import com.backhaulexchange.settlement.collaboration.AllocationRuleName;
import com.backhaulexchange.kernel.geo.GreatCircle;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LanePostingPolicies;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.matching.MatchEvaluation;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.settlement.MemberResult;
import com.backhaulexchange.settlement.PeriodSettlement;
import com.backhaulexchange.settlement.SettlementResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.HashSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AllocationBookGeneratorTest {
    private static final LocalDate PERIOD_START = AllocationBenchmark.Settings.DEFAULT_PERIOD_START;
    private static final Instant NOW = PERIOD_START.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    private static final long REGION = 20261202L;
    private static final UsCities CITIES = UsCities.bundled();
    private static final MatchEvaluator EVALUATOR = new MatchEvaluator(MatchingConfig.DEFAULT);
    private static final AllocationBookGenerator GENERATOR =
            new AllocationBookGenerator(CITIES, PERIOD_START, EVALUATOR);

    @Test
    void membersAreInAscendingIdOrderAndEachPostsAFewTrucksAndLoads() {
        var book = GENERATOR.generate(16, REGION, 5);

        assertThat(book.members()).hasSize(16).doesNotHaveDuplicates();
        assertThat(book.members()).isSortedAccordingTo(
                (a, b) -> a.value().compareTo(b.value()));
        for (var member : book.members()) {
            long trucks = book.capacities().stream().filter(lane -> lane.carrier().equals(member)).count();
            long loads = book.loads().stream().filter(lane -> lane.shipper().equals(member)).count();
            assertThat(trucks).as("trucks of " + member).isPositive();
            assertThat(loads).as("loads of " + member).isPositive();
            assertThat(trucks + loads).isBetween((long) AllocationBookGenerator.MIN_LANES,
                    (long) AllocationBookGenerator.MAX_LANES);
            assertThat(book.carrierCostsPerMile()).containsKey(member);
        }
        var ids = new HashSet<String>();
        book.capacities().forEach(lane -> ids.add(lane.id().value()));
        book.loads().forEach(lane -> ids.add(lane.id().value()));
        assertThat(ids).hasSize(book.capacities().size() + book.loads().size());
    }

    @Test
    void everyLaneIsOneTheLanePostingFunctionWouldAcceptAndStaysInTheRegion() {
        var book = GENERATOR.generate(30, REGION, 11);

        for (CapacityLane lane : book.capacities()) {
            assertThat(LanePostingPolicies.rejections(lane, NOW)).as(lane.toString()).isEmpty();
            assertThat(lane.availableFrom().toInstant()).isAfterOrEqualTo(NOW);
        }
        for (LoadLane lane : book.loads()) {
            assertThat(LanePostingPolicies.rejections(lane, NOW)).as(lane.toString()).isEmpty();
            assertThat(lane.pickupWindow().opensAt()).isAfterOrEqualTo(NOW);
            assertThat(GreatCircle.miles(book.hub().coordinates(), lane.origin().coordinates()))
                    .isLessThanOrEqualTo(AllocationBookGenerator.REGION_MILES + 1);
            assertThat(GreatCircle.miles(book.hub().coordinates(), lane.destination().coordinates()))
                    .isLessThanOrEqualTo(AllocationBookGenerator.REGION_MILES + 1);
        }
    }

    @Test
    void everyPairIsTheMatchEvaluatorsFeasibleSurplusAndEveryOtherPairIsNot() {
        var book = GENERATOR.generate(8, REGION, 3);

        var listed = new HashSet<Long>();
        for (var pair : book.pairs()) {
            listed.add((long) pair.capacity() << 32 | pair.load());
            CapacityLane capacity = book.capacities().get(pair.capacity());
            var evaluation = EVALUATOR.evaluate(capacity, book.carrierCostsPerMile().get(capacity.carrier()),
                    book.loads().get(pair.load()));
            assertThat(evaluation).isInstanceOf(MatchEvaluation.Feasible.class);
            var feasible = (MatchEvaluation.Feasible) evaluation;
            assertThat(pair.surplus()).isPositive().isEqualTo(feasible.score().surplus().amountMinorUnits());
            assertThat(pair.shipperPrice() - pair.carrierIncrementalCost()).isEqualTo(pair.surplus());
        }
        for (int i = 0; i < book.capacities().size(); i++) {
            CapacityLane capacity = book.capacities().get(i);
            for (int j = 0; j < book.loads().size(); j++) {
                if (!listed.contains((long) i << 32 | j)) {
                    var evaluation = EVALUATOR.evaluate(capacity,
                            book.carrierCostsPerMile().get(capacity.carrier()), book.loads().get(j));
                    assertThat(evaluation instanceof MatchEvaluation.Feasible feasible
                            && feasible.score().surplus().amountMinorUnits() > 0).isFalse();
                }
            }
        }
    }

    @Test
    void theMarketIsACollaborationWorthHavingAndTheSameSeedGivesTheSameBook() {
        var book = GENERATOR.generate(12, REGION, 7);
        var market = book.market();

        assertThat(market.players()).isEqualTo(12);
        assertThat(market.capacityLanes()).isEqualTo(book.capacities().size());
        assertThat(market.loadLanes()).isEqualTo(book.loads().size());
        double standAlone = IntStream.range(0, 12).mapToDouble(market::standAloneValue).sum();
        assertThat(market.grandCoalitionValue()).isGreaterThan(standAlone);
        BitSet all = new BitSet();
        all.set(0, 12);
        assertThat(market.value(all)).isEqualTo(market.grandCoalitionValue());
        assertThat(GENERATOR.generate(12, REGION, 7)).isEqualTo(book);
    }

    @Test
    void theSettlementCaseRealisesTheOptimumAndSettlesInPeriodZero() {
        var book = GENERATOR.generate(8, REGION, 9);
        var market = book.market();
        var settlementCase = SettlementCase.of(book, market, PERIOD_START, AllocationRuleName.SHAPLEY, 9);

        var period = settlementCase.inputs().period();
        assertThat(settlementCase.inputs().bookings()).isNotEmpty().allSatisfy(booking -> {
            assertThat(period.contains(booking.pickupAt())).isTrue();
            assertThat(booking.carrierGain().isNegative()).isFalse();
            assertThat(booking.shipperGain().isNegative()).isFalse();
        });
        SettlementResult result = PeriodSettlement.settle(settlementCase.inputs(), settlementCase.agreement())
                .orElseThrow();
        assertThat(result.realisedTotal()).isEqualTo(result.marketOptimum())
                .isEqualTo((long) market.grandCoalitionValue());
        assertThat(result.finalTotal()).isEqualTo(result.realisedTotal() - SettlementCase.TONU_FEE);
        assertThat(result.members()).extracting(MemberResult::fairShare).hasSize(8);
    }
}
