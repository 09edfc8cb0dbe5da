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
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.GeoCell;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.matching.EquipmentCompatibility;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
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
    void aTrucksChainCandidatesAreThoseOfTheirDefinitionFoundByTryingEveryLoad() {
        var network = new NetworkGenerator(Instant.parse("2026-12-01T12:00:00Z"), 5).generate(1_000);
        var candidates = new NetworkCandidates(network, CONFIG, ReloadPreferences.DEFAULT, GeoCellScheme.DEFAULT);

        int given = 0;
        for (var truck : network.trucks()) {
            List<Integer> expected = chainCandidatesByTryingEveryLoad(network, truck, 20);
            assertThat(candidates.chainCandidates(truck, 20)).isEqualTo(expected);
            given += expected.size();
        }
        assertThat(given).isGreaterThan(network.trucks().size());
    }

    /**
     * The definition, over every load: first loads picked up within the origin limit, last loads delivered within
     * the destination limit, middle loads picked up in a cell within the reload limit of a first load's delivery and
     * delivered in a cell within the reload limit of a last load's pickup; each role the 20 of least detour the
     * truck could carry in its time (ties by index), in that order, each load once.
     */
    private static List<Integer> chainCandidatesByTryingEveryLoad(Network network, CapacityLane truck, int perRole) {
        var roads = CONFIG.roadDistance();
        var cells = GeoCellScheme.DEFAULT;
        Coordinates start = truck.emptyAt().coordinates();
        Coordinates end = truck.mustEndAt().coordinates();
        List<Integer> carriable = IntStream.range(0, network.loads().size())
                .filter(l -> couldCarry(truck, network.loads().get(l))).boxed().toList();
        Comparator<Integer> leastDetour = Comparator.comparingDouble((Integer l) -> {
            LoadLane load = network.loads().get(l);
            return roads.roadMiles(start, load.origin().coordinates())
                    + roads.roadMiles(load.origin().coordinates(), load.destination().coordinates())
                    + roads.roadMiles(load.destination().coordinates(), end);
        }).thenComparingInt(l -> l);
        List<Integer> first = carriable.stream().filter(l -> roads.roadMiles(start,
                network.loads().get(l).origin().coordinates()) <= truck.maxOriginDeadheadMiles())
                .sorted(leastDetour).limit(perRole).toList();
        List<Integer> last = carriable.stream().filter(l -> roads.roadMiles(
                network.loads().get(l).destination().coordinates(), end) <= truck.maxDestinationDeadheadMiles())
                .sorted(leastDetour).limit(perRole).toList();
        double reload = roads.greatCircleMilesWithin(ReloadPreferences.DEFAULT.maxReloadDeadheadMiles());
        Set<GeoCell> middleOrigins = new HashSet<>();
        first.forEach(l -> middleOrigins.addAll(cells.cellsCovering(
                network.loads().get(l).destination().coordinates(), reload)));
        Set<GeoCell> middleDestinations = new HashSet<>();
        last.forEach(l -> middleDestinations.addAll(cells.cellsCovering(
                network.loads().get(l).origin().coordinates(), reload)));
        List<Integer> middle = carriable.stream()
                .filter(l -> middleOrigins.contains(cells.cellOf(network.loads().get(l).origin().coordinates()))
                        && middleDestinations.contains(cells.cellOf(
                                network.loads().get(l).destination().coordinates())))
                .sorted(leastDetour).limit(perRole).toList();
        Set<Integer> all = new LinkedHashSet<>(first);
        all.addAll(last);
        all.addAll(middle);
        return List.copyOf(all);
    }

    private static boolean couldCarry(CapacityLane truck, LoadLane load) {
        return EquipmentCompatibility.canCarry(truck.equipment(), load.equipment())
                && load.weightLbs() <= truck.weightCapacityLbs() && load.pallets() <= truck.palletCapacity()
                && load.pickupWindow().closesAt().isAfter(truck.availableFrom().toInstant())
                && load.deliveryWindow().opensAt().isBefore(truck.mustArriveBy().toInstant());
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
