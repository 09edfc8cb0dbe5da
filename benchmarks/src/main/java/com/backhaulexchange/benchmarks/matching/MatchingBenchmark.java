package com.backhaulexchange.benchmarks.matching;

import com.backhaulexchange.function.matchengine.MatchRunner;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The matching benchmark of issue 3 (docs/benchmarks.md, "Matching"): per-posting reads and time on books
 * of 1k, 10k and 100k lanes in DynamoDB Local, match quality against the exact optimum, and the time to
 * optimise 2,000 × 2,000. Settings are system properties (see {@link Settings}); the report goes to stdout
 * and to {@code matching.md} in the output directory.
 */
public final class MatchingBenchmark {

    /** What to run; each is a system property {@code bench.matching.<name>}. */
    record Settings(List<Integer> bookSizes, List<Integer> qualitySizes, int events, int largeBookEvents,
            int largeBookThreshold, int warmUpEvents, int assignmentSize, int assignmentWarmUps, int assignmentRuns,
            int loadThreads, int readBudget, boolean packages, long seed, Instant now, Path outputDirectory) {

        static Settings fromSystemProperties() {
            return new Settings(
                    integers(System.getProperty("bench.matching.books", "1000,10000,100000")),
                    integers(System.getProperty("bench.matching.qualityBooks", "1000,10000")),
                    Integer.getInteger("bench.matching.events", 50),
                    Integer.getInteger("bench.matching.largeBookEvents", 50),
                    Integer.getInteger("bench.matching.largeBookThreshold", 100_000),
                    Integer.getInteger("bench.matching.warmUpEvents", 20),
                    Integer.getInteger("bench.matching.assignmentSize", 2_000),
                    Integer.getInteger("bench.matching.assignmentWarmUps", 3),
                    Integer.getInteger("bench.matching.assignmentRuns", 5),
                    Integer.getInteger("bench.matching.loadThreads", 8),
                    Integer.getInteger("bench.matching.readBudget", MatchRunner.Settings.DEFAULT_CANDIDATE_READ_BUDGET),
                    Boolean.parseBoolean(System.getProperty("bench.matching.packages", "true")),
                    Long.getLong("bench.matching.seed", 20261121L),
                    Instant.parse(System.getProperty("bench.matching.now", "2026-12-01T12:00:00Z")),
                    Path.of(System.getProperty("bench.outputDirectory", "benchmarks/target")));
        }

        private static List<Integer> integers(String csv) {
            return csv.isBlank() ? List.of()
                    : Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
        }
    }

    private MatchingBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run(Settings.fromSystemProperties());
        } catch (Throwable e) {
            e.printStackTrace();
            // DynamoDB Local's server threads would keep the JVM alive.
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(Settings settings) throws IOException {
        long started = System.nanoTime();
        var cities = UsCities.bundled();
        var config = MatchingConfig.DEFAULT;
        var meter = new ConsumedCapacityMeter();
        var server = DynamoDbLocalServer.shared();
        DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> override.addExecutionInterceptor(meter))
                .build();
        var postings = new PostingEventBenchmark(dynamoDb, meter, Clock.fixed(settings.now(), ZoneOffset.UTC),
                settings.loadThreads(), settings.readBudget(), settings.packages());

        List<PostingEventBenchmark.Result> postingResults = new ArrayList<>();
        for (int size : settings.bookSizes()) {
            int events = size >= settings.largeBookThreshold() ? settings.largeBookEvents() : settings.events();
            var book = new BookGenerator(cities, settings.now(), settings.seed() + size)
                    .generate(size, settings.warmUpEvents() + events);
            log("book of %,d lanes: loading and %d posting events (%d warm-up)", size, events, settings.warmUpEvents());
            var result = postings.run(book, settings.warmUpEvents());
            log("  loaded in %.1f s", result.loadTime().toMillis() / 1000.0);
            postingResults.add(result);
        }

        List<MatchQualityBenchmark.Result> qualityResults = new ArrayList<>();
        var quality = new MatchQualityBenchmark(config);
        for (int size : settings.qualitySizes()) {
            log("match quality on a book of %,d lanes", size);
            qualityResults.add(quality.run(new BookGenerator(cities, settings.now(), settings.seed() + size)
                    .generate(size, 0)));
        }

        AssignmentTiming.Result timing = null;
        if (settings.assignmentSize() > 0) {
            log("optimising %,d × %,d", settings.assignmentSize(), settings.assignmentSize());
            timing = new AssignmentTiming(config).run(new BookGenerator(cities, settings.now(), settings.seed())
                    .generate(2 * settings.assignmentSize(), 0), settings.assignmentWarmUps(), settings.assignmentRuns());
        }

        double seconds = (System.nanoTime() - started) / 1e9;
        String report = MatchingReport.markdown(settings, postingResults, qualityResults, timing, seconds);
        System.out.println(report);
        Files.createDirectories(settings.outputDirectory());
        Path written = settings.outputDirectory().resolve("matching.md");
        Files.writeString(written, report);
        log("report written to %s", written.toAbsolutePath().normalize());
        dynamoDb.close();
    }

    private static void log(String format, Object... values) {
        System.err.printf("[matching] " + format + "%n", values);
    }
}
