package com.backhaulexchange.benchmarks;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One thing to cold-start: a jar, its handler, where each launch gets its event, the environment of
 * the process, and the response summary that counts as success (a regular expression the whole summary must
 * match; anything else fails the run).
 *
 * @param id       short name (file names of logs, progress lines)
 * @param function the row's label: the template's function (or the baseline) and its handler
 * @param request  the first request, as the report describes it
 * @param jarLabel the jar's row in the jar table
 * @param events   a supplier, because most events must differ per launch (a fresh Idempotency-Key, a lane or a
 *                 period of its own): preparing one is not timed
 */
record ColdStartCase(
        String id,
        String function,
        String request,
        String jarLabel,
        Path jar,
        String handlerClass,
        String eventClass,
        Supplier<PreparedEvent> events,
        Map<String, String> environment,
        String expectedSummary) {

    static final String HELLO_WORLD = "hello-world";
    static final String FLOOR = "floor";
    static final String FLOOR_WITH_JSON = "floor-json";

    ColdStartCase {
        environment = Map.copyOf(environment);
    }

    boolean isBaseline(String baselineId) {
        return id.equals(baselineId);
    }
}
