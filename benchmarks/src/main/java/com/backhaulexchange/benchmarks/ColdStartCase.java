package com.backhaulexchange.benchmarks;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One thing to cold-start: a jar, its handler, where each launch gets its event, the environment of
 * the process, and the response summary prefix that counts as success (anything else fails the run).
 *
 * @param events a supplier, because some events must differ per launch (a fresh Idempotency-Key)
 */
record ColdStartCase(
        String id,
        String function,
        String request,
        Path jar,
        String handlerClass,
        String eventClass,
        Supplier<Path> events,
        Map<String, String> environment,
        String expectedSummaryPrefix) {

    ColdStartCase {
        environment = Map.copyOf(environment);
    }

    boolean isBaseline() {
        return id.equals(ColdStartBenchmark.HELLO_WORLD);
    }
}
