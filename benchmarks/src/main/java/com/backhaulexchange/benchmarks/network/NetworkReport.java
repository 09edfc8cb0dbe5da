package com.backhaulexchange.benchmarks.network;

import com.backhaulexchange.benchmarks.MachineInfo;
import java.util.List;
import java.util.Locale;

/** The network benchmark's figures as Markdown. */
final class NetworkReport {
    /** ATRI, Operational Costs of Trucking 2024: 16.7 % of truck miles are empty (docs/reference/freight-conventions.md). */
    static final double PUBLISHED_US_EMPTY_SHARE = 0.167;

    private NetworkReport() {
    }

    static String markdown(NetworkBenchmark.Settings settings, List<NetworkBenchmark.SizeResult> results,
            double seconds) {
        StringBuilder out = new StringBuilder();
        out.append("## Network benchmark (reload chains, issue 11)\n\n");
        out.append(String.format(Locale.ROOT, "Machine: %s, %d processors available, Java %s. Trucks searched on %d "
                        + "threads. Seed %d (+ size), now = %s. Load average at the end: %s. Whole run: %.0f s.%n%n",
                MachineInfo.cpuModelName(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version"), settings.threads(), settings.seed(), settings.now(),
                MachineInfo.loadAverage(), seconds));
        for (var result : results) {
            out.append(String.format(Locale.ROOT, "### %,d lanes (%,d trucks, %,d loads)%n%n", result.lanes(),
                    result.trucks(), result.loads()));
            var chains = result.chainTiming();
            out.append(String.format(Locale.ROOT,
                    "Generated in %.1f s. Feasible pairs: %,d (%,d screened from spatial buckets) in %.2f s. Chains: %,d "
                            + "feasible from %,d of %,d trucks searched (%,d searches hit a ChainSearch cap; %.1f candidate "
                            + "loads given per truck on average) in %.2f s. **Optimised in %.2f s** (pairs + chain search + "
                            + "pairwise assignment + Lagrangian selection seeded with it; %.1f s of CPU on all threads).%n%n",
                    result.generateSeconds(), result.pairs(), result.pairTiming().screened(),
                    result.pairTiming().seconds(), result.chains(), chains.searched(), result.trucks(),
                    chains.truncatedSearches(), chains.searched() == 0 ? 0.0 : (double) chains.candidatesGiven() / chains.searched(),
                    chains.seconds(), result.optimisedSeconds(), result.optimisedCpuSeconds()));
            out.append("| Method | Trucks used | Loads carried | Packages | Empty miles avoided | vs. pairwise "
                    + "| Network deadhead (mi) | Network empty miles avoided | vs. pairwise | Empty share | Loaded share "
                    + "| Surplus (USD) | Surplus / bound | Time (s) |\n");
            out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            double noneDeadhead = result.none().deadheadMiles();
            double pairwiseBySurplus = figureOf(result, "batch pairwise", EmptyMileAccounting.Figures::emptyMilesAvoided);
            double pairwiseByMiles = figureOf(result, NetworkBenchmark.EMPTY_MILES + "batch pairwise",
                    EmptyMileAccounting.Figures::emptyMilesAvoided);
            double pairwiseDeadheadBySurplus = figureOf(result, "batch pairwise", EmptyMileAccounting.Figures::deadheadMiles);
            double pairwiseDeadheadByMiles = figureOf(result, NetworkBenchmark.EMPTY_MILES + "batch pairwise",
                    EmptyMileAccounting.Figures::deadheadMiles);
            double bound = bestBound(result);
            for (var row : result.rows()) {
                if (row.note().startsWith(NetworkBenchmark.NO_SOLUTION)) {
                    out.append(String.format(Locale.ROOT, "| %s (%s) | — | — | — | — | — | — | — | — | — | — | — | — | %.2f |%n",
                            row.method(), row.note(), row.seconds()));
                    continue;
                }
                var f = row.figures();
                boolean byMiles = row.method().startsWith(NetworkBenchmark.EMPTY_MILES);
                double pairwise = byMiles ? pairwiseByMiles : pairwiseBySurplus;
                double pairwiseNetwork = noneDeadhead - (byMiles ? pairwiseDeadheadByMiles : pairwiseDeadheadBySurplus);
                double networkAvoided = noneDeadhead - f.deadheadMiles();
                boolean none = row.method().equals("no matching");
                out.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,.0f | %s | %,.0f | %,.0f | %s | %.2f %% | %.2f %% | %,.0f | %s | %s |%n",
                        row.method() + (row.note().isEmpty() ? "" : " (" + row.note() + ")"), f.trucksUsed(),
                        f.loadsCarried(), f.packages(), f.emptyMilesAvoided(), versus(none, f.emptyMilesAvoided(), pairwise),
                        f.deadheadMiles(), networkAvoided, versus(none, networkAvoided, pairwiseNetwork),
                        100 * f.emptyShare(), 100 * f.loadedShare(), f.surplusMinorUnits() / 100.0,
                        none || Double.isNaN(bound) || !row.method().startsWith("packages") ? "—"
                                : String.format(Locale.ROOT, "%.3f %%", 100 * f.surplusMinorUnits() / bound),
                        none ? "—" : String.format(Locale.ROOT, "%.2f", row.seconds())));
            }
            out.append(String.format(Locale.ROOT, "%nSurplus bound for packages + pairs: %s. Published US empty share: %.1f %% "
                    + "(ATRI 2024); this network without matching: %.1f %%.%n%n",
                    Double.isNaN(bound) ? "none" : String.format(Locale.ROOT, "USD %,.0f", bound / 100),
                    100 * PUBLISHED_US_EMPTY_SHARE, 100 * result.none().emptyShare()));
        }
        return out.toString();
    }

    /** "+12.3 %": {@code value} against the pairwise figure; a dash where there is nothing to compare. */
    private static String versus(boolean none, double value, double pairwise) {
        return none || Double.isNaN(pairwise) || pairwise == 0 ? "—"
                : String.format(Locale.ROOT, "%+.1f %%", 100 * (value / pairwise - 1));
    }

    /** A figure of the first row whose method starts with {@code method} (NaN without one). */
    private static double figureOf(NetworkBenchmark.SizeResult result, String method,
            java.util.function.ToDoubleFunction<EmptyMileAccounting.Figures> figure) {
        return result.rows().stream().filter(row -> row.method().startsWith(method))
                .mapToDouble(row -> figure.applyAsDouble(row.figures())).findFirst().orElse(Double.NaN);
    }

    /** The tightest upper bound on the packages + pairs surplus: the exact optimum when proven, else the Lagrangian. */
    static double bestBound(NetworkBenchmark.SizeResult result) {
        return result.rows().stream().filter(row -> row.method().startsWith("packages"))
                .mapToDouble(NetworkBenchmark.Row::upperBound).filter(value -> !Double.isNaN(value)).min()
                .orElse(Double.NaN);
    }
}
