package com.backhaulexchange.matching.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SetPackingTest {

    /** Truck 0 can take loads 0 and 1 together (10) or load 0 alone (6); truck 1 can take load 1 (6). */
    private static final List<PackingOption> TRAP = List.of(PackingOption.of(0, 10, 0, 1), PackingOption.of(0, 6, 0),
            PackingOption.of(1, 6, 1));

    @Test
    void greedyFallsIntoTheTrapTheOtherSelectionsDoNot() {
        var packing = new SetPacking(TRAP, 2, 2);

        assertThat(packing.greedy().surplus()).isEqualTo(10);
        assertThat(packing.exact(10).surplus()).isEqualTo(12);
        assertThat(packing.exact(10).status()).isEqualTo("OPTIMAL");
        var lagrangian = packing.lagrangian(200, 5);
        assertThat(lagrangian.surplus()).isEqualTo(12);
        assertThat(lagrangian.upperBound()).isGreaterThanOrEqualTo(12 - 1e-6);
    }

    @Test
    void onRandomSmallInstancesTheExactOneIsTheBruteForceOptimumAndTheBoundHolds() {
        var random = new Random(11);
        for (int instance = 0; instance < 40; instance++) {
            int trucks = 2 + random.nextInt(5);
            int loads = 2 + random.nextInt(6);
            List<PackingOption> options = new ArrayList<>();
            for (int i = 0; i < 4 + random.nextInt(12); i++) {
                int size = 1 + random.nextInt(Math.min(3, loads));
                int[] chosen = random.ints(0, loads).distinct().limit(size).toArray();
                options.add(new PackingOption(random.nextInt(trucks), chosen, 1 + random.nextInt(100)));
            }
            var packing = new SetPacking(options, trucks, loads);
            long optimum = bruteForce(options, trucks, loads);

            var exact = packing.exact(10);
            var greedy = packing.greedy();
            var lagrangian = packing.lagrangian(300, 5);
            assertThat(exact.surplus()).as("instance %d", instance).isEqualTo(optimum);
            assertThat(greedy.surplus()).isLessThanOrEqualTo(optimum);
            assertThat(lagrangian.surplus()).isLessThanOrEqualTo(optimum);
            assertThat(lagrangian.upperBound()).as("instance %d", instance).isGreaterThanOrEqualTo(optimum - 1e-6);
            for (var result : List.of(exact, greedy, lagrangian)) {
                assertPacking(result.chosen(), trucks, loads);
            }
        }
    }

    private static void assertPacking(List<PackingOption> chosen, int trucks, int loads) {
        boolean[] truckUsed = new boolean[trucks];
        boolean[] loadUsed = new boolean[loads];
        for (PackingOption s : chosen) {
            assertThat(truckUsed[s.truck()]).isFalse();
            truckUsed[s.truck()] = true;
            for (int l : s.loads()) {
                assertThat(loadUsed[l]).isFalse();
                loadUsed[l] = true;
            }
        }
    }

    /** Every truck takes one of its options or none: all combinations. */
    private static long bruteForce(List<PackingOption> options, int trucks, int loads) {
        return best(options, 0, trucks, new boolean[loads]);
    }

    private static long best(List<PackingOption> options, int truck, int trucks, boolean[] used) {
        if (truck == trucks) {
            return 0;
        }
        long best = best(options, truck + 1, trucks, used);
        for (PackingOption s : options) {
            if (s.truck() != truck || java.util.Arrays.stream(s.loads()).anyMatch(l -> used[l])) {
                continue;
            }
            for (int l : s.loads()) {
                used[l] = true;
            }
            best = Math.max(best, s.surplusMinorUnits() + best(options, truck + 1, trucks, used));
            for (int l : s.loads()) {
                used[l] = false;
            }
        }
        return best;
    }
}
