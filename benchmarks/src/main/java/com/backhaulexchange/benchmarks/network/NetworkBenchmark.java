package com.backhaulexchange.benchmarks.network;

import com.backhaulexchange.matching.selection.PackingOption;
import com.backhaulexchange.matching.selection.SetPacking;
import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.assignment.AssignmentProblem;
import com.backhaulexchange.matching.assignment.ShortestAugmentingPathSolver;
import com.backhaulexchange.matching.chain.ChainSearch;
import com.backhaulexchange.matching.chain.ReloadPreferences;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The network benchmark of issue 11 (docs/benchmarks.md, "Reload chains on a network"): on generated US
 * networks ({@link NetworkGenerator}) of each size, the empty-mile share with no matching, with the exact
 * pairwise assignment, and with reload packages chosen greedily, by a Lagrangian selection with an upper
 * bound, and exactly (ojAlgo) up to a size; the empty miles avoided, surplus and time of each. Settings are
 * system properties {@code bench.network.*} (see {@link Settings}); the report goes to stdout and to
 * {@code network.md} in the output directory.
 */
public final class NetworkBenchmark {

    record Settings(List<Integer> sizes, int exactMaxLanes, double exactSeconds, int pairwiseMaxLanes,
            int perRole, int chainsPerTruck, int lagrangeIterations, int swapPasses, double chainBudgetSeconds,
            int threads, long seed, Instant now, Path outputDirectory) {

        static Settings fromSystemProperties() {
            return new Settings(
                    integers(System.getProperty("bench.network.sizes", "1000,10000,100000")),
                    Integer.getInteger("bench.network.exactMaxLanes", 1_000),
                    Double.parseDouble(System.getProperty("bench.network.exactSeconds", "120")),
                    Integer.getInteger("bench.network.pairwiseMaxLanes", 100_000),
                    Integer.getInteger("bench.network.perRole", 20),
                    Integer.getInteger("bench.network.chainsPerTruck", 5),
                    Integer.getInteger("bench.network.lagrangeIterations", 500),
                    Integer.getInteger("bench.network.swapPasses", 5),
                    Double.parseDouble(System.getProperty("bench.network.chainBudgetSeconds", "900")),
                    threads(System.getProperty("bench.network.threads", "")),
                    Long.getLong("bench.network.seed", 20261203L),
                    Instant.parse(System.getProperty("bench.network.now", "2026-12-01T12:00:00Z")),
                    Path.of(System.getProperty("bench.outputDirectory", "benchmarks/target")));
        }

        /** The threads the trucks are searched on (ADR 46): blank or 0, one per processor the JVM sees. */
        private static int threads(String setting) {
            int threads = setting.isBlank() ? 0 : Integer.parseInt(setting.trim());
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }

        private static List<Integer> integers(String csv) {
            return csv.isBlank() ? List.of()
                    : Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
        }
    }

    /** One method's outcome on a network. {@code upperBound}: NaN when the method gives none. */
    record Row(String method, EmptyMileAccounting.Figures figures, double seconds, double upperBound, String note) {
    }

    /** Everything measured on one network. */
    record SizeResult(int lanes, int trucks, int loads, int pairs, int chains, NetworkCandidates.Pairs pairTiming,
            NetworkCandidates.Chains chainTiming, double generateSeconds, EmptyMileAccounting.Figures none,
            List<Row> rows, double optimisedSeconds, double optimisedCpuSeconds) {
    }

    /** The note of a row whose method gave no solution (ojAlgo's state follows). */
    static final String NO_SOLUTION = "no solution, ojAlgo state ";

