package com.backhaulexchange.benchmarks.network;

import com.backhaulexchange.matching.selection.PackingOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * First come, first served in posting order, as the match engine would give if every posting's best proposal were
 * booked at once: the network's lanes are posted one at a time in a seeded random order, and each posting takes the
 * option of highest surplus it is part of whose truck and loads are all posted and none taken yet (ties: the option
 * listed first). With pairs alone this is incremental pairwise matching (the matching benchmark's "incremental");
 * with pairs and packages, a truck's posting may take a package of loads already posted, and a load's posting may
 * complete a package for a truck waiting for it, as the match engine searches both ways (ADR 25).
 *
 * <p>The options are the network's: every feasible pair and each truck's best chains over the whole network. A
 * truck that posts early is never credited with a chain it could not see, but the chains it could see among the
 * loads posted by then, and which are not among its best over the whole network, are not offered either: the
 * package row is, if anything, pessimistic.
 */
final class IncrementalMatching {

    private IncrementalMatching() {
    }

    /** The options taken, in posting order; {@code seed} fixes the order. */
    static List<PackingOption> firstComeFirstServed(List<PackingOption> options, int trucks, int loads, long seed) {
        List<List<Integer>> byTruck = lists(trucks);
        List<List<Integer>> byLoad = lists(loads);
        for (int i = 0; i < options.size(); i++) {
            PackingOption option = options.get(i);
            byTruck.get(option.truck()).add(i);
            for (int load : option.loads()) {
                byLoad.get(load).add(i);
            }
        }
        boolean[] truckPosted = new boolean[trucks];
        boolean[] truckTaken = new boolean[trucks];
        boolean[] loadPosted = new boolean[loads];
        boolean[] loadTaken = new boolean[loads];
        List<PackingOption> taken = new ArrayList<>();
        for (int lane : postingOrder(trucks + loads, seed)) {
            boolean isTruck = lane < trucks;
            int index = isTruck ? lane : lane - trucks;
            if (isTruck) {
                truckPosted[index] = true;
            } else {
                loadPosted[index] = true;
            }
            int best = -1;
            for (int candidate : isTruck ? byTruck.get(index) : byLoad.get(index)) {
                PackingOption option = options.get(candidate);
                if (available(option, truckPosted, truckTaken, loadPosted, loadTaken)
                        && (best < 0 || option.surplusMinorUnits() > options.get(best).surplusMinorUnits())) {
                    best = candidate;
                }
            }
            if (best >= 0) {
                PackingOption chosen = options.get(best);
                truckTaken[chosen.truck()] = true;
                for (int load : chosen.loads()) {
                    loadTaken[load] = true;
                }
                taken.add(chosen);
            }
        }
        return taken;
    }

    /** Lanes 0 … trucks − 1 are the trucks, the rest the loads, shuffled (Fisher–Yates). */
    static int[] postingOrder(int lanes, long seed) {
        int[] order = new int[lanes];
        for (int i = 0; i < lanes; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = lanes - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static boolean available(PackingOption option, boolean[] truckPosted, boolean[] truckTaken,
            boolean[] loadPosted, boolean[] loadTaken) {
        if (!truckPosted[option.truck()] || truckTaken[option.truck()]) {
            return false;
        }
        for (int load : option.loads()) {
            if (!loadPosted[load] || loadTaken[load]) {
                return false;
            }
        }
        return true;
    }

    private static List<List<Integer>> lists(int count) {
        List<List<Integer>> lists = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }
}
