package com.backhaulexchange.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything one benchmark run found. */
record ColdStartReport(MachineInfo machine, List<JarInfo> jars, List<CaseResult> results, int runs, Instant finishedAt,
        Duration elapsed, String loadAverageBefore, String loadAverageAfter) {

    /** The hello-world result under the same JIT mode: the denominator of the ratio column. */
    Optional<CaseResult> baselineFor(JitMode jit) {
        return results.stream()
                .filter(result -> result.coldStartCase().isBaseline() && result.jit().equals(jit))
                .findFirst();
    }
}