    private NetworkBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        var settings = Settings.fromSystemProperties();
        long started = System.nanoTime();
        List<SizeResult> results = new ArrayList<>();
        for (int size : settings.sizes()) {
            results.add(run(settings, size));
        }
        String report = NetworkReport.markdown(settings, results, (System.nanoTime() - started) / 1e9);
        System.out.println(report);
        Files.createDirectories(settings.outputDirectory());
        Path written = settings.outputDirectory().resolve("network.md");
        Files.writeString(written, report);
        log("report written to %s", written.toAbsolutePath().normalize());
        checkInvariants(results);
    }

    static SizeResult run(Settings settings, int size) {
        var config = MatchingConfig.DEFAULT;
        long t0 = System.nanoTime();
        Network network = new NetworkGenerator(settings.now(), settings.seed() + size).generate(size);
        double generateSeconds = (System.nanoTime() - t0) / 1e9;
        var accounting = new EmptyMileAccounting(network, config.roadDistance());
        var none = accounting.withoutMatching();
        log("network of %,d lanes (%,d trucks, %,d loads) in %.1f s; empty share without matching %.1f %%", size,
                network.trucks().size(), network.loads().size(), generateSeconds, 100 * none.emptyShare());

        double cpuStart = cpuSeconds();
        var candidates = new NetworkCandidates(network, config, ReloadPreferences.DEFAULT, GeoCellScheme.DEFAULT,
                settings.threads());
        var pairs = candidates.pairs();
        log("  %,d feasible pairs (%,d screened) in %.1f s", pairs.pairs().size(), pairs.screened(), pairs.seconds());
        var chains = candidates.chains(settings.perRole(), settings.chainsPerTruck(), ChainSearch.Bounds.DEFAULT,
                settings.chainBudgetSeconds());
        log("  %,d feasible chains from %,d searches (%,d truncated) in %.1f s", chains.chains().size(),
                chains.searched(), chains.truncatedSearches(), chains.seconds());

        List<Row> rows = new ArrayList<>();
        rows.add(new Row("no matching", none, 0, Double.NaN, ""));
        List<PackingOption> pairwise = List.of();
        double pairwiseSeconds = 0;

        if (size <= settings.pairwiseMaxLanes()) {
            long s = System.nanoTime();
            var builder = AssignmentProblem.builder(network.trucks().size(), network.loads().size());
            for (PackingOption pair : pairs.pairs()) {
                builder.allow(pair.truck(), pair.load(0), pair.surplusMinorUnits());
            }
            var assignment = new ShortestAugmentingPathSolver().solve(builder.build());
            List<PackingOption> chosen = assignment.pairs().stream()
                    .map(p -> PackingOption.of(p.row(), p.weight(), p.column())).toList();
            pairwise = chosen;
            double seconds = (System.nanoTime() - s) / 1e9;
            pairwiseSeconds = seconds;
            rows.add(new Row("batch pairwise (exact assignment)", accounting.with(chosen), seconds,
                    assignment.totalWeight(), "optimal over pairs"));
            log("  pairwise exact in %.1f s", seconds);
        }

        List<PackingOption> options = new ArrayList<>(pairs.pairs());
        options.addAll(chains.chains());
        incremental(settings, network, accounting, pairs.pairs(), options, size, rows);
        var packing = new SetPacking(options, network.trucks().size(), network.loads().size());
        double cpuGreedy = cpuSeconds();
        var greedy = packing.greedy();
        cpuGreedy = cpuSeconds() - cpuGreedy;
        rows.add(new Row("packages + pairs, greedy", accounting.with(greedy.chosen()), greedy.seconds(), Double.NaN, ""));
        // Seeded with the pairwise optimum too (its pairs are among the options): never worse than it.
        var lagrangian = packing.lagrangian(settings.lagrangeIterations(), settings.swapPasses(), pairwise);
        rows.add(new Row("packages + pairs, Lagrangian + swaps", accounting.with(lagrangian.chosen()),
                lagrangian.seconds(), lagrangian.upperBound(), "bound = Lagrangian (LP) bound"));
        // CPU of the process (all threads) from the index to the Lagrangian selection, greedy left out.
        double optimisedCpu = cpuSeconds() - cpuStart - cpuGreedy;
        log("  greedy %.2f s, Lagrangian %.1f s (bound %.0f, found %d)", greedy.seconds(), lagrangian.seconds(),
                lagrangian.upperBound(), lagrangian.surplus());
        if (size <= settings.exactMaxLanes()) {
            var exact = packing.exact(settings.exactSeconds());
            boolean solved = exact.status().startsWith("OPTIMAL") || exact.status().startsWith("FEASIBLE");
            rows.add(new Row("packages + pairs, exact (ojAlgo MIP)", accounting.with(solved ? exact.chosen() : List.of()),
                    exact.seconds(), exact.upperBound(), solved ? exact.status() : NO_SOLUTION + exact.status()));
            log("  exact %.1f s (%s)", exact.seconds(), exact.status());
        }
        emptyMileObjective(settings, network, accounting, pairs.pairs(), options, rows);
        double optimised = pairs.seconds() + chains.seconds() + pairwiseSeconds + lagrangian.seconds();
        return new SizeResult(size, network.trucks().size(), network.loads().size(), pairs.pairs().size(),
                chains.chains().size(), pairs, chains, generateSeconds, none, rows, optimised, optimisedCpu);
    }

    /** The rows of first come, first served matching in one posting order ({@link IncrementalMatching}). */
    private static void incremental(Settings settings, Network network, EmptyMileAccounting accounting,
            List<PackingOption> pairs, List<PackingOption> options, int size, List<Row> rows) {
        long postingOrderSeed = settings.seed() + size;
        for (boolean withPackages : new boolean[] {false, true}) {
            long s = System.nanoTime();
            var taken = IncrementalMatching.firstComeFirstServed(withPackages ? options : pairs,
                    network.trucks().size(), network.loads().size(), postingOrderSeed);
            rows.add(new Row(withPackages ? INCREMENTAL_PACKAGES : INCREMENTAL_PAIRWISE, accounting.with(taken),
                    (System.nanoTime() - s) / 1e9, Double.NaN, "first come, first served"));
        }
    }

    static final String INCREMENTAL_PAIRWISE = "incremental pairwise";
    static final String INCREMENTAL_PACKAGES = "packages + pairs, incremental";

    /** The prefix of the rows that maximise empty miles avoided instead of surplus. */
    static final String EMPTY_MILES = "max empty miles: ";

    /**
     * The same options chosen to maximise empty miles avoided (weights in hundredths of a mile; options that
     * avoid none are left out): the exact pairwise assignment, and the Lagrangian selection seeded with it.
     */
    private static void emptyMileObjective(Settings settings, Network network, EmptyMileAccounting accounting,
            List<PackingOption> pairs, List<PackingOption> options, List<Row> rows) {
        long s = System.nanoTime();
        var original = new java.util.IdentityHashMap<PackingOption, PackingOption>();
        List<PackingOption> byMiles = new ArrayList<>();
        for (PackingOption option : options) {
            long weight = Math.round(accounting.emptyMilesAvoided(option) * 100);
            if (weight > 0) {
                PackingOption reweighted = new PackingOption(option.truck(), option.loads(), weight);
                original.put(reweighted, option);
                byMiles.add(reweighted);
            }
        }
        List<PackingOption> pairwise = List.of();
        if (network.lanes() <= settings.pairwiseMaxLanes()) {
            var builder = AssignmentProblem.builder(network.trucks().size(), network.loads().size());
            for (PackingOption option : byMiles) {
                if (!option.isPackage()) {
                    builder.allow(option.truck(), option.load(0), option.surplusMinorUnits());
                }
            }
            var assignment = new ShortestAugmentingPathSolver().solve(builder.build());
            // Back to the original options (their surplus) through the pair's truck and load.
            var pairOf = new java.util.HashMap<Long, PackingOption>();
            for (PackingOption pair : pairs) {
                pairOf.put((long) pair.truck() << 32 | pair.load(0), pair);
            }
            pairwise = assignment.pairs().stream().map(p -> pairOf.get((long) p.row() << 32 | p.column())).toList();
            double seconds = (System.nanoTime() - s) / 1e9;
            rows.add(new Row(EMPTY_MILES + "batch pairwise (exact assignment)", accounting.with(pairwise), seconds,
                    Double.NaN, "optimal over pairs"));
        }
        var packing = new SetPacking(byMiles, network.trucks().size(), network.loads().size());
        List<PackingOption> seed = pairwise.stream().map(p -> new PackingOption(p.truck(), p.loads(),
                Math.round(accounting.emptyMilesAvoided(p) * 100))).toList();
        var lagrangian = packing.lagrangian(settings.lagrangeIterations(), settings.swapPasses(), seed);
        List<PackingOption> chosen = lagrangian.chosen().stream()
                .map(option -> original.getOrDefault(option, option)).toList();
        // A seed selection is not one of byMiles' instances: map it back by value.
        var byValue = new java.util.HashMap<PackingOption, PackingOption>();
        original.forEach((reweighted, option) -> byValue.put(reweighted, option));
        chosen = chosen.stream().map(option -> byValue.getOrDefault(option, option)).toList();
        rows.add(new Row(EMPTY_MILES + "packages + pairs, Lagrangian + swaps", accounting.with(chosen),
                lagrangian.seconds(), Double.NaN, String.format(java.util.Locale.ROOT,
                        "bound %,.0f empty miles avoided, reached %.2f %%", lagrangian.upperBound() / 100,
                        100 * lagrangian.surplus() / lagrangian.upperBound())));
        log("  max empty miles: Lagrangian %.1f s", lagrangian.seconds());
    }

    /** The checks a smoke run fails on: the selections are packings, and no method beats a proven bound. */
    private static void checkInvariants(List<SizeResult> results) {
        for (SizeResult result : results) {
            for (Row row : result.rows()) {
                if (row.note().startsWith(NO_SOLUTION)) {
                    continue;
                }
                if (row.figures().emptyShare() > result.none().emptyShare() + 1e-9) {
                    throw new IllegalStateException(row.method() + " drives more empty miles than no matching");
                }
                for (Row other : result.rows()) {
                    if (!Double.isNaN(other.upperBound()) && other.method().startsWith("packages")
                            && row.method().startsWith("packages")
                            && row.figures().surplusMinorUnits() > other.upperBound() + 1) {
                        throw new IllegalStateException(row.method() + " beats the bound of " + other.method());
                    }
                }
            }
        }
    }

    /** The CPU time of this process so far, all threads (JIT and GC included), in seconds. */
    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    static void log(String format, Object... values) {
        System.err.printf("[network] " + format + "%n", values);
    }
}
