package com.backhaulexchange.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** All launches of one case under one JIT mode. */
record CaseResult(ColdStartCase coldStartCase, JitMode jit, List<Launch> launches) {

    CaseResult(ColdStartCase coldStartCase, JitMode jit) {
        this(coldStartCase, jit, new ArrayList<>());
    }

    Stats total() {
        return stats(Launch::totalMillis);
    }

    Stats launchToMain() {
        return stats(launch -> launch.launchToMainMillis());
    }

    Stats jvmStartToMain() {
        return stats(launch -> launch.jvmStartToMainMillis());
    }

    Stats loadedClasses() {
        return stats(launch -> launch.loadedClasses());
    }

    Stats mainToResponse() {
        return stats(Launch::mainToResponseMillis);
    }

    private Stats stats(ToDoubleFunction<Launch> metric) {
        return Stats.of(launches.stream().map(launch -> metric.applyAsDouble(launch)).toList());
    }
}
