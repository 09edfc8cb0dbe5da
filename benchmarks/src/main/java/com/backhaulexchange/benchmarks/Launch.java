package com.backhaulexchange.benchmarks;

/**
 * One fresh JVM, timed from outside.
 *
 * @param totalMillis          ProcessBuilder.start() → the FIRST_RESPONSE line read (System.nanoTime)
 * @param launchToMainMillis   start() → the probe's main() entered (wall clocks of both processes, 1 ms resolution)
 * @param jvmStartToMainMillis the JVM's own start stamp (RuntimeMXBean start time) → main() entered
 */
record Launch(double totalMillis, long launchToMainMillis, long jvmStartToMainMillis, String summary) {

    /** Handler construction, event deserialization, the invocation and response serialization. */
    double mainToResponseMillis() {
        return totalMillis - launchToMainMillis;
    }
}
