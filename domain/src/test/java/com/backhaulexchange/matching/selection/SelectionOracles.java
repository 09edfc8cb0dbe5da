package com.backhaulexchange.matching.selection;

import com.backhaulexchange.matching.assignment.AssignmentProblem;
import com.backhaulexchange.matching.assignment.ShortestAugmentingPathSolver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Random instances and independent answers: brute force over every truck's choice, the exact pairwise assignment. */
final class SelectionOracles {
    private SelectionOracles() {
    }

    /** Up to {@code maxOptions} distinct options (truck, ordered loads), 1 to 3 loads, surplus in [-20, maxSurplus]. */
    static List<PackingOption> random(Random random, int trucks, int loads, int maxOptions, long maxSurplus) {
        List<PackingOption> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < maxOptions && trucks > 0 && loads > 0; i++) {
            int size = 1 + random.nextInt(Math.min(3, loads));
            int[] chosen = random.ints(0, loads).distinct().limit(size).toArray();
            int truck = random.nextInt(trucks);
            // One option per truck and set of loads in the generator (the optimiser never offers two either).
            if (seen.add(truck + ":" + Arrays.toString(Arrays.stream(chosen).sorted().toArray()))) {
                options.add(new PackingOption(truck, chosen, random.nextLong(-20, maxSurplus + 1)));
            }
        }
        return options;
    }

    /** Every truck takes one of its options or none: all combinations. */
    static long bruteForce(List<PackingOption> options, int trucks, int loads) {
        return best(options, 0, trucks, new boolean[loads]);
    }

    private static long best(List<PackingOption> options, int truck, int trucks, boolean[] used) {
        if (truck == trucks) {
            return 0;
        }
        long best = best(options, truck + 1, trucks, used);
        for (PackingOption s : options) {
            if (s.truck() != truck || Arrays.stream(s.loads()).anyMatch(l -> used[l])) {
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

    /** The exact assignment over the single-load options with positive surplus, as options. */
    static List<PackingOption> pairwiseOptimum(List<PackingOption> options, int trucks, int loads) {
        var builder = AssignmentProblem.builder(trucks, loads);
        for (PackingOption option : options) {
            if (!option.isPackage() && option.surplusMinorUnits() > 0) {
                builder.allow(option.truck(), option.load(0), option.surplusMinorUnits());
            }
        }
        return new ShortestAugmentingPathSolver().solve(builder.build()).pairs().stream()
                .map(pair -> PackingOption.of(pair.row(), pair.weight(), pair.column())).toList();
    }

    static void assertPacking(List<PackingOption> chosen, List<PackingOption> options, int trucks, int loads) {
        boolean[] truckUsed = new boolean[trucks];
        boolean[] loadUsed = new boolean[loads];
        for (PackingOption s : chosen) {
            if (!options.contains(s)) {
                throw new AssertionError("not an option of the instance: " + s);
            }
            if (truckUsed[s.truck()]) {
                throw new AssertionError("truck " + s.truck() + " twice in " + chosen);
            }
            truckUsed[s.truck()] = true;
            for (int l : s.loads()) {
                if (loadUsed[l]) {
                    throw new AssertionError("load " + l + " twice in " + chosen);
                }
                loadUsed[l] = true;
            }
        }
    }
}
