package com.backhaulexchange.benchmarks;

/**
 * One fresh JVM, timed from outside.
 *
 * @param totalMillis          ProcessBuilder.start() → the FIRST_RESPONSE line read (System.nanoTime)
 * @param launchToMainMillis   start() → the probe's main() entered (wall clocks of both processes, 1 ms resolution)
 * @param jvmStartToMainMillis the JVM's own start stamp (RuntimeMXBean start time) → main() entered
 * @param loadedClasses        classes the JVM had loaded after the response (ClassLoadingMXBean, total)
 */
record Launch(double totalMillis, long launchToMainMillis, long jvmStartToMainMillis, int loadedClasses,
        String summary) {

    /** Handler construction, event deserialization, the invocation and response serialization. */
    double mainToResponseMillis() {
        return totalMillis - launchToMainMillis;
    }
}
