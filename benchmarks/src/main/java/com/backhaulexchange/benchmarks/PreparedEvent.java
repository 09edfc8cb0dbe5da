package com.backhaulexchange.benchmarks;

import java.nio.file.Path;

/**
 * One launch's event, written to a file for the probe, and what must hold once the function has answered (a
 * match run stored, a webhook received, a period settled...): a response that says success but did not do the
 * work fails the benchmark too. Preparing it (seeding the data the request needs) is not timed.
 */
record PreparedEvent(Path file, Runnable check) {

    static PreparedEvent of(Path file) {
        return new PreparedEvent(file, () -> { });
    }
}
