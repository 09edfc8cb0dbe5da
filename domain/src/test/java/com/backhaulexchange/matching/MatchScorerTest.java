package com.backhaulexchange.matching;

import static com.backhaulexchange.lane.LaneExamples.capacityId;
import static com.backhaulexchange.lane.LaneExamples.loadId;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.kernel.money.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatchScorerTest {

    private static MatchScore score(long surplusCents, double emptyMilesAvoided, double outOfRouteMiles, int capacity,
            int load) {
        return new MatchScore(Money.of(surplusCents, "USD"), emptyMilesAvoided, outOfRouteMiles, capacityId(capacity),
                loadId(load));
    }

    @Test
    void higherSurplusRanksFirst() {
        List<MatchScore> scores = new ArrayList<>(List.of(score(100, 0, 0, 1, 1), score(300, 0, 0, 1, 2),
                score(200, 0, 0, 1, 3)));
        scores.sort(MatchScorer.BEST_FIRST);
        assertThat(scores).extracting(score -> score.surplus().amountMinorUnits()).containsExactly(300L, 200L, 100L);
    }

    @Test
    void tiesGoToMoreEmptyMilesAvoidedThenFewerOutOfRouteMilesThenLaneIds() {
        MatchScore fewerAvoided = score(100, 50, 10, 1, 1);
        MatchScore moreOutOfRoute = score(100, 80, 20, 1, 2);
        MatchScore best = score(100, 80, 10, 2, 3);
        MatchScore sameButLaterLoad = score(100, 80, 10, 2, 4);
        MatchScore sameButLaterCapacity = score(100, 80, 10, 3, 1);
        List<MatchScore> scores = new ArrayList<>(List.of(fewerAvoided, moreOutOfRoute, sameButLaterCapacity,
                sameButLaterLoad, best));

        scores.sort(MatchScorer.BEST_FIRST);

        assertThat(scores).containsExactly(best, sameButLaterLoad, sameButLaterCapacity, moreOutOfRoute, fewerAvoided);
    }

    @Test
    void theRankingDoesNotDependOnTheInputOrder() {
        List<MatchScore> scores = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 50; i++) {
            scores.add(score(random.nextInt(5), random.nextInt(3), random.nextInt(3), random.nextInt(4),
                    random.nextInt(50)));
        }
        List<MatchScore> sorted = scores.stream().sorted(MatchScorer.BEST_FIRST).toList();
        Collections.shuffle(scores, random);
        assertThat(scores.stream().sorted(MatchScorer.BEST_FIRST).toList()).isEqualTo(sorted);
    }

    @Test
    void aPostingWithoutAMatchIsToldWhyItsNearestCandidatesFailed() {
        var capacity = LaneExamples.capacity();
        var config = MatchingConfig.DEFAULT;
        Money cost = Money.of(200, "USD");
        // Same load, further and further away (each 50 miles further north), and all too heavy.
        List<MatchEvaluation> evaluations = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            var load = LaneExamples.loadBuilder().id(loadId(i)).size(46_000, 20)
                    .route(LaneExamples.northOfOrigin(50.0 * i), LaneExamples.northOfOrigin(600 + 50.0 * i)).build();
            evaluations.add(MatchEvaluator.evaluate(capacity, cost, load, config));
        }

        MatchScorer.Shortlist shortlist = MatchScorer.shortlist(evaluations, 3);

        assertThat(shortlist.best()).isEmpty();
        assertThat(shortlist.nearestRejected()).extracting(rejected -> rejected.explanation().loadLaneId())
                .containsExactly(loadId(1), loadId(2), loadId(3));
        assertThat(shortlist.nearestRejected().get(0).reasonCodes()).containsExactly("OVERWEIGHT");
    }

    @Test
    void theShortlistKeepsTheBestFeasibleCounterparts() {
        var capacity = LaneExamples.capacity();
        List<MatchEvaluation> evaluations = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            var load = LaneExamples.loadBuilder().id(loadId(i)).budget(Money.of(100_000L + i * 1_000, "USD")).build();
            evaluations.add(MatchEvaluator.evaluate(capacity, Money.of(200, "USD"), load, MatchingConfig.DEFAULT));
        }
        assertThat(MatchScorer.shortlist(evaluations, 2).best()).extracting(best -> best.score().loadLaneId())
                .containsExactly(loadId(4), loadId(3));
    }
}
