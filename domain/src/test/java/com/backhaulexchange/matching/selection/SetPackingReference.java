package com.backhaulexchange.matching.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The set packing's greedy, Lagrangian and swaps as they were before their speed-up (SetPacking at commit 556c057,
 * unchanged but for its name, its results typed as {@link SetPacking.Result}, and without the exact programme, which
 * did not change): the oracle that {@code SetPackingSamenessTest} compares the faster one with.
 */
final class SetPackingReference {

    private final List<PackingOption> options;
    private final int trucks;
    private final int loads;

    SetPackingReference(List<PackingOption> options, int trucks, int loads) {
        this.options = List.copyOf(options);
        this.trucks = trucks;
        this.loads = loads;
        for (PackingOption option : this.options) {
            if (option.truck() >= trucks || java.util.Arrays.stream(option.loads()).anyMatch(l -> l >= loads)) {
                throw new IllegalArgumentException("option " + option + " outside " + trucks + " trucks and " + loads
                        + " loads");
            }
        }
    }

    public List<PackingOption> options() {
        return options;
    }

    public int trucks() {
        return trucks;
    }

    public int loads() {
        return loads;
    }

    /** Whether {@code chosen} uses each truck and each load at most once (and only options of this instance). */
    public boolean isPacking(List<PackingOption> chosen) {
        boolean[] truckUsed = new boolean[trucks];
        boolean[] loadUsed = new boolean[loads];
        for (PackingOption option : chosen) {
            if (option.truck() >= trucks || truckUsed[option.truck()]) {
                return false;
            }
            truckUsed[option.truck()] = true;
            for (int l : option.loads()) {
                if (l >= loads || loadUsed[l]) {
                    return false;
                }
                loadUsed[l] = true;
            }
        }
        return true;
    }

    SetPacking.Result greedy() {
        long started = System.nanoTime();
        Integer[] order = byValue(i -> options.get(i).surplusMinorUnits());
        List<PackingOption> chosen = pack(order);
        return new SetPacking.Result(chosen, PackingOption.totalSurplus(chosen), Double.NaN, "greedy",
                seconds(started));
    }

    SetPacking.Result lagrangian(int iterations, int swapPasses) {
        return lagrangian(iterations, swapPasses, List.of());
    }

    /**
     * As {@link #lagrangian(int, int)}, also starting from {@code start} (a packing of these options, such as
     * the exact pairwise assignment): the result is never worth less than it.
     */
    SetPacking.Result lagrangian(int iterations, int swapPasses, List<PackingOption> start) {
        long started = System.nanoTime();
        int n = options.size();
        double[] price = new double[loads];
        int[] bestOfTruck = new int[trucks];
        double[] reducedOfTruck = new double[trucks];
        int[] count = new int[loads];
        double bestBound = Double.POSITIVE_INFINITY;
        List<PackingOption> best = greedy().chosen();
        long bestValue = PackingOption.totalSurplus(best);
        if (PackingOption.totalSurplus(start) > bestValue) {
            best = List.copyOf(start);
            bestValue = PackingOption.totalSurplus(start);
        }
        double step = 2.0;
        int sinceImproved = 0;
        for (int iteration = 0; iteration < iterations; iteration++) {
            Arrays.fill(bestOfTruck, -1);
            Arrays.fill(reducedOfTruck, 0);
            double[] reduced = new double[n];
            for (int i = 0; i < n; i++) {
                PackingOption option = options.get(i);
                double r = option.surplusMinorUnits();
                for (int l : option.loads()) {
                    r -= price[l];
                }
                reduced[i] = r;
                if (r > reducedOfTruck[option.truck()]) {
                    reducedOfTruck[option.truck()] = r;
                    bestOfTruck[option.truck()] = i;
                }
            }
            double bound = 0;
            for (double r : reducedOfTruck) {
                bound += r;
            }
            for (double p : price) {
                bound += p;
            }
            if (bound < bestBound - 1e-6) {
                bestBound = bound;
                sinceImproved = 0;
            } else if (++sinceImproved >= 15) {
                step /= 2;
                sinceImproved = 0;
            }
            if (iteration % 10 == 0 || iteration == iterations - 1) {
                double[] r = reduced;
                List<PackingOption> packed = pack(byValue(i -> r[i]));
                long value = PackingOption.totalSurplus(packed);
                if (value > bestValue) {
                    bestValue = value;
                    best = packed;
                }
            }
            if (bestBound - bestValue < 0.5 || step < 1e-6) {
                break;
            }
            Arrays.fill(count, 0);
            for (int t = 0; t < trucks; t++) {
                if (bestOfTruck[t] >= 0) {
                    for (int l : options.get(bestOfTruck[t]).loads()) {
                        count[l]++;
                    }
                }
            }
            double norm = 0;
            for (int l = 0; l < loads; l++) {
                double g = 1 - count[l];
                if (price[l] == 0 && g > 0) {
                    continue; // the projection keeps the price at zero: no move along it
                }
                norm += g * g;
            }
            if (norm == 0) {
                break; // the relaxed choice is a packing: it is optimal
            }
            double length = step * (bestBound - bestValue) / norm;
            for (int l = 0; l < loads; l++) {
                price[l] = Math.max(0, price[l] - length * (1 - count[l]));
            }
        }
        List<PackingOption> improved = swaps(best, swapPasses);
        return new SetPacking.Result(improved, PackingOption.totalSurplus(improved), bestBound, "lagrangian + swaps",
                seconds(started));
    }

