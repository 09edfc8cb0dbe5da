package com.backhaulexchange.benchmarks.matching;

import com.backhaulexchange.benchmarks.MachineInfo;
import com.backhaulexchange.lane.LaneKind;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The matching benchmark's figures as Markdown. */
final class MatchingReport {
    private MatchingReport() {
    }

    static String markdown(MatchingBenchmark.Settings settings, List<PostingEventBenchmark.Result> postings,
            List<MatchQualityBenchmark.Result> quality, AssignmentTiming.Result timing, double seconds) {
        StringBuilder out = new StringBuilder();
        out.append("## Matching benchmark\n\n");
        out.append(String.format(Locale.ROOT, "Machine: %s, %d processors, Java %s (%s), %s. Seed %d, now = %s. "
                        + "Whole run: %.0f s.%n%n", MachineInfo.cpuModelName(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), settings.seed(),
                settings.now(), seconds));

        out.append(String.format(Locale.ROOT, "### Per posting event (match engine's `MatchRunner.match`, DynamoDB Local,"
                + " read budget %,d entries, %s)%n%n", settings.readBudget(),
                settings.packages() ? "reload packages searched after the matches" : "single-load matching only"));
        out.append("| Book (lanes) | Load time | Posting | Events | Candidates read (median / p95) "
                + "| Items read, all queries (median / p95) | Queries (median / p95) "
                + "| Read capacity units (median / p95) | Time in handler, ms (median / p95) "
                + "| Feasible (median) | Packages stored (median) | Budget reached | Best match vs. no budget |\n");
        out.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var result : postings) {
            for (LaneKind kind : List.of(LaneKind.CAPACITY, LaneKind.LOAD)) {
                var events = result.events().stream().filter(event -> event.kind() == kind).toList();
                long truncated = events.stream().filter(event -> !event.searchComplete()).count();
                long best = events.stream().mapToLong(PostingEventBenchmark.Event::bestSurplusMinorUnits).sum();
                long bestWithoutBudget = events.stream()
                        .mapToLong(PostingEventBenchmark.Event::bestSurplusWithoutBudgetMinorUnits).sum();
                boolean packagesRecorded = settings.packages() && kind == LaneKind.CAPACITY;
                out.append(String.format(Locale.ROOT, "| %,d | %.1f s | %s | %d | %s | %s | %s | %s | %s | %.0f | %s | %d | %s |%n",
                        result.bookSize(), result.loadTime().toMillis() / 1000.0,
                        kind == LaneKind.CAPACITY ? "truck (capacity)" : "load", events.size(),
                        pair(events, PostingEventBenchmark.Event::candidatesRead, "%.0f"),
                        pair(events, PostingEventBenchmark.Event::itemsQueried, "%.0f"),
                        pair(events, PostingEventBenchmark.Event::queries, "%.0f"),
                        pair(events, PostingEventBenchmark.Event::readCapacityUnits, "%.1f"),
                        pair(events, PostingEventBenchmark.Event::millis, "%.1f"),
                        Percentiles.median(values(events, PostingEventBenchmark.Event::feasible)),
                        packagesRecorded ? String.format(Locale.ROOT, "%.0f",
                                Percentiles.median(values(events, PostingEventBenchmark.Event::packagesFound))) : "—",
                        truncated,
                        bestWithoutBudget == 0 ? "—" : String.format(Locale.ROOT, "%.2f %%",
                                100.0 * best / bestWithoutBudget)));
            }
        }

        if (!quality.isEmpty()) {
            out.append("\n### Match quality (total surplus as a fraction of the exact optimum)\n\n");
            out.append("| Book (lanes) | Feasible pairs | Optimum (USD) | Optimum matches | Incremental | "
                    + "Batch optimiser | Greedy | Exact solve, ms | BatchMatcher.plan, ms |\n");
            out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (var result : quality) {
                out.append(String.format(Locale.ROOT, "| %,d | %,d | %,.2f | %,d | %.4f %% | %.4f %% | %.4f %% | %.0f | %.0f |%n",
                        result.bookSize(), result.feasiblePairs(), result.optimum() / 100.0, result.optimumMatches(),
                        100 * result.fraction(result.incremental()), 100 * result.fraction(result.batch()),
                        100 * result.fraction(result.greedy()), result.exactMillis(), result.batchMillis()));
            }
        }

        if (timing != null) {
            out.append(String.format(Locale.ROOT, "%n### Optimising %,d capacities × %,d loads%n%n", timing.capacities(),
                    timing.loads()));
            out.append(String.format(Locale.ROOT, "%,d feasible pairs; %d warm-up runs, then %d measured.%n%n",
                    timing.feasiblePairs(), timing.warmUpRuns(), timing.runs()));
            out.append("| What | Median, ms | Max, ms |\n|---|---:|---:|\n");
            out.append(String.format(Locale.ROOT, "| BatchMatcher.plan (candidates, evaluation, exact solve) | %.1f | %.1f |%n",
                    timing.batchMedianMillis(), timing.batchMaxMillis()));
            out.append(String.format(Locale.ROOT, "| ShortestAugmentingPathSolver alone (exact) | %.1f | %.1f |%n",
                    timing.exactMedianMillis(), timing.exactMaxMillis()));
            out.append(String.format(Locale.ROOT, "| GreedyAssignment alone | %.1f | |%n", timing.greedyMedianMillis()));
        }
        return out.toString();
    }

    private static String pair(List<PostingEventBenchmark.Event> events,
            ToDoubleFunction<PostingEventBenchmark.Event> value, String format) {
        double[] sample = values(events, value);
        return String.format(Locale.ROOT, format + " / " + format, Percentiles.median(sample),
                Percentiles.of(sample, 95));
    }

    private static double[] values(List<PostingEventBenchmark.Event> events,
            ToDoubleFunction<PostingEventBenchmark.Event> value) {
        return events.stream().mapToDouble(value).toArray();
    }
}
