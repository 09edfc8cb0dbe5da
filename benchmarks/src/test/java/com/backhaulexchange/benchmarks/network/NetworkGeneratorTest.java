package com.backhaulexchange.benchmarks.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.benchmarks.network.NetworkGenerator.Region;
import com.backhaulexchange.gazetteer.GazetteerEntry;
import com.backhaulexchange.lane.LanePostingPolicies;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NetworkGeneratorTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void halfTrucksHalfLoadsEveryOneALaneThePostingFunctionWouldAccept() {
        var network = new NetworkGenerator(NOW, 3).generate(2_000);

        assertThat(network.trucks()).hasSize(1_000);
        assertThat(network.loads()).hasSize(1_000);
        network.trucks().forEach(truck -> assertThat(LanePostingPolicies.rejections(truck, NOW)).isEmpty());
        network.loads().forEach(load -> assertThat(LanePostingPolicies.rejections(load, NOW)).isEmpty());
    }

    @Test
    void floridaReceivesMoreFreightThanItShipsAndTheWestTheReverse() {
        var network = new NetworkGenerator(NOW, 3).generate(20_000);

        long intoFlorida = network.loads().stream().filter(load -> state(load.destination().label()).equals("FL")).count();
        long outOfFlorida = network.loads().stream().filter(load -> state(load.origin().label()).equals("FL")).count();
        assertThat(intoFlorida).isGreaterThan(3 * outOfFlorida / 2);
        long intoWest = network.loads().stream()
                .filter(load -> Region.WEST.states.contains(state(load.destination().label()))).count();
        long outOfWest = network.loads().stream()
                .filter(load -> Region.WEST.states.contains(state(load.origin().label()))).count();
        assertThat(outOfWest).isGreaterThan(intoWest);
    }

    @Test
    void theSameSeedGivesTheSameNetwork() {
        assertThat(new NetworkGenerator(NOW, 9).generate(300)).isEqualTo(new NetworkGenerator(NOW, 9).generate(300));
    }

    /** The state of a place labelled as {@link GazetteerEntry#label()} labels it. */
    private static String state(String label) {
        return label.substring(label.lastIndexOf(',') + 1).strip().split(" ")[0];
    }
}
