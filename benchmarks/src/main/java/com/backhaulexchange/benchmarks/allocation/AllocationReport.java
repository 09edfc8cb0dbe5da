package com.backhaulexchange.benchmarks.allocation;

import com.backhaulexchange.benchmarks.MachineInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The allocation benchmark's figures as Markdown. */
final class AllocationReport {
    private AllocationReport() {
    }

    static String markdown(AllocationBenchmark.Settings settings, List<AllocationBenchmark.BookFacts> books,
            List<AllocationBenchmark.ExactResult> exact, List<AllocationBenchmark.SampledResult> sampled,
            List<AllocationBenchmark.LpResult> lp, List<AllocationBenchmark.SettlementTiming> settlements,
            double seconds, String loadBefore, String loadAfter) {
        StringBuilder out = new StringBuilder();
        out.append("## Allocation and settlement benchmark\n\n");
        out.append(f("Machine: %s, %d processors, Java %s (%s), %s, max heap %,d MiB. Seed %d, period from %s. "
                        + "Whole run: %.0f s. Load average (1/5/15 min) before: %s; after: %s.%n%n", MachineInfo.cpuModelName(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                Runtime.getRuntime().maxMemory() >> 20, settings.seed(), settings.periodStart(), seconds, loadBefore,
                loadAfter));

        out.append("### Collaboration books\n\n");
        out.append("| Members | Region hub | Trucks | Loads | Feasible pairs | Matched in v(N) | v(N), USD "
                + "| Σ v({i}), USD | Gain of collaborating |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var book : books) {
            out.append(f("| %d | %s | %d | %d | %d | %d | %,.2f | %,.2f | %s |%n", book.members(), book.hub(),
                    book.capacities(), book.loads(), book.feasiblePairs(), book.matchedPairs(),
                    book.grandCoalition() / 100.0, book.standAloneTotal() / 100.0,
                    book.grandCoalition() == 0 ? "—" : f("%.1f %% of v(N)",
                            100.0 * (book.grandCoalition() - book.standAloneTotal()) / book.grandCoalition())));
        }

        if (!exact.isEmpty()) {
            out.append(f("%n### Exact Shapley with coalition values from real matching (%d runs each)%n%n",
                    settings.exactRuns()));
            out.append("| Members | Coalitions | All v(S) (`AssignmentMarket.tabulate`), ms: median (min–max) "
                    + "| Shapley from the table, ms: median | Total, ms: median | Coalition values' share "
                    + "| Core check, ms | Coalitions blocking Shapley | Blocking shadow prices |\n");
            out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (var result : exact) {
                double[] total = new double[result.coalitionMillis().length];
                for (int i = 0; i < total.length; i++) {
                    total[i] = result.coalitionMillis()[i] + result.shapleyMillis()[i];
                }
                double coalitions = median(result.coalitionMillis());
                double shapley = median(result.shapleyMillis());
                out.append(f("| %d | %,d | %,.0f (%,.0f–%,.0f) | %.1f | %,.0f | %.1f %% | %.1f | %d | %d |%n",
                        result.members(), result.coalitions(), coalitions, min(result.coalitionMillis()),
                        max(result.coalitionMillis()), shapley, median(total),
                        100 * coalitions / (coalitions + shapley), result.coreCheckMillis(), result.shapleyBlocking(),
                        result.shadowPriceBlocking()));
            }
        }

        if (!sampled.isEmpty()) {
            out.append("\n### Sampled Shapley on the market (each order's coalitions solved as it goes)\n\n");
            out.append("| Members | Orders | Time, ms | Max standard error, % of v(N) | Mean SE, % of v(N) "
                    + "| Max \\|sampled − exact\\|, % of v(N) | Members within 1.96 SE of exact | Largest \\|error\\| / SE |\n");
            out.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (var result : sampled) {
                if (result.skipped()) {
                    out.append(f("| %d | %,d | skipped: estimated %,.0f s, over the budget of %.0f s | | | | | |%n",
                            result.members(), result.permutations(), result.estimatedMillis() / 1_000,
                            settings.sampleBudgetSeconds()));
                    continue;
                }
                out.append(f("| %d | %,d | %,.0f | %.3f | %.3f | %s | %s | %s |%n", result.members(), result.permutations(),
                        result.millis(), result.maxStandardErrorPercent(), result.meanStandardErrorPercent(),
                        Double.isNaN(result.maxErrorPercent()) ? "— (no exact)" : f("%.3f", result.maxErrorPercent()),
                        Double.isNaN(result.withinTwoSe()) ? "—" : f("%.0f %%", 100 * result.withinTwoSe()),
                        Double.isNaN(result.maxZ()) ? "—" : f("%.2f", result.maxZ())));
            }
        }

        if (!lp.isEmpty()) {
            out.append(f("%n### Nucleolus and equal profit method (ojAlgo LPs on the tabulated game; up to %d runs)%n%n",
                    settings.lpRuns()));
            out.append("| Rule | Members | Tabulate, ms | Time, ms: median (min–max) | Runs | In the core | Remarks |\n");
            out.append("|---|---:|---:|---:|---:|---|---|\n");
            for (var result : lp) {
                if (result.millis().length == 0) {
                    out.append(f("| %s | %d | %,.0f | %s | 0 | | |%n", result.rule(), result.members(),
                            result.tabulateMillis(), result.note()));
                    continue;
                }
                out.append(f("| %s | %d | %,.0f | %,.1f (%,.1f–%,.1f) | %d | %s | %s |%n", result.rule(),
                        result.members(), result.tabulateMillis(), median(result.millis()), min(result.millis()),
                        max(result.millis()), result.millis().length, result.inCore() ? "yes" : "no",
                        result.note().isEmpty() ? "" : result.note().replace("|", "\\|")));
            }
            out.append("\nTabulate: 0 when the table was already built by an earlier section (same book).\n");
        }

        if (!settlements.isEmpty()) {
            out.append(f("%n### `PeriodSettlement.settle` end to end (%d runs each; fresh market per run)%n%n",
                    settings.settlementRuns()));
            out.append("| Members | Agreed rule | Rule applied | Time, ms: median (min–max) | R, USD | Risk cost, USD "
                    + "| Stability check | Blocking |\n|---:|---|---|---:|---:|---:|---|---:|\n");
            for (var result : settlements) {
                out.append(f("| %d | %s | %s | %,.0f (%,.0f–%,.0f) | %,.2f | %,.2f | %s, %,d coalitions | %d |%n",
                        result.members(), result.agreed(), result.ruleApplied(), median(result.millis()),
                        min(result.millis()), max(result.millis()), result.realisedTotal() / 100.0,
                        result.riskCost() / 100.0, result.exhaustive() ? "exhaustive" : "singles and all-but-one",
                        result.coalitionsChecked(), result.blocking()));
            }
        }
        return out.toString();
    }

    static double median(double[] sample) {
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] sample) {
        return Arrays.stream(sample).min().orElse(Double.NaN);
    }

    private static double max(double[] sample) {
        return Arrays.stream(sample).max().orElse(Double.NaN);
    }

    private static String f(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
