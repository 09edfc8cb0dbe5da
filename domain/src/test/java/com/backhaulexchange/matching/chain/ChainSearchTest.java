package com.backhaulexchange.matching.chain;

import static com.backhaulexchange.matching.chain.ChainExamples.CHICAGO;
import static com.backhaulexchange.matching.chain.ChainExamples.CINCINNATI;
import static com.backhaulexchange.matching.chain.ChainExamples.COLUMBUS;
import static com.backhaulexchange.matching.chain.ChainExamples.INDIANAPOLIS;
import static com.backhaulexchange.matching.chain.ChainExamples.KANSAS_CITY;
import static com.backhaulexchange.matching.chain.ChainExamples.PITTSBURGH;
import static com.backhaulexchange.matching.chain.ChainExamples.ST_LOUIS;
import static com.backhaulexchange.matching.chain.ChainExamples.TWO_DOLLARS_A_MILE;
import static com.backhaulexchange.matching.chain.ChainExamples.chicago;
import static com.backhaulexchange.matching.chain.ChainExamples.chicagoToIndianapolis;
import static com.backhaulexchange.matching.chain.ChainExamples.chicagoToPittsburgh;
import static com.backhaulexchange.matching.chain.ChainExamples.daytonToPittsburgh;
import static com.backhaulexchange.matching.chain.ChainExamples.load;
import static com.backhaulexchange.matching.chain.ChainExamples.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.matching.MatchingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Chicago → Pittsburgh truck among five candidate loads. By hand (deadhead limits 150 miles, $2 a mile):
 * three orders pass, Chicago→Indianapolis, Cincinnati→Columbus, Dayton→Pittsburgh ($1,917.49 surplus),
 * Chicago→Indianapolis, Cincinnati→Columbus, Columbus→Pittsburgh ($1,828.46) and Chicago→Indianapolis,
 * Dayton→Pittsburgh ($1,796.22); every other order breaks a deadhead limit.
 */
class ChainSearchTest {

    private static final ChainSearch SEARCH = new ChainSearch(MatchingConfig.DEFAULT);

    /** Cincinnati → Columbus (119.0 loaded miles), Monday afternoon, $500. */
    private static LoadLane cincinnatiToColumbus() {
        return load(3, CINCINNATI, COLUMBUS, window(chicago(0, 12, 0), chicago(0, 18, 0)),
                window(chicago(0, 14, 0), chicago(0, 20, 0)), 50_000);
    }

    /** Columbus → Pittsburgh (194.3 loaded miles), Tuesday. */
    private static LoadLane columbusToPittsburgh(long budgetCents) {
        return load(4, COLUMBUS, PITTSBURGH, window(chicago(1, 6, 0), chicago(1, 10, 0)),
                window(chicago(1, 10, 0), chicago(1, 18, 0)), budgetCents);
    }

    /** Far from this truck's road. */
    private static LoadLane stLouisToKansasCity() {
        return load(5, ST_LOUIS, KANSAS_CITY, window(chicago(0, 6, 0), chicago(1, 10, 0)),
                window(chicago(0, 10, 0), chicago(2, 18, 0)), 150_000);
    }

    /** A flatbed load the dry van can never carry. */
    private static LoadLane flatbed() {
        return LaneExamples.loadBuilder().id(LaneExamples.loadId(6)).route(CHICAGO, INDIANAPOLIS)
                .windows(chicagoToIndianapolis().pickupWindow(), chicagoToIndianapolis().deliveryWindow())
                .equipment(EquipmentType.FLATBED).build();
    }

    private static List<LoadLane> candidates() {
        return List.of(stLouisToKansasCity(), flatbed(), daytonToPittsburgh(), columbusToPittsburgh(70_000),
                cincinnatiToColumbus(), chicagoToIndianapolis());
    }

    private static List<LoadLaneId> ids(int... loads) {
        return java.util.Arrays.stream(loads).mapToObj(LaneExamples::loadId).toList();
    }

    @Test
    void findsTheFeasibleChainsBestFirst() {
        ChainSearch.Result result = SEARCH.search(chicagoToPittsburgh(), TWO_DOLLARS_A_MILE, candidates(), 10);

        assertThat(result.best()).extracting(chain -> chain.explanation().loadLaneIds(),
                chain -> chain.score().surplus()).containsExactly(
                        tuple(ids(1, 3, 2), Money.of(191_749, "USD")),
                        tuple(ids(1, 3, 4), Money.of(182_846, "USD")),
                        tuple(ids(1, 2), Money.of(179_622, "USD")));
        assertThat(result.stats().candidatesGiven()).isEqualTo(6);
        assertThat(result.stats().candidatesConsidered()).isEqualTo(5);
        assertThat(result.stats().truncated()).isFalse();
        assertThat(result.stats().sequencesPassed()).isEqualTo(3);
    }

