package com.backhaulexchange.benchmarks.network;

import com.backhaulexchange.matching.selection.PackingOption;
import com.backhaulexchange.matching.selection.SetPacking;
import static com.backhaulexchange.benchmarks.network.NetworkFixtures.UNIT;
import static com.backhaulexchange.benchmarks.network.NetworkFixtures.load;
import static com.backhaulexchange.benchmarks.network.NetworkFixtures.truck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.matching.MatchEvaluation;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.chain.ChainSearch;
import com.backhaulexchange.matching.chain.ReloadPreferences;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkCandidatesTest {
    private static final MatchingConfig CONFIG = MatchingConfig.DEFAULT;

    @Test
    void theHandBuiltNetworkEndToEnd() {
        // As NetworkEmptyMileAccountingTest: one unit is about 83 road miles, deadhead limits 200.
        var network = new Network(List.of(truck(0, 0, 4), truck(1, 10, 12)),
                List.of(load(0, 0, 2), load(1, 2, 4), load(2, 10, 13)), NetworkFixtures.costs());
        var candidates = new NetworkCandidates(network, CONFIG, ReloadPreferences.DEFAULT, GeoCellScheme.DEFAULT);

        var pairs = candidates.pairs().pairs();
        assertThat(pairs).extracting(p -> p.truck() + ">" + p.load(0)).containsExactlyInAnyOrder("0>0", "0>1", "1>2");
        var chains = candidates.chains(60, 5, ChainSearch.Bounds.DEFAULT, 60).chains();
        assertThat(chains).extracting(c -> c.truck() + ">" + java.util.Arrays.toString(c.loads()))
                .containsExactly("0>[0, 1]");

        List<PackingOption> options = new java.util.ArrayList<>(pairs);
        options.addAll(chains);
        var chosen = new SetPacking(options, 2, 3).lagrangian(100, 5).chosen();
        var figures = new EmptyMileAccounting(network, CONFIG.roadDistance()).with(chosen);
        assertThat(figures.packages()).isEqualTo(1);
        assertThat(figures.emptyShare()).isCloseTo(1.0 / 8, within(1e-9));
        assertThat(figures.emptyMilesAvoided()).isCloseTo(5 * UNIT, within(1e-6));
    }

    @Test
    void theBucketsFindEveryFeasiblePairThatTryingAllPairsFinds() {
        var network = new NetworkGenerator(Instant.parse("2026-12-01T12:00:00Z"), 5).generate(1_000);
        var candidates = new NetworkCandidates(network, CONFIG, ReloadPreferences.DEFAULT, GeoCellScheme.DEFAULT);

        Set<String> bucketed = new HashSet<>();
        for (PackingOption pair : candidates.pairs().pairs()) {
            bucketed.add(pair.truck() + ">" + pair.load(0) + ":" + pair.surplusMinorUnits());
        }
        Set<String> all = new HashSet<>();
        var evaluator = new MatchEvaluator(CONFIG);
        for (int t = 0; t < network.trucks().size(); t++) {
            var truck = network.trucks().get(t);
            for (int l = 0; l < network.loads().size(); l++) {
                if (evaluator.evaluate(truck, network.costOf(truck), network.loads().get(l))
                        instanceof MatchEvaluation.Feasible f && f.score().surplus().amountMinorUnits() > 0) {
                    all.add(t + ">" + l + ":" + f.score().surplus().amountMinorUnits());
                }
            }
        }
        assertThat(all).isNotEmpty();
        assertThat(bucketed).isEqualTo(all);
    }

    @Test
    void aTrucksChainCandidatesAreBounded() {
        var network = new NetworkGenerator(Instant.parse("2026-12-01T12:00:00Z"), 5).generate(4_000);
        var candidates = new NetworkCandidates(network, CONFIG, ReloadPreferences.DEFAULT, GeoCellScheme.DEFAULT);

        for (var truck : network.trucks()) {
            assertThat(candidates.chainCandidates(truck, 10)).hasSizeLessThanOrEqualTo(30).doesNotHaveDuplicates();
        }
    }
}