    /** Options in this order, each taken when its truck and loads are still free. */
    private List<PackingOption> pack(Integer[] order) {
        boolean[] truckUsed = new boolean[trucks];
        boolean[] loadUsed = new boolean[loads];
        List<PackingOption> chosen = new ArrayList<>();
        for (int i : order) {
            PackingOption option = options.get(i);
            if (option.surplusMinorUnits() <= 0 || truckUsed[option.truck()] || anyUsed(loadUsed, option)) {
                continue;
            }
            truckUsed[option.truck()] = true;
            for (int l : option.loads()) {
                loadUsed[l] = true;
            }
            chosen.add(option);
        }
        return chosen;
    }

    /**
     * Improves a packing: an option not chosen replaces the chosen options it clashes with (its truck's and
     * its loads') when it is worth strictly more than they are together. At most {@code passes} passes.
     */
    public List<PackingOption> swaps(List<PackingOption> packing, int passes) {
        PackingOption[] byTruck = new PackingOption[trucks];
        PackingOption[] byLoad = new PackingOption[loads];
        for (PackingOption s : packing) {
            place(s, byTruck, byLoad);
        }
        Integer[] order = byValue(i -> options.get(i).surplusMinorUnits());
        for (int pass = 0; pass < passes; pass++) {
            boolean changed = false;
            for (int i : order) {
                PackingOption option = options.get(i);
                if (byTruck[option.truck()] == option) {
                    continue;
                }
                List<PackingOption> clashes = new ArrayList<>();
                if (byTruck[option.truck()] != null) {
                    clashes.add(byTruck[option.truck()]);
                }
                for (int l : option.loads()) {
                    if (byLoad[l] != null && !clashes.contains(byLoad[l])) {
                        clashes.add(byLoad[l]);
                    }
                }
                if (option.surplusMinorUnits() > PackingOption.totalSurplus(clashes)) {
                    for (PackingOption clash : clashes) {
                        remove(clash, byTruck, byLoad);
                    }
                    place(option, byTruck, byLoad);
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        List<PackingOption> result = new ArrayList<>();
        for (PackingOption s : byTruck) {
            if (s != null) {
                result.add(s);
            }
        }
        return result;
    }

    private static void place(PackingOption s, PackingOption[] byTruck, PackingOption[] byLoad) {
        byTruck[s.truck()] = s;
        for (int l : s.loads()) {
            byLoad[l] = s;
        }
    }

    private static void remove(PackingOption s, PackingOption[] byTruck, PackingOption[] byLoad) {
        byTruck[s.truck()] = null;
        for (int l : s.loads()) {
            byLoad[l] = null;
        }
    }

    private static boolean anyUsed(boolean[] used, PackingOption option) {
        for (int l : option.loads()) {
            if (used[l]) {
                return true;
            }
        }
        return false;
    }

    /** Option indexes, highest value first, ties by index (deterministic). */
    private Integer[] byValue(java.util.function.IntToDoubleFunction value) {
        Integer[] order = new Integer[options.size()];
        double[] values = new double[options.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            values[i] = value.applyAsDouble(i);
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[i]).thenComparingInt(i -> i));
        return order;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
