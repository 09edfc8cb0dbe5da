package com.backhaulexchange.benchmarks.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.chain.ChainSearch;
import com.backhaulexchange.matching.chain.ReloadPreferences;
import com.backhaulexchange.matching.selection.PackingOption;
import com.backhaulexchange.matching.selection.SetPacking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Searching the trucks on several threads (ADR 46) changes nothing: on generated networks of the sizes the other
 * network tests use, the pairs, the chains, the search counts and the Lagrangian selection over them are exactly
 * those of the search on one thread, in the same order.
 */
class NetworkThreadsTest {
    private static final MatchingConfig CONFIG = MatchingConfig.DEFAULT;
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @ParameterizedTest(name = "{0} lanes, seed {1}")
    @CsvSource({"1000, 5", "1000, 6", "1000, 7", "1000, 20261203", "4000, 5"})
    void theOptionsAndTheSelectionAreThoseOfOneThread(int lanes, long seed) {
        var network = new NetworkGenerator(NOW, seed).generate(lanes);
        Found oneThread = found(network, 1);

        assertThat(oneThread.chains().chains()).isNotEmpty();
        for (int threads : new int[] {2, 4}) {
            Found parallel = found(network, threads);
            assertThat(parallel.pairs().pairs()).as("pairs on %d threads", threads)
                    .isEqualTo(oneThread.pairs().pairs());
            assertThat(parallel.pairs().screened()).isEqualTo(oneThread.pairs().screened());
            assertThat(parallel.chains().chains()).as("chains on %d threads", threads)
                    .isEqualTo(oneThread.chains().chains());
            assertThat(parallel.chains().searched()).isEqualTo(oneThread.chains().searched());
            assertThat(parallel.chains().truncatedSearches()).isEqualTo(oneThread.chains().truncatedSearches());
            assertThat(parallel.chains().candidatesGiven()).isEqualTo(oneThread.chains().candidatesGiven());
            assertThat(parallel.selection().chosen()).as("selection on %d threads", threads)
                    .isEqualTo(oneThread.selection().chosen());
            assertThat(parallel.selection().upperBound()).isEqualTo(oneThread.selection().upperBound());
        }
    }

    private record Found(NetworkCandidates.Pairs pairs, NetworkCandidates.Chains chains, SetPacking.Result selection) {
    }

    private static Found found(Network network, int threads) {
        var candidates = new NetworkCandidates(network, CONFIG, ReloadPreferences.DEFAULT, GeoCellScheme.DEFAULT,
                threads);
        var pairs = candidates.pairs();
        var chains = candidates.chains(20, 5, ChainSearch.Bounds.DEFAULT, 900);
        List<PackingOption> options = new ArrayList<>(pairs.pairs());
        options.addAll(chains.chains());
        var selection = new SetPacking(options, network.trucks().size(), network.loads().size()).lagrangian(300, 5);
        return new Found(pairs, chains, selection);
    }
}