    @Test
    void aLaneWithoutAChainIsToldWhyTheNearestFail() {
        ChainSearch.Result result = SEARCH.search(chicagoToPittsburgh(), TWO_DOLLARS_A_MILE,
                List.of(chicagoToIndianapolis(), cincinnatiToColumbus()), 3);

        assertThat(result.best()).isEmpty();
        assertThat(result.nearestRejected()).isNotEmpty();
        ChainEvaluation.Infeasible nearest = result.nearestRejected().getFirst();
        assertThat(nearest.explanation().loadLaneIds()).isEqualTo(ids(1, 3));
        assertThat(nearest.rejections()).extracting(ChainRejection::loadIndex, ChainRejection::reasonCode)
                .containsExactly(tuple(1, "DESTINATION_DEADHEAD_EXCEEDED"));
    }

    @Test
    void staysWithinItsBounds() {
        var fewCandidates = new ChainSearch(MatchingConfig.DEFAULT, ReloadPreferences.DEFAULT,
                new ChainSearch.Bounds(3, 100_000, 400));
        ChainSearch.Result nearestThree = fewCandidates.search(chicagoToPittsburgh(), TWO_DOLLARS_A_MILE,
                candidates(), 10);
        // Least detour alone: Columbus → Pittsburgh (33.3 miles), Dayton → Pittsburgh (58.0), Chicago →
        // Indianapolis (99.2); Cincinnati → Columbus (121.6) is left out, and every chain through it with it.
        assertThat(nearestThree.stats().candidatesConsidered()).isEqualTo(3);
        assertThat(nearestThree.best()).extracting(chain -> chain.explanation().loadLaneIds())
                .containsExactly(ids(1, 2));

        var fewPrefixes = new ChainSearch(MatchingConfig.DEFAULT, ReloadPreferences.DEFAULT,
                new ChainSearch.Bounds(40, 3, 400));
        ChainSearch.Result cut = fewPrefixes.search(chicagoToPittsburgh(), TWO_DOLLARS_A_MILE, candidates(), 10);
        assertThat(cut.stats().truncated()).isTrue();
        assertThat(cut.stats().prefixesExplored()).isLessThanOrEqualTo(4);

        var fewEvaluations = new ChainSearch(MatchingConfig.DEFAULT, ReloadPreferences.DEFAULT,
                new ChainSearch.Bounds(40, 100_000, 1));
        ChainSearch.Result best = fewEvaluations.search(chicagoToPittsburgh(), TWO_DOLLARS_A_MILE, candidates(), 0);
        assertThat(best.stats().fullEvaluations()).isEqualTo(1);
        assertThat(best.stats().truncated()).isTrue();
    }

    @Test
    void aNewLoadThatCompletesOrImprovesChains() {
        CapacityLane rich = chicagoToPittsburgh();
        CapacityLane poor = LaneExamples.capacityBuilder().id(LaneExamples.capacityId(2))
                .route(CHICAGO, PITTSBURGH).times(rich.availableFrom(), rich.mustArriveBy()).build();
        LoadLane newLoad = columbusToPittsburgh(90_000);

        List<ChainSearch.Opportunity> opportunities = SEARCH.completedBy(newLoad, List.of(
                new ChainSearch.LaneWithCandidates(rich, TWO_DOLLARS_A_MILE,
                        List.of(chicagoToIndianapolis(), cincinnatiToColumbus(), daytonToPittsburgh())),
                new ChainSearch.LaneWithCandidates(poor, TWO_DOLLARS_A_MILE,
                        List.of(chicagoToIndianapolis(), cincinnatiToColumbus()))), 5);

        // With a $900 budget, 1 → 3 → 4 leaves $2,028.46, above the rich lane's best without it (1 → 3 → 2).
        assertThat(opportunities).extracting(ChainSearch.Opportunity::capacityLaneId,
                opportunity -> opportunity.chain().explanation().loadLaneIds(), ChainSearch.Opportunity::effect,
                opportunity -> opportunity.bestWithout() == null ? null
                        : opportunity.bestWithout().explanation().loadLaneIds())
                .containsExactly(
                        tuple(rich.id(), ids(1, 3, 4), ChainSearch.Effect.IMPROVES, ids(1, 3, 2)),
                        tuple(poor.id(), ids(1, 3, 4), ChainSearch.Effect.COMPLETES, null));
        assertThat(opportunities.getFirst().chain().score().surplus()).isEqualTo(Money.of(202_846, "USD"));
    }
}
