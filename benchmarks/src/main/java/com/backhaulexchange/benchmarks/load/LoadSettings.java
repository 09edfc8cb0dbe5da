package com.backhaulexchange.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How hard and how long the API load benchmark pushes: stages of a target rate held for a duration
 * ({@code bench.load.stages}, e.g. {@code 20x120,40x60}: 20 requests/s for 120 s, then 40 for 60 s), the partners
 * that send them, and at most how many requests may be in flight at once (a request due when all are busy is
 * counted as dropped: the stack cannot keep up).
 */
record LoadSettings(List<Stage> stages, int carriers, int shippers, int maxInFlight, long seed, Duration drainLimit,
        Path projectRoot, Path outputDirectory) {

    record Stage(int requestsPerSecond, Duration duration) {
        long requests() {
            return requestsPerSecond * duration.toSeconds();
        }
    }

    static LoadSettings fromSystemProperties() {
        List<Stage> stages = new ArrayList<>();
        for (String stage : System.getProperty("bench.load.stages", "20x120,40x60,80x60,160x60").split(",")) {
            String[] parts = stage.trim().split("x");
            stages.add(new Stage(Integer.parseInt(parts[0]), Duration.ofSeconds(Long.parseLong(parts[1]))));
        }
        return new LoadSettings(List.copyOf(stages), Integer.getInteger("bench.load.carriers", 12),
                Integer.getInteger("bench.load.shippers", 12), Integer.getInteger("bench.load.maxInFlight", 32),
                Long.getLong("bench.load.seed", 20261203L),
                Duration.ofSeconds(Long.getLong("bench.load.drainSeconds", 900L)),
                Path.of(System.getProperty("bench.projectRoot", "..")),
                Path.of(System.getProperty("bench.outputDirectory", "target")));
    }
}
