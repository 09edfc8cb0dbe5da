package com.backhaulexchange.benchmarks.allocation;

import com.backhaulexchange.settlement.allocation.Allocation;
import com.backhaulexchange.settlement.allocation.AllocationRule;
import com.backhaulexchange.settlement.allocation.AssignmentMarket;
import com.backhaulexchange.settlement.allocation.CooperativeGame;
import com.backhaulexchange.settlement.allocation.CoreCheck;
import com.backhaulexchange.benchmarks.matching.UsCities;
import com.backhaulexchange.settlement.collaboration.AllocationRuleName;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.settlement.PeriodSettlement;
import com.backhaulexchange.settlement.SettlementResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The allocation and settlement benchmark of issue 5 (docs/benchmarks.md, "Allocation and settlement"):
 * exact Shapley with coalition values from real matching, sampled Shapley and its error, the nucleolus and
 * the equal profit method by size, and one period settlement end to end, on generated collaboration books
 * ({@link AllocationBookGenerator}). In-process, no network. Every loop is bounded by its settings and the
 * expensive ones by a time budget (a case whose estimate exceeds it is reported as skipped). Settings are
 * system properties {@code bench.allocation.<name>} (see {@link Settings}); the report goes to stdout and to
 * {@code allocation.md} in the output directory. It reports figures and never asserts on them.
 */
public final class AllocationBenchmark {

    /** What to run; each is a system property {@code bench.allocation.<name>}. */
    record Settings(List<Integer> exactSizes, int exactRuns, List<Integer> sampledSizes, List<Integer> permutations,
            double sampleBudgetSeconds, List<Integer> lpSizes, int lpRuns, double lpBudgetSeconds,
            List<Integer> settlementSizes, int settlementRuns, long seed, LocalDate periodStart,
            Path outputDirectory) {

        static final LocalDate DEFAULT_PERIOD_START = LocalDate.of(2026, 12, 2);

        static Settings fromSystemProperties() {
            return new Settings(
                    integers(System.getProperty("bench.allocation.exactSizes", "8,12,16")),
                    Integer.getInteger("bench.allocation.exactRuns", 3),
                    integers(System.getProperty("bench.allocation.sampledSizes", "12,16,30,100")),
                    integers(System.getProperty("bench.allocation.permutations", "1000,10000")),
                    Double.parseDouble(System.getProperty("bench.allocation.sampleBudgetSeconds", "120")),
                    integers(System.getProperty("bench.allocation.lpSizes", "4,6,8,10,12")),
                    Integer.getInteger("bench.allocation.lpRuns", 3),
                    Double.parseDouble(System.getProperty("bench.allocation.lpBudgetSeconds", "60")),
                    integers(System.getProperty("bench.allocation.settlementSizes", "8,12,16")),
                    Integer.getInteger("bench.allocation.settlementRuns", 3),
                    Long.getLong("bench.allocation.seed", 20261202L),
                    LocalDate.parse(System.getProperty("bench.allocation.periodStart", DEFAULT_PERIOD_START.toString())),
                    Path.of(System.getProperty("bench.outputDirectory", "benchmarks/target")));
        }

        private static List<Integer> integers(String csv) {
            return csv.isBlank() ? List.of()
                    : Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
        }
    }

    /** A collaboration book and the figures that describe it. */
    record BookFacts(int members, int capacities, int loads, int feasiblePairs, int matchedPairs,
            long grandCoalition, long standAloneTotal, String hub) {
    }

    record ExactResult(int members, double[] coalitionMillis, double[] shapleyMillis, double coreCheckMillis,
            int shapleyBlocking, int shadowPriceBlocking, long coalitions) {
    }

    /** One sampled-Shapley case; {@code millis} is NaN when skipped (then {@code estimatedMillis} says why). */
    record SampledResult(int members, int permutations, double millis, double estimatedMillis,
            double maxStandardErrorPercent, double meanStandardErrorPercent, double maxErrorPercent,
            double withinTwoSe, double maxZ) {
        boolean skipped() {
            return Double.isNaN(millis);
        }
    }

    /** Nucleolus or equal profit at one size; empty {@code millis} when skipped. */
    record LpResult(String rule, int members, double tabulateMillis, double[] millis, boolean inCore,
            String note) {
    }

    record SettlementTiming(int members, AllocationRuleName agreed, String ruleApplied, double[] millis,
            long realisedTotal, long riskCost, boolean exhaustive, long coalitionsChecked, int blocking) {
    }

