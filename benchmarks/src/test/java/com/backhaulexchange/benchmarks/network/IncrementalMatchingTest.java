package com.backhaulexchange.benchmarks.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.matching.selection.PackingOption;
import com.backhaulexchange.matching.selection.SetPacking;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IncrementalMatchingTest {

    /** Finds the seed whose posting order (trucks 0 … t − 1, then the loads) is the one wanted. */
    private static long seedPosting(int lanes, int... wanted) {
        for (long seed = 0; seed < 100_000; seed++) {
            if (Arrays.equals(IncrementalMatching.postingOrder(lanes, seed), wanted)) {
                return seed;
            }
        }
        throw new AssertionError("no seed gives " + Arrays.toString(wanted));
    }

    @Test
    void theFirstPostingTakesItsBestOptionAmongTheLanesAlreadyThereAndLaterBetterOnesAreLost() {
        // Trucks 0, 1 (lanes 0, 1); loads 0, 1 (lanes 2, 3). Truck 0 with load 0: 100; truck 1 with load 0: 300;
        // truck 0 with loads 0 then 1: 500. Posted: truck 0, load 0, truck 1, load 1.
        var pair00 = PackingOption.of(0, 100, 0);
        var pair10 = PackingOption.of(1, 300, 0);
        var package001 = PackingOption.of(0, 500, 0, 1);
        long seed = seedPosting(4, 0, 2, 1, 3);

        // Load 0 arrives while truck 0 waits: it takes the only option it can (100); truck 1 and the package lose it.
        assertThat(IncrementalMatching.firstComeFirstServed(List.of(pair00, pair10, package001), 2, 2, seed))
                .containsExactly(pair00);
        assertThat(IncrementalMatching.firstComeFirstServed(List.of(pair00, pair10), 2, 2, seed))
                .containsExactly(pair00);
    }

    @Test
    void aLoadCompletesAPackageForATruckThatWaited() {
        // Posted load 0, truck 0, load 1: when the truck posts, only the pair is complete (100), and it is taken
        // before load 1 could complete the package. Posted truck 0, load 1, load 0: load 0 completes the pair and
        // the package at once, and the package (500) wins.
        var pair00 = PackingOption.of(0, 100, 0);
        var package001 = PackingOption.of(0, 500, 0, 1);

        assertThat(IncrementalMatching.firstComeFirstServed(List.of(pair00, package001), 1, 2, seedPosting(3, 1, 0, 2)))
                .containsExactly(pair00);
        assertThat(IncrementalMatching.firstComeFirstServed(List.of(pair00, package001), 1, 2, seedPosting(3, 0, 2, 1)))
                .containsExactly(package001);
    }

    @Test
    void onRandomInstancesEveryTruckAndLoadIsTakenOnceAndTheOptimumIsNeverBeaten() {
        Random random = new Random(20261204);
        for (int instance = 0; instance < 200; instance++) {
            int trucks = 1 + random.nextInt(5);
            int loads = 1 + random.nextInt(6);
            List<PackingOption> options = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(12); i++) {
                int size = 1 + random.nextInt(Math.min(3, loads));
                List<Integer> chosen = new ArrayList<>();
                while (chosen.size() < size) {
                    int load = random.nextInt(loads);
                    if (!chosen.contains(load)) {
                        chosen.add(load);
                    }
                }
                options.add(PackingOption.of(random.nextInt(trucks), 1 + random.nextInt(1_000),
                        chosen.stream().mapToInt(Integer::intValue).toArray()));
            }

            var taken = IncrementalMatching.firstComeFirstServed(options, trucks, loads, random.nextLong());

            Set<Integer> trucksUsed = new HashSet<>();
            Set<Integer> loadsUsed = new HashSet<>();
            for (PackingOption option : taken) {
                assertThat(options).contains(option);
                assertThat(trucksUsed.add(option.truck())).isTrue();
                for (int load : option.loads()) {
                    assertThat(loadsUsed.add(load)).isTrue();
                }
            }
            long optimum = new SetPacking(options, trucks, loads).exact(10).surplus();
            assertThat(PackingOption.totalSurplus(taken)).isLessThanOrEqualTo(optimum);
            // Maximal: an option left out clashes with something taken (every lane is posted by the end).
            for (PackingOption option : options) {
                boolean free = !trucksUsed.contains(option.truck())
                        && Arrays.stream(option.loads()).noneMatch(loadsUsed::contains);
                assertThat(free).as("option %s is free after every posting", option).isFalse();
            }
        }
    }
}
