package com.backhaulexchange.matching.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Chooses among a network's options (single matches and packages) so that each truck and each load is used at
 * most once, maximising total surplus: a weighted set packing.
 *
 * <ul>
 * <li>{@link #greedy}: best surplus first, skipping options that clash with one already chosen.</li>
 * <li>{@link #lagrangian}: relaxes "each load at most once" with a price per load (subgradient steps, a bounded
 *     number of iterations). Every iteration gives an upper bound on the optimum (each truck takes its best
 *     option at the prices, plus the sum of the prices); at its best it equals the LP relaxation's bound.
 *     Every few iterations the options are packed greedily by price-reduced surplus; the best packing found
 *     (with the plain greedy's) is then improved by swaps (an option replaces the options it clashes with
 *     when it is worth more than all of them together), a bounded number of passes.</li>
 * <li>{@link #exact}: the integer programme with ojAlgo (branch and bound), within a time limit; optimal only
 *     when ojAlgo says so.</li>
 * </ul>
 */
public final class SetPacking {

    public record Result(List<PackingOption> chosen, long surplus, double upperBound, String status, double seconds) {
    }

    private final List<PackingOption> options;
    private final int trucks;
    private final int loads;
    // The options flattened into arrays, for the Lagrangian's pass over every option at every step: option i's
    // truck, surplus, and loads loadOf[firstLoadOf[i]] … loadOf[firstLoadOf[i + 1] − 1] in the option's order.
    private final int[] truckOf;
    private final double[] surplusOf;
    private final int[] firstLoadOf;
    private final int[] loadOf;

    public SetPacking(List<PackingOption> options, int trucks, int loads) {
        this.options = List.copyOf(options);
        this.trucks = trucks;
        this.loads = loads;
        int n = this.options.size();
        truckOf = new int[n];
        surplusOf = new double[n];
        firstLoadOf = new int[n + 1];
        int loadEntries = 0;
        for (int i = 0; i < n; i++) {
            PackingOption option = this.options.get(i);
            if (option.truck() >= trucks || java.util.Arrays.stream(option.loads()).anyMatch(l -> l >= loads)) {
                throw new IllegalArgumentException("option " + option + " outside " + trucks + " trucks and " + loads
                        + " loads");
            }
            truckOf[i] = option.truck();
            surplusOf[i] = option.surplusMinorUnits();
            firstLoadOf[i] = loadEntries;
            loadEntries += option.loadCount();
        }
        firstLoadOf[n] = loadEntries;
        loadOf = new int[loadEntries];
        for (int i = 0; i < n; i++) {
            PackingOption option = this.options.get(i);
            for (int k = 0; k < option.loadCount(); k++) {
                loadOf[firstLoadOf[i] + k] = option.load(k);
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
            for (int k = 0; k < option.loadCount(); k++) {
                int l = option.load(k);
                if (l >= loads || loadUsed[l]) {
                    return false;
                }
                loadUsed[l] = true;
            }
        }
        return true;
    }

    public Result greedy() {
        long started = System.nanoTime();
        int[] order = byValue(i -> options.get(i).surplusMinorUnits());
        List<PackingOption> chosen = pack(order);
        return new Result(chosen, PackingOption.totalSurplus(chosen), Double.NaN, "greedy", seconds(started));
    }

    public Result lagrangian(int iterations, int swapPasses) {
        return lagrangian(iterations, swapPasses, List.of());
    }

    /**
     * As {@link #lagrangian(int, int)}, also starting from {@code start} (a packing of these options, such as
     * the exact pairwise assignment): the result is never worth less than it.
     */
    public Result lagrangian(int iterations, int swapPasses, List<PackingOption> start) {
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
        double[] reduced = new double[n];
        for (int iteration = 0; iteration < iterations; iteration++) {
            Arrays.fill(bestOfTruck, -1);
            Arrays.fill(reducedOfTruck, 0);
            for (int i = 0; i < n; i++) {
                double r = surplusOf[i];
                for (int k = firstLoadOf[i]; k < firstLoadOf[i + 1]; k++) {
                    r -= price[loadOf[k]];
                }
                reduced[i] = r;
                int truck = truckOf[i];
                if (r > reducedOfTruck[truck]) {
                    reducedOfTruck[truck] = r;
                    bestOfTruck[truck] = i;
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
                int relaxedChoice = bestOfTruck[t];
                if (relaxedChoice >= 0) {
                    for (int k = firstLoadOf[relaxedChoice]; k < firstLoadOf[relaxedChoice + 1]; k++) {
                        count[loadOf[k]]++;
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
        return new Result(improved, PackingOption.totalSurplus(improved), bestBound, "lagrangian + swaps",
                seconds(started));
    }

    /** The integer programme, solved by ojAlgo within {@code timeLimitSeconds}. */
    public Result exact(double timeLimitSeconds) {
        long started = System.nanoTime();
        var model = new ExpressionsBasedModel();
        model.options.time_abort = (long) (timeLimitSeconds * 1000);
        Variable[] x = new Variable[options.size()];
        Expression[] truckRow = new Expression[trucks];
        Expression[] loadRow = new Expression[loads];
        for (int i = 0; i < options.size(); i++) {
            PackingOption option = options.get(i);
            x[i] = model.addVariable("x" + i).binary().weight(option.surplusMinorUnits());
            truckRow[option.truck()] = row(model, truckRow, option.truck(), "t");
            truckRow[option.truck()].set(x[i], 1);
            for (int l : option.loads()) {
                loadRow[l] = row(model, loadRow, l, "l");
                loadRow[l].set(x[i], 1);
            }
        }
        Optimisation.Result result = model.maximise();
        List<PackingOption> chosen = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            if (result.doubleValue(i) > 0.5) {
                chosen.add(options.get(i));
            }
        }
        return new Result(chosen, PackingOption.totalSurplus(chosen),
                result.getState().isOptimal() ? PackingOption.totalSurplus(chosen) : Double.NaN,
                result.getState().toString(), seconds(started));
    }

    private static Expression row(ExpressionsBasedModel model, Expression[] rows, int index, String prefix) {
        if (rows[index] == null) {
            rows[index] = model.addExpression(prefix + index).upper(1);
        }
        return rows[index];
    }

    /** Options in this order, each taken when its truck and loads are still free. */
    private List<PackingOption> pack(int[] order) {
        boolean[] truckUsed = new boolean[trucks];
        boolean[] loadUsed = new boolean[loads];
        List<PackingOption> chosen = new ArrayList<>();
        for (int i : order) {
            PackingOption option = options.get(i);
            if (option.surplusMinorUnits() <= 0 || truckUsed[option.truck()] || anyUsed(loadUsed, option)) {
                continue;
            }
            truckUsed[option.truck()] = true;
            for (int k = 0; k < option.loadCount(); k++) {
                int l = option.load(k);
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
        int[] order = byValue(i -> options.get(i).surplusMinorUnits());
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
                for (int k = 0; k < option.loadCount(); k++) {
                    int l = option.load(k);
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
        for (int k = 0; k < s.loadCount(); k++) {
            int l = s.load(k);
            byLoad[l] = s;
        }
    }

    private static void remove(PackingOption s, PackingOption[] byTruck, PackingOption[] byLoad) {
        byTruck[s.truck()] = null;
        for (int k = 0; k < s.loadCount(); k++) {
            int l = s.load(k);
            byLoad[l] = null;
        }
    }

    private static boolean anyUsed(boolean[] used, PackingOption option) {
        for (int k = 0; k < option.loadCount(); k++) {
            int l = option.load(k);
            if (used[l]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Option indexes, highest value first, ties by index (deterministic). Sorted as primitive keys (each value's
     * rank among the distinct values, then the index) rather than boxed indexes through a comparator: the same
     * order, as the ranks keep {@link Double#compare}'s order of the values.
     */
    private int[] byValue(java.util.function.IntToDoubleFunction value) {
        int n = options.size();
        double[] negated = new double[n];
        for (int i = 0; i < n; i++) {
            negated[i] = -value.applyAsDouble(i);
        }
        double[] distinct = negated.clone();
        Arrays.sort(distinct);
        int distinctCount = 0;
        for (int i = 0; i < n; i++) {
            if (distinctCount == 0 || Double.compare(distinct[distinctCount - 1], distinct[i]) != 0) {
                distinct[distinctCount++] = distinct[i];
            }
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (long) Arrays.binarySearch(distinct, 0, distinctCount, negated[i]) << 32 | i;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) keys[k];
        }
        return order;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