    private AllocationBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run(Settings.fromSystemProperties());
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(Settings settings) throws IOException {
        long started = System.nanoTime();
        String loadBefore = AllocationReport.loadAverage();
        var generator = new AllocationBookGenerator(UsCities.bundled(), settings.periodStart(),
                new MatchEvaluator(MatchingConfig.DEFAULT));
        Map<Integer, AllocationBook> books = new HashMap<>();
        Map<Integer, AssignmentMarket> markets = new HashMap<>();
        Map<Integer, BookFacts> facts = new java.util.TreeMap<>();
        java.util.function.IntFunction<AssignmentMarket> market = n -> markets.computeIfAbsent(n, size -> {
            AllocationBook book = books.computeIfAbsent(size, s -> generator.generate(s, settings.seed(), settings.seed() + s));
            AssignmentMarket built = book.market();
            long standAlone = 0;
            for (int i = 0; i < size; i++) {
                standAlone += (long) built.standAloneValue(i);
            }
            facts.put(size, new BookFacts(size, book.capacities().size(), book.loads().size(), book.pairs().size(),
                    built.priced().assignment().pairs().size(), (long) built.grandCoalitionValue(), standAlone,
                    book.hub().name() + ", " + book.hub().region()));
            return built;
        });

        log("warming up (tabulate and Shapley at 8 and 10 members, 3 times)");
        for (int i = 0; i < 3; i++) {
            for (int n : List.of(8, 10)) {
                new AllocationRule.Shapley().allocate(generator.generate(n, settings.seed(), settings.seed() - n).market().tabulate());
            }
        }

        List<ExactResult> exact = new ArrayList<>();
        Map<Integer, double[]> exactShapley = new HashMap<>();
        Map<Integer, CooperativeGame> tables = new HashMap<>();
        for (int n : settings.exactSizes()) {
            log("exact Shapley, %d members: %d runs", n, settings.exactRuns());
            AssignmentMarket game = market.apply(n);
            double[] coalitionMillis = new double[settings.exactRuns()];
            double[] shapleyMillis = new double[settings.exactRuns()];
            CooperativeGame table = null;
            Allocation shapley = null;
            for (int run = 0; run < settings.exactRuns(); run++) {
                long t0 = System.nanoTime();
                table = game.tabulate();
                long t1 = System.nanoTime();
                shapley = new AllocationRule.Shapley().allocate(table).orElseThrow();
                long t2 = System.nanoTime();
                coalitionMillis[run] = (t1 - t0) / 1e6;
                shapleyMillis[run] = (t2 - t1) / 1e6;
            }
            long t0 = System.nanoTime();
            CoreCheck check = CoreCheck.of(table, shapley);
            double coreCheckMillis = (System.nanoTime() - t0) / 1e6;
            CoreCheck shadow = CoreCheck.of(table, new AllocationRule.ShadowPrices().allocate(game).orElseThrow());
            exactShapley.put(n, shapley.sharesArray());
            tables.put(n, table);
            exact.add(new ExactResult(n, coalitionMillis, shapleyMillis, coreCheckMillis, check.blockingCount(),
                    shadow.blockingCount(), (1L << n) - 1));
        }

        List<SampledResult> sampled = new ArrayList<>();
        for (int n : settings.sampledSizes()) {
            AssignmentMarket game = market.apply(n);
            double grand = game.grandCoalitionValue();
            double[] reference = exactShapley.get(n);
            double previousMillis = Double.NaN;
            int previousPermutations = 0;
            for (int m : settings.permutations()) {
                double estimate = Double.isNaN(previousMillis) ? Double.NaN
                        : previousMillis * m / previousPermutations;
                if (estimate > settings.sampleBudgetSeconds() * 1_000) {
                    log("sampled Shapley, %d members, %,d orders: skipped (estimated %.0f s > budget %.0f s)", n, m,
                            estimate / 1_000, settings.sampleBudgetSeconds());
                    sampled.add(new SampledResult(n, m, Double.NaN, estimate, Double.NaN, Double.NaN, Double.NaN,
                            Double.NaN, Double.NaN));
                    continue;
                }
                log("sampled Shapley, %d members, %,d orders", n, m);
                long t0 = System.nanoTime();
                Allocation estimateOf = new AllocationRule.SampledShapley(m, settings.seed()).allocate(game)
                        .orElseThrow();
                double millis = (System.nanoTime() - t0) / 1e6;
                previousMillis = millis;
                previousPermutations = m;
                double maxSe = estimateOf.standardErrors().stream().mapToDouble(Double::doubleValue).max().orElse(0);
                double meanSe = estimateOf.standardErrors().stream().mapToDouble(Double::doubleValue).average()
                        .orElse(0);
                double maxError = Double.NaN;
                double within = Double.NaN;
                double maxZ = Double.NaN;
                if (reference != null) {
                    maxError = 0;
                    maxZ = 0;
                    int inside = 0;
                    for (int i = 0; i < n; i++) {
                        double error = Math.abs(estimateOf.share(i) - reference[i]);
                        maxError = Math.max(maxError, error);
                        double se = estimateOf.standardErrors().get(i);
                        maxZ = Math.max(maxZ, se > 0 ? error / se : error > 1e-9 ? Double.POSITIVE_INFINITY : 0);
                        if (error <= 1.96 * estimateOf.standardErrors().get(i) + 1e-9) {
                            inside++;
                        }
                    }
                    maxError = 100 * maxError / grand;
                    within = (double) inside / n;
                }
                sampled.add(new SampledResult(n, m, millis, Double.NaN, 100 * maxSe / grand, 100 * meanSe / grand,
                        maxError, within, maxZ));
            }
        }

        List<LpResult> lp = new ArrayList<>();
        for (String rule : List.of("nucleolus", "equal-profit")) {
            boolean overBudget = false;
            for (int n : settings.lpSizes()) {
                AssignmentMarket game = market.apply(n);
                long t0 = System.nanoTime();
                CooperativeGame table = tables.computeIfAbsent(n, size -> game.tabulate());
                double tabulateMillis = (System.nanoTime() - t0) / 1e6;
                if (overBudget) {
                    lp.add(new LpResult(rule, n, tabulateMillis, new double[0], false,
                            "skipped: a smaller size took over the budget of " + settings.lpBudgetSeconds() + " s"));
                    continue;
                }
                AllocationRule allocationRule = rule.equals("nucleolus") ? new AllocationRule.Nucleolus()
                        : equalProfit(table);
                List<Double> millis = new ArrayList<>();
                Allocation allocation = null;
                for (int run = 0; run < settings.lpRuns(); run++) {
                    log("%s, %d members, run %d", rule, n, run + 1);
                    long s = System.nanoTime();
                    allocation = allocationRule.allocate(table).orElseThrow();
                    double took = (System.nanoTime() - s) / 1e6;
                    millis.add(took);
                    if (took > settings.lpBudgetSeconds() * 1_000) {
                        overBudget = true;
                        break;
                    }
                    if (took > 10_000) {
                        break;
                    }
                }
                boolean inCore = CoreCheck.of(table, allocation).inCore();
                lp.add(new LpResult(rule, n, tabulateMillis, millis.stream().mapToDouble(Double::doubleValue).toArray(),
                        inCore, String.join("; ", allocation.remarks())));
            }
        }

        List<SettlementTiming> settlements = new ArrayList<>();
        for (int n : settings.settlementSizes()) {
            AllocationBook book = books.computeIfAbsent(n, s -> generator.generate(s, settings.seed(), settings.seed() + s));
            for (AllocationRuleName rule : List.of(AllocationRuleName.SHAPLEY, AllocationRuleName.SHADOW_PRICES)) {
                log("PeriodSettlement.settle, %d members, %s: %d runs", n, rule, settings.settlementRuns());
                double[] millis = new double[settings.settlementRuns()];
                SettlementResult result = null;
                for (int run = 0; run < settings.settlementRuns(); run++) {
                    // A fresh market each run: the settlement computes the optimum, its prices and every
                    // coalition itself, as the settlement function would for a period.
                    SettlementCase settlementCase = SettlementCase.of(book, book.market(), settings.periodStart(),
                            rule, settings.seed());
                    long t0 = System.nanoTime();
                    result = PeriodSettlement.settle(settlementCase.inputs(), settlementCase.agreement())
                            .orElseThrow();
                    millis[run] = (System.nanoTime() - t0) / 1e6;
                }
                settlements.add(new SettlementTiming(n, rule, result.rule(), millis, result.realisedTotal(),
                        result.riskCostTotal(), result.stability().exhaustive(),
                        result.stability().coalitionsChecked(), result.stability().blockingCount()));
            }
        }

        double seconds = (System.nanoTime() - started) / 1e9;
        String report = AllocationReport.markdown(settings, new ArrayList<>(facts.values()), exact, sampled, lp,
                settlements, seconds, loadBefore, AllocationReport.loadAverage());
        System.out.println(report);
        Files.createDirectories(settings.outputDirectory());
        Path written = settings.outputDirectory().resolve("allocation.md");
        Files.writeString(written, report);
        log("report written to %s", written.toAbsolutePath().normalize());
    }

    /** As settlement does: v({i}) as references when all are positive, else 1 for everyone. */
    private static AllocationRule equalProfit(CooperativeGame table) {
        boolean allPositive = IntStream.range(0, table.players()).allMatch(i -> table.standAloneValue(i) > 0);
        return allPositive ? new AllocationRule.EqualProfit()
                : new AllocationRule.EqualProfit(Collections.nCopies(table.players(), 1.0));
    }

    static void log(String format, Object... values) {
        System.err.printf("[allocation] " + format + "%n", values);
    }
}
