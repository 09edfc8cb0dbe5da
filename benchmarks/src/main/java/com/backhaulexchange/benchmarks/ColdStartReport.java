package com.backhaulexchange.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything one benchmark run found. */
record ColdStartReport(MachineInfo machine, List<JarInfo> jars, List<CaseResult> results, int runs, Instant finishedAt,
        Duration elapsed, String loadAverageBefore, String loadAverageAfter, long weeksAhead) {

    /** The result of the baseline case {@code baselineId} under the same JIT mode: a ratio's denominator. */
    Optional<CaseResult> baselineFor(String baselineId, JitMode jit) {
        return results.stream()
                .filter(result -> result.coldStartCase().isBaseline(baselineId) && result.jit().equals(jit))
                .findFirst();
    }
}
