package com.backhaulexchange.benchmarks.settlement;

import com.backhaulexchange.benchmarks.MachineInfo;
import com.backhaulexchange.kernel.id.Ulid;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.adapter.json.Json;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.adapter.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbMatchRepository;
import com.backhaulexchange.function.settlement.PeriodSettlerHandler;
import com.backhaulexchange.function.settlement.SettlementApiHandler;
import com.backhaulexchange.function.settlement.SettlementScheduleHandler;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.ElasticMqServer;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.testing.Postings;
import com.backhaulexchange.testing.RecordingContext;
import com.backhaulexchange.testing.TemplateQueues;
import com.backhaulexchange.testing.TemplateTables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * One period close at scale (issue 5), on the local stack in-process: DynamoDB Local and ElasticMQ on loopback.
 *
 * <p>Seeding: {@code bench.close.collaborations} collaborations (3–8 members, {@link PeriodCloseSeed}) created and
 * accepted through the settlement function's API handler (weekly, starting in two days, real clock); per
 * collaboration up to {@code bench.close.matchesPerCollaboration} matches between members, posted and saved
 * through the lane and match repositories as the fixtures do; {@code bench.close.bookings} bookings in total
 * in the collaborations' period 0 (delivered, ~2 % cancelled by the shipper with TONU), their two party copies
 * written straight into NegotiationsTable with BatchWriteItem (the items the negotiation fixtures write).
 *
 * <p>Close: the schedule handler (clock shifted past period 0's close with {@code BHX_SETTLEMENT_CLOCK_OFFSET_SECONDS})
 * fans out to SettlementQueue; {@code bench.close.pollers} pollers do what Lambda's event source mapping does
 * (receive up to 5 = the template's BatchSize, run the settler, delete) — each message is handed to the
 * settler on its own, so each collaboration's settle time is measured; a batch's time is their sum. Then every
 * collaboration's committed period is read back: outcome, ledger balance (and the lines summed again here),
 * ledger lines and settled bookings against what was seeded.
 */
public final class PeriodCloseBenchmark {
    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final Instant LANE_CLOCK = Instant.parse("2026-11-10T12:00:00Z");
    private static final int SQS_BATCH_SIZE = 5;
    private static final int SETTLER_TIMEOUT_SECONDS = 120;

    private final DynamoDbClient dynamoDb = DynamoDbLocalServer.shared().client();
    private final SqsClient sqs = ElasticMqServer.shared().client();
    private final Path events;
    /** The largest committed settlement document: gzipped bytes and chunks (the store allows 12 of 300 KB). */
    private long largestZippedBytes;
    /** What the checks found wrong; any makes the run fail. */
    private final List<String> problems = new ArrayList<>();
    private int largestChunks;
    private final com.backhaulexchange.kernel.id.Ulid ids = new com.backhaulexchange.kernel.id.Ulid(Clock.systemUTC(),
            new SecureRandom());

    private PeriodCloseBenchmark(Path events) {
        this.events = events;
    }

    public static void main(String[] args) {
        try {
            System.exit(runFromSystemProperties() ? 0 : 1);
        } catch (Throwable e) {
            e.printStackTrace();
            // DynamoDB Local's and ElasticMQ's threads would keep the JVM alive.
            System.exit(1);
        }
    }

    /** Runs, prints and writes the report; false when a collaboration was not settled or a check failed. */
    private static boolean runFromSystemProperties() throws Exception {
        int collaborations = Integer.getInteger("bench.close.collaborations", 1_000);
        int bookings = Integer.getInteger("bench.close.bookings", 100_000);
        int pollers = Integer.getInteger("bench.close.pollers", 4);
        int matchesPer = Integer.getInteger("bench.close.matchesPerCollaboration", 6);
        int seedThreads = Integer.getInteger("bench.close.seedThreads", 4);
        long budgetSeconds = Long.getLong("bench.close.budgetSeconds", 3_600);
        Path root = Path.of(System.getProperty("bench.projectRoot", "."));
        var benchmark = new PeriodCloseBenchmark(root.resolve("events/settlement"));
        String report = benchmark.run(collaborations, bookings, pollers, matchesPer, seedThreads, budgetSeconds);
        System.out.println(report);
        Path output = Path.of(System.getProperty("bench.outputDirectory", "benchmarks/target"),
                "period-close-benchmark.md");
        Files.createDirectories(output.getParent());
        Files.writeString(output, report);
        System.out.println("Written to " + output);
        if (!benchmark.problems.isEmpty()) {
            System.err.println("period close FAILED its checks: " + benchmark.problems.size() + " problem(s), first: "
                    + benchmark.problems.getFirst());
        }
        return benchmark.problems.isEmpty();
    }

    /** What was seeded for one collaboration. */
    private record Seeded(String id, int members, int bookings, int cancelled) {
    }

    /** One collaboration's close as measured by a poller. */
    private record Settled(String id, double seconds) {
    }

    String run(int collaborations, int bookings, int pollers, int matchesPer, int seedThreads, long budgetSeconds)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(budgetSeconds);
        String collaborationsTable = TemplateTables.createFresh(dynamoDb, "CollaborationsTable");
        String negotiationsTable = TemplateTables.createFresh(dynamoDb, "NegotiationsTable");
        String lanesTable = TemplateTables.createFresh(dynamoDb, "LanesTable");
        var queue = TemplateQueues.createFresh(sqs, "SettlementQueue", 720);

        LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        Instant startsAt = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        // Period 0 closes 7 days + 6 h after the start; settle at start + 8 days 12:00 (period 1 still open).
        long offset = Duration.between(Instant.now(), startsAt.plus(Duration.ofDays(8)).plusSeconds(12 * 3600))
                .toSeconds();

        Map<String, String> variables = new HashMap<>();
        variables.put("COLLABORATIONS_TABLE_NAME", collaborationsTable);
        variables.put("SETTLEMENT_QUEUE_URL", queue.url());
        variables.put("NEGOTIATIONS_TABLE_NAME", negotiationsTable);
        variables.put("LANES_TABLE_NAME", lanesTable);
        Map<String, String> apiEnvironment = ElasticMqServer.shared().withEndpoint(
                DynamoDbLocalServer.shared().functionEnvironment(variables));
        Map<String, String> closeEnvironment = new HashMap<>(apiEnvironment);
        closeEnvironment.put("BHX_SETTLEMENT_CLOCK_OFFSET_SECONDS", Long.toString(offset));

        List<PeriodCloseSeed.Plan> plans = PeriodCloseSeed.plan(collaborations, bookings, 2.0, 20261121L);
        var api = new SettlementApiHandler(apiEnvironment);
        var lanes = new DynamoDbLaneRepository(dynamoDb, lanesTable);
        var matchRepository = new DynamoDbMatchRepository(dynamoDb, lanesTable);
        var postings = new Postings(lanes, Clock.fixed(LANE_CLOCK, ZoneOffset.UTC));

        // ---- seed
        long seedStart = System.nanoTime();
        AtomicLong collaborationNanos = new AtomicLong();
        AtomicLong matchNanos = new AtomicLong();
        AtomicLong bookingNanos = new AtomicLong();
        AtomicInteger itemsWritten = new AtomicInteger();
        AtomicInteger matchesSaved = new AtomicInteger();
        ExecutorService seeders = Executors.newFixedThreadPool(seedThreads);
        List<Future<Seeded>> futures = new ArrayList<>();
        for (int c = 0; c < plans.size(); c++) {
            PeriodCloseSeed.Plan plan = plans.get(c);
            long seed = 1_000L + c;
            futures.add(seeders.submit(() -> {
                Random random = new Random(seed);
                long t0 = System.nanoTime();
                List<PartnerId> members = new ArrayList<>();
                for (int m = 0; m < plan.members(); m++) {
                    members.add(PartnerExamples.newPartnerId());
                }
                String id = PeriodSeeding.createCollaboration(api, events, members, start);
                long t1 = System.nanoTime();
                List<Match> matches = new ArrayList<>();
                for (int k = 0; k < Math.min(matchesPer, plan.members() * (plan.members() - 1)); k++) {
                    int carrier = random.nextInt(plan.members());
                    int shipper = (carrier + 1 + random.nextInt(plan.members() - 1)) % plan.members();
                    matches.add(PeriodSeeding.match(postings, matchRepository, members.get(carrier), members.get(shipper),
                            LANE_CLOCK));
                }
                matchesSaved.addAndGet(matches.size());
                long t2 = System.nanoTime();
                List<Map<String, AttributeValue>> items = new ArrayList<>();
                for (int b = 0; b < plan.bookings(); b++) {
                    Match match = matches.get(random.nextInt(matches.size()));
                    Instant pickup = startsAt.plusSeconds(3_600 + random.nextInt(6 * 86_400));
                    long agreed = 150_000 + random.nextInt(100_000);
                    Booking booking = b < plan.cancelled() ? PeriodSeeding.cancelledByShipper(ids, match, agreed, pickup)
                            : PeriodSeeding.delivered(ids, match, agreed, pickup);
                    items.addAll(PeriodSeeding.partyCopies(booking));
                }
                PeriodSeeding.batchPut(dynamoDb, negotiationsTable, items);
                itemsWritten.addAndGet(items.size());
                long t3 = System.nanoTime();
                collaborationNanos.addAndGet(t1 - t0);
                matchNanos.addAndGet(t2 - t1);
                bookingNanos.addAndGet(t3 - t2);
                return new Seeded(id, plan.members(), plan.bookings(), plan.cancelled());
            }));
        }
        Map<String, Seeded> seeded = new HashMap<>();
        for (Future<Seeded> future : futures) {
            Seeded one = future.get();
            seeded.put(one.id(), one);
            if (seeded.size() % 100 == 0) {
                System.out.printf("seeded %d/%d collaborations (%.0f s)%n", seeded.size(), plans.size(),
                        (System.nanoTime() - seedStart) / 1e9);
            }
        }
        seeders.shutdown();
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        System.out.printf("seeding done in %.1f s%n", seedSeconds);

        // ---- close: fan-out, then K pollers through the settler
        var context = new RecordingContext();
        long closeStart = System.nanoTime();
        Map<String, Object> fanOut = new SettlementScheduleHandler(closeEnvironment).handleRequest(Map.of(), context);
        double fanOutSeconds = (System.nanoTime() - closeStart) / 1e9;
        int due = ((Number) fanOut.get("periodsDue")).intValue();
        System.out.printf("fan-out: %d periods due in %.1f s%n", due, fanOutSeconds);

        Map<String, Settled> settled = new ConcurrentHashMap<>();
        List<Double> batchSeconds = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(pollers);
        for (int p = 0; p < pollers; p++) {
            pool.submit(() -> {
                var handler = new PeriodSettlerHandler(closeEnvironment);
                var pollerContext = new RecordingContext();
                while (running.get()) {
                    List<Message> batch = sqs.receiveMessage(request -> request.queueUrl(queue.url())
                            .maxNumberOfMessages(SQS_BATCH_SIZE).waitTimeSeconds(1)).messages();
                    double batchTotal = 0;
                    for (Message message : batch) {
                        var record = new SQSEvent.SQSMessage();
                        record.setMessageId(message.messageId());
                        record.setBody(message.body());
                        record.setEventSource("aws:sqs");
                        var event = new SQSEvent();
                        event.setRecords(List.of(record));
                        long t0 = System.nanoTime();
                        var response = handler.handleRequest(event, pollerContext);
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        batchTotal += seconds;
                        if (response.getBatchItemFailures().isEmpty()) {
                            String id = MAPPER.readTree(message.body()).path("collaborationId").asText();
                            settled.put(id, new Settled(id, seconds));
                            sqs.deleteMessage(request -> request.queueUrl(queue.url())
                                    .receiptHandle(message.receiptHandle()));
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                    if (!batch.isEmpty()) {
                        batchSeconds.add(batchTotal);
                    }
                }
                return null;
            });
        }
        while (settled.size() < due && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double closeSeconds = (System.nanoTime() - closeStart) / 1e9;
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        System.out.printf("close: %d/%d settled in %.1f s%n", settled.size(), due, closeSeconds);

        // ---- check every committed period
        int balanced = 0;
        int settledOutcome = 0;
        long ledgerLines = 0;
        long postingCount = 0;
        long bookingsSettled = 0;
        int bookingMismatches = 0;
        if (settled.size() < due || due != seeded.size()) {
            problems.add(settled.size() + " of " + due + " periods due settled (" + seeded.size() + " seeded, "
                    + failures.get() + " failed attempts)");
        }
        for (Seeded one : seeded.values()) {
            JsonNode document = period(collaborationsTable, one.id());
            if (document == null) {
                problems.add(one.id() + ": no period 0 committed");
                continue;
            }
            if ("SETTLED".equals(document.path("outcome").asText())) {
                settledOutcome++;
            } else {
                problems.add(one.id() + ": outcome " + document.path("outcome").asText() + " "
                        + document.path("refusal"));
            }
            JsonNode ledger = document.path("ledger");
            long sum = 0;
            for (JsonNode posting : ledger.path("postings")) {
                postingCount++;
                for (JsonNode line : posting.path("lines")) {
                    ledgerLines++;
                    sum += line.path("amountMinorUnits").asLong();
                }
            }
            if (sum == 0 && ledger.path("balance").asLong() == 0 && !ledger.isMissingNode()) {
                balanced++;
            } else {
                problems.add(one.id() + ": ledger sums to " + sum + ", balance " + ledger.path("balance"));
            }
            int count = document.path("settledBookings").size();
            bookingsSettled += count;
            if (count != one.bookings()) {
                bookingMismatches++;
            }
        }

        // ---- report
        Map<String, Integer> bookingsById = new HashMap<>();
        seeded.values().forEach(one -> bookingsById.put(one.id(), one.bookings()));
        double[] times = settled.values().stream().mapToDouble(Settled::seconds).sorted().toArray();
        Settled slowest = settled.values().stream().max(java.util.Comparator.comparingDouble(Settled::seconds))
                .orElse(null);
        Seeded largest = seeded.values().stream().max(java.util.Comparator.comparingInt(Seeded::bookings))
                .orElseThrow();
        Settled largestTime = settled.get(largest.id());
        double[] batches = batchSeconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();

        StringBuilder r = new StringBuilder();
        r.append("## Period close at scale (issue 5)\n\n");
        r.append("Machine: ").append(procField("/proc/cpuinfo", "model name")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" processors, ")
                .append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(", load average at the end ")
                .append(MachineInfo.loadAverage()).append(". DynamoDB Local and ElasticMQ in-process on loopback.\n\n");
        r.append(String.format("Seeded: %,d collaborations (3–8 members, %,d members in all), %,d bookings in period 0 "
                        + "(%,d TONU cancellations), %,d matches, %,d party-copy items; %d seeding threads.%n%n",
                seeded.size(), seeded.values().stream().mapToInt(Seeded::members).sum(),
                seeded.values().stream().mapToInt(Seeded::bookings).sum(),
                seeded.values().stream().mapToInt(Seeded::cancelled).sum(), matchesSaved.get(), itemsWritten.get(),
                seedThreads));
        r.append("| measure | value |\n|---|---|\n");
        r.append(String.format("| seeding, wall clock | %.1f s (thread-time: collaborations via API %.0f s, matches %.0f s,"
                        + " bookings BatchWriteItem %.0f s) |%n", seedSeconds, collaborationNanos.get() / 1e9,
                matchNanos.get() / 1e9, bookingNanos.get() / 1e9));
        r.append(String.format("| fan-out (schedule handler: gsi1 query, %,d messages sent) | %.1f s |%n", due,
                fanOutSeconds));
        r.append(String.format("| total close (fan-out + drain with %d pollers, batch size %d) | %.1f s |%n", pollers,
                SQS_BATCH_SIZE, closeSeconds));
        r.append(String.format("| collaborations settled (outcome SETTLED) | %,d of %,d (%,d messages done, %d failed"
                        + " attempts) |%n", settledOutcome, seeded.size(), settled.size(), failures.get()));
        if (times.length > 0) {
            r.append(String.format("| per-collaboration settle time p50 / p95 / p99 / max | %.2f / %.2f / %.2f / %.2f s |%n",
                    pct(times, 50), pct(times, 95), pct(times, 99), times[times.length - 1]));
            r.append(String.format("| slowest collaboration | %.2f s (%,d bookings, %d members) |%n", slowest.seconds(),
                    bookingsById.get(slowest.id()), seeded.get(slowest.id()).members()));
        }
        if (largestTime != null) {
            r.append(String.format("| largest collaboration (%,d bookings, %d members) | %.2f s = %.2f %% of Lambda's "
                            + "15-minute limit, %.1f %% of the settler's configured %d s timeout |%n",
                    largest.bookings(), largest.members(), largestTime.seconds(), largestTime.seconds() / 900 * 100,
                    largestTime.seconds() / SETTLER_TIMEOUT_SECONDS * 100, SETTLER_TIMEOUT_SECONDS));
        }
        if (batches.length > 0) {
            r.append(String.format("| per-invocation (batch of up to %d) time p50 / max | %.2f / %.2f s |%n",
                    SQS_BATCH_SIZE, pct(batches, 50), batches[batches.length - 1]));
        }
        r.append(String.format("| ledger postings / ledger lines written | %,d / %,d |%n", postingCount, ledgerLines));
        r.append(String.format("| largest settlement document stored | %,d bytes gzipped in %d chunk(s) of the 12 × 300 KB"
                + " the store allows |%n", largestZippedBytes, largestChunks));
        r.append(String.format("| ledgers that balance (stored balance 0 and lines re-summed to 0) | %,d of %,d |%n",
                balanced, seeded.size()));
        r.append(String.format("| bookings marked settled in the documents | %,d (%d collaborations differ from the"
                + " seeded count) |%n", bookingsSettled, bookingMismatches));
        if (!problems.isEmpty()) {
            r.append("\nProblems (first 10):\n\n");
            problems.stream().limit(10).forEach(problem -> r.append("- ").append(problem).append('\n'));
        }
        return r.toString();
    }

    // ---- reading back

    /** Period 0's settlement document: header's chunk count, chunks concatenated and gunzipped. */
    private JsonNode period(String table, String id) throws IOException {
        var items = dynamoDb.queryPaginator(request -> request.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("COLLAB#" + id),
                        ":prefix", AttributeValue.fromS("PERIOD#0000000000")))).items().stream().toList();
        var header = items.stream().filter(item -> item.get("sk").s().equals("PERIOD#0000000000")).findFirst();
        if (header.isEmpty()) {
            return null;
        }
        int chunks = Integer.parseInt(header.get().get("chunkCount").n());
        var zipped = new ByteArrayOutputStream();
        for (int c = 0; c < chunks; c++) {
            String sk = "PERIOD#0000000000#CHUNK#" + String.format("%03d", c);
            zipped.writeBytes(items.stream().filter(item -> item.get("sk").s().equals(sk)).findFirst().orElseThrow()
                    .get("data").b().asByteArray());
        }
        if (zipped.size() > largestZippedBytes) {
            largestZippedBytes = zipped.size();
            largestChunks = chunks;
        }
        try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.toByteArray()))) {
            return MAPPER.readTree(in.readAllBytes());
        }
    }

    private static double pct(double[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String procField(String file, String field) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(field))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
