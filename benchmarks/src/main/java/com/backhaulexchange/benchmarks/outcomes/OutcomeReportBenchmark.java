package com.backhaulexchange.benchmarks.outcomes;

import com.backhaulexchange.adapter.dynamodb.DynamoDbDealStore;
import com.backhaulexchange.adapter.dynamodb.OutcomeLedgerWrites;
import com.backhaulexchange.benchmarks.MachineInfo;
import com.backhaulexchange.benchmarks.matching.Percentiles;
import com.backhaulexchange.deal.outcome.Co2eKg;
import com.backhaulexchange.deal.outcome.DeliveredOutcome;
import com.backhaulexchange.deal.outcome.LanePair;
import com.backhaulexchange.deal.outcome.LedgerEntry;
import com.backhaulexchange.deal.outcome.OutcomeFigures;
import com.backhaulexchange.deal.outcome.OutcomeQuery;
import com.backhaulexchange.deal.outcome.OutcomeQuery.Granularity;
import com.backhaulexchange.deal.outcome.OutcomeReport;
import com.backhaulexchange.deal.outcome.OutcomeRole;
import com.backhaulexchange.emissions.EmissionFactorSet;
import com.backhaulexchange.emissions.EmissionsMethod;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.TemplateTables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Issue 12's measured must: a partner with a year of history asks for its outcomes; what does the report cost,
 * and what does keeping the ledger cost each delivery? On DynamoDB Local in-process, on loopback.
 *
 * <p>Seeding: {@code bench.outcomes.bookings} delivered bookings of one carrier spread uniformly over the last
 * {@code bench.outcomes.days} days with {@code bench.outcomes.counterparties} shippers on
 * {@code bench.outcomes.lanePairs} lane pairs, each written as a delivery writes its outcome (ADR 26 and 45): the
 * ledger's own ADD updates of the carrier's and the shipper's day items and lane-pair day items
 * ({@link OutcomeLedgerWrites}), without the booking's items around them. Each update's consumed write capacity is
 * read from the response when DynamoDB Local reports it, and each carrier day item's final size is computed by
 * DynamoDB's item-size rules, since an update is billed on the larger of the item's sizes before and after it.
 *
 * <p>Report: the carrier's whole range through the store's query and the domain's report (what the route does
 * short of HTTP and JSON: the day items and the lane-pair day items), at each granularity, {@code bench.outcomes.reportRuns} times after
 * {@code bench.outcomes.warmUps} unmeasured runs, against a <b>floor</b>: the same query of the same items with
 * nothing parsed or computed. Checks (the run fails otherwise): the carrier's totals count every booking, each
 * series and the lane pairs add up to the totals, the shippers' totals add up to the carrier's, and the report
 * reads at most one day item per day and one lane-pair item per day and lane pair.
 */
public final class OutcomeReportBenchmark {
    private static final EmissionsMethod METHOD = EmissionFactorSet.DEFAULT.method();
    private final DynamoDbClient dynamoDb = DynamoDbLocalServer.shared().client();
    private final List<String> problems = new ArrayList<>();

    private OutcomeReportBenchmark() {
    }

    public static void main(String[] args) {
        try {
            var benchmark = new OutcomeReportBenchmark();
            String report = benchmark.run(Integer.getInteger("bench.outcomes.bookings", 50_000),
                    Integer.getInteger("bench.outcomes.counterparties", 200),
                    Integer.getInteger("bench.outcomes.days", 365),
                    Integer.getInteger("bench.outcomes.lanePairs", 24),
                    Integer.getInteger("bench.outcomes.seedThreads", 4),
                    Integer.getInteger("bench.outcomes.reportRuns", 20),
                    Integer.getInteger("bench.outcomes.warmUps", 3),
                    Long.getLong("bench.outcomes.seed", 20_261_203L));
            System.out.println(report);
            Path output = Path.of(System.getProperty("bench.outputDirectory", "benchmarks/target"),
                    "outcomes-benchmark.md");
            Files.createDirectories(output.getParent());
            Files.writeString(output, report);
            System.out.println("Written to " + output);
            if (!benchmark.problems.isEmpty()) {
                System.err.println("outcomes benchmark FAILED its checks: " + benchmark.problems);
            }
            // DynamoDB Local's threads would keep the JVM alive.
            System.exit(benchmark.problems.isEmpty() ? 0 : 1);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private String run(int bookings, int counterparties, int days, int lanePairCount, int seedThreads,
            int reportRuns, int warmUps, long seed) throws Exception {
        String table = TemplateTables.createFresh(dynamoDb, "NegotiationsTable");
        var ids = new Ulid(Clock.systemUTC(), new SecureRandom());
        PartnerId carrier = new PartnerId(ids.next());
        List<PartnerId> shippers = new ArrayList<>();
        for (int i = 0; i < counterparties; i++) {
            shippers.add(new PartnerId(ids.next()));
        }
        LocalDate last = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = last.minusDays(days - 1L);
        String loadBefore = MachineInfo.loadAverage();

        // Seeding: every delivery's outcome updates, sent as the delivery's transaction would write them.
        var random = new Random(seed);
        List<LanePair> lanePairs = lanePairs(lanePairCount, random);
        List<List<UpdateItemRequest>> deliveries = new ArrayList<>(bookings);
        for (int b = 0; b < bookings; b++) {
            LocalDate day = first.plusDays(random.nextInt(days));
            PartnerId shipper = shippers.get(random.nextInt(counterparties));
            double loaded = 200 + random.nextInt(700);
            double baseline = 100 + random.nextInt(800);
            double empty = random.nextInt((int) baseline);
            double avoided = baseline - empty;
            var co2e = Map.of(METHOD, new Co2eKg(avoided * 1.562, avoided * 1.259));
            var carrierFigures = new OutcomeFigures(1, 1, loaded, empty, baseline, avoided,
                    Map.of("USD", 10_000L + random.nextInt(90_000)), co2e);
            var shipperFigures = new OutcomeFigures(1, 1, loaded, 0, 0, 0,
                    Map.of("USD", 5_000L + random.nextInt(50_000)), co2e);
            deliveries.add(OutcomeLedgerWrites.of(table, new DeliveredOutcome(
                    new LedgerEntry(carrier, day, OutcomeRole.CARRIER, shipper, carrierFigures),
                    new LedgerEntry(shipper, day, OutcomeRole.SHIPPER, carrier, shipperFigures),
                    lanePairs.get(random.nextInt(lanePairs.size())))));
        }
        var capacityUnits = new DoubleAdder();
        var lanePairCapacityUnits = new DoubleAdder();
        var reportedCapacity = new LongAdder();
        var updates = new LongAdder();
        long seedStarted = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(seedThreads);
        try {
            List<Future<?>> work = new ArrayList<>();
            int slice = (bookings + seedThreads - 1) / seedThreads;
            for (int t = 0; t < seedThreads; t++) {
                List<List<UpdateItemRequest>> mine = deliveries.subList(Math.min(bookings, t * slice),
                        Math.min(bookings, (t + 1) * slice));
                work.add(pool.submit(() -> {
                    for (List<UpdateItemRequest> delivery : mine) {
                        for (UpdateItemRequest update : delivery) {
                            var response = dynamoDb.updateItem(update);
                            updates.increment();
                            if (response.consumedCapacity() != null && response.consumedCapacity().capacityUnits() != null) {
                                capacityUnits.add(response.consumedCapacity().capacityUnits());
                                if (OutcomeLedgerWrites.isLanePairDay(update)) {
                                    lanePairCapacityUnits.add(response.consumedCapacity().capacityUnits());
                                }
                                reportedCapacity.increment();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seedSeconds = (System.nanoTime() - seedStarted) / 1e9;

        // Item sizes of the carrier's day items (DynamoDB's rules: names and values in bytes, numbers by digits).
        List<Map<String, AttributeValue>> carrierDays = rawQuery(table, carrier, first, last);
        double[] itemBytes = carrierDays.stream().mapToDouble(OutcomeReportBenchmark::itemSizeBytes).sorted().toArray();
        double largestItemKb = itemBytes.length == 0 ? 0 : itemBytes[itemBytes.length - 1] / 1024;
        List<Map<String, AttributeValue>> carrierLanePairDays = rawLanePairQuery(table, carrier, first, last);
        double[] lanePairItemBytes = carrierLanePairDays.stream().mapToDouble(OutcomeReportBenchmark::itemSizeBytes)
                .sorted().toArray();
        double largestLanePairItemKb = lanePairItemBytes.length == 0 ? 0
                : lanePairItemBytes[lanePairItemBytes.length - 1] / 1024;

        // The report against its floor.
        var store = new DynamoDbDealStore(dynamoDb, table, "unused-lanes-table");
        var rows = new StringBuilder();
        for (Granularity granularity : Granularity.values()) {
            var query = new OutcomeQuery(first, last, granularity);
            double[] report = new double[reportRuns];
            double[] floor = new double[reportRuns];
            for (int run = -warmUps; run < reportRuns; run++) {
                long started = System.nanoTime();
                List<Map<String, AttributeValue>> raw = rawQuery(table, carrier, first, last);
                List<Map<String, AttributeValue>> rawLanePairs = rawLanePairQuery(table, carrier, first, last);
                long floorNanos = System.nanoTime() - started;
                started = System.nanoTime();
                OutcomeReport outcome = OutcomeReport.of(carrier, query, store.days(carrier, first, last),
                        store.lanePairDays(carrier, first, last));
                long reportNanos = System.nanoTime() - started;
                if (run == 0) {
                    check(outcome, bookings, raw.size(), rawLanePairs.size(), lanePairs.size());
                }
                if (run >= 0) {
                    report[run] = reportNanos / 1e6;
                    floor[run] = floorNanos / 1e6;
                }
            }
            double reportMedian = Percentiles.median(report);
            double floorMedian = Percentiles.median(floor);
            rows.append(String.format(Locale.ROOT, "| %s | %d + %d | %.1f | %.1f | %.1f | %.1f | %.2f |%n",
                    granularity, carrierDays.size(), carrierLanePairDays.size(), reportMedian,
                    Percentiles.of(report, 95), floorMedian,
                    Percentiles.of(floor, 95), reportMedian / floorMedian));
        }
        long shipperBookings = 0;
        for (PartnerId shipper : shippers) {
            var outcome = OutcomeReport.of(shipper, new OutcomeQuery(first, last, Granularity.MONTH),
                    store.days(shipper, first, last), store.lanePairDays(shipper, first, last));
            shipperBookings += outcome.roles().stream().filter(role -> role.role() == OutcomeRole.SHIPPER)
                    .mapToLong(role -> role.totals().bookings()).sum();
        }
        if (shipperBookings != bookings) {
            problems.add("the shippers' totals count " + shipperBookings + " bookings, the carrier's " + bookings);
        }

        boolean capacityReported = reportedCapacity.sum() == updates.sum() && updates.sum() > 0;
        double capacityPerDelivery = capacityReported ? capacityUnits.sum() / bookings : Double.NaN;
        double lanePairCapacityPerDelivery = capacityReported ? lanePairCapacityUnits.sum() / bookings : Double.NaN;
        return """
                # Outcomes: a year of history (issue 12)

                Machine: %s, %s processors, %s; %s. 1-minute load average %s before, %s after.
                DynamoDB Local in-process on loopback. %d delivered bookings of one carrier over %d days (%s to %s)
                with %d shippers on %d lane pairs; seed %d.

                ## Keeping the ledger (per delivery)

                | Figure | Value |
                |---|---:|
                | updates per delivery (the carrier's and the shipper's day items and lane-pair day items) | %.2f |
                | write capacity units per delivery, as DynamoDB Local reported them | %s |
                | of which the two lane-pair day items | %s |
                | carrier day items | %d |
                | carrier day item size, median / largest (KiB, DynamoDB's item-size rules) | %.1f / %.1f |
                | write units of one update of the largest item (billed on the larger of before and after) | %d |
                | carrier lane-pair day items | %d |
                | carrier lane-pair day item size, median / largest (KiB) | %.2f / %.2f |
                | seeding: deliveries per second with %d threads (each delivery's updates in sequence) | %.0f |

                ## The report (the carrier's whole range: store query + domain report, no HTTP)

                Floor: the same query of the same items, nothing parsed. %d runs after %d warm-ups.

                | Granularity | Items read (day + lane-pair day) | Report median (ms) | Report p95 (ms) | Floor median (ms) | Floor p95 (ms) | × floor |
                |---|---:|---:|---:|---:|---:|---:|
                %s
                Checks: %s
                """.formatted(MachineInfo.cpuModelName(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("java.runtime.version"), loadBefore,
                MachineInfo.loadAverage(), bookings, days, first, last, counterparties, lanePairs.size(), seed,
                updates.sum() / (double) bookings,
                Double.isNaN(capacityPerDelivery) ? "not reported" : String.format(Locale.ROOT, "%.1f", capacityPerDelivery),
                Double.isNaN(lanePairCapacityPerDelivery) ? "not reported"
                        : String.format(Locale.ROOT, "%.1f", lanePairCapacityPerDelivery),
                carrierDays.size(), itemBytes.length == 0 ? 0 : Percentiles.median(itemBytes) / 1024, largestItemKb,
                (long) Math.ceil(largestItemKb), carrierLanePairDays.size(),
                lanePairItemBytes.length == 0 ? 0 : Percentiles.median(lanePairItemBytes) / 1024,
                largestLanePairItemKb, seedThreads, bookings / seedSeconds, reportRuns, warmUps,
                rows, problems.isEmpty() ? "passed (totals, series, lane pairs, shippers against the carrier, items read)"
                        : "FAILED " + problems);
    }

    private void check(OutcomeReport outcome, int bookings, int dayItemsRead, int lanePairItemsRead,
            int lanePairCount) {
        var carrierRole = outcome.roles().stream().filter(role -> role.role() == OutcomeRole.CARRIER).findFirst();
        if (carrierRole.isEmpty() || carrierRole.get().totals().bookings() != bookings) {
            problems.add(outcome.query().granularity() + ": the carrier's totals do not count " + bookings + " bookings");
            return;
        }
        long inSeries = carrierRole.get().series().stream().mapToLong(period -> period.figures().bookings()).sum();
        if (inSeries != bookings) {
            problems.add(outcome.query().granularity() + ": the series counts " + inSeries + " bookings");
        }
        if (dayItemsRead > OutcomeQuery.MAX_DAYS) {
            problems.add("the report read " + dayItemsRead + " day items, more than one per day of the range");
        }
        long onLanePairs = carrierRole.get().byLanePair().stream().mapToLong(lane -> lane.figures().bookings()).sum();
        if (onLanePairs != bookings || carrierRole.get().lanePairNotRecorded().bookings() != 0) {
            problems.add(outcome.query().granularity() + ": the lane pairs count " + onLanePairs + " bookings");
        }
        if (lanePairItemsRead > Math.min(bookings, (long) outcome.query().days() * lanePairCount)) {
            problems.add("the report read " + lanePairItemsRead + " lane-pair items, more than one per delivery or "
                    + "per day and lane pair");
        }
    }

    /** Distinct lane pairs between the lower 48's markets (and a few European ones), drawn with the seed. */
    private static List<LanePair> lanePairs(int count, Random random) {
        List<String> markets = List.of("US-TX", "US-MO", "US-IL", "US-CA", "US-GA", "US-OH", "US-PA", "US-TN",
                "US-AZ", "US-NC", "US-FL", "US-IN", "DE", "PL", "NL", "FR");
        java.util.LinkedHashSet<LanePair> pairs = new java.util.LinkedHashSet<>();
        int possible = markets.size() * markets.size();
        while (pairs.size() < Math.min(Math.max(1, count), possible)) {
            pairs.add(new LanePair(markets.get(random.nextInt(markets.size())),
                    markets.get(random.nextInt(markets.size()))));
        }
        return List.copyOf(pairs);
    }

    /** The partner's day items from {@code from} to {@code to}, read as they are stored, nothing parsed. */
    private List<Map<String, AttributeValue>> rawQuery(String table, PartnerId partner, LocalDate from, LocalDate to) {
        return rawRange(table, partner, OutcomeLedgerWrites.sortKey(from), OutcomeLedgerWrites.sortKey(to));
    }

    /** The partner's lane-pair items of those days (ADR 45), read as they are stored. */
    private List<Map<String, AttributeValue>> rawLanePairQuery(String table, PartnerId partner, LocalDate from,
            LocalDate to) {
        return rawRange(table, partner, OutcomeLedgerWrites.lanePairFromSortKey(from),
                OutcomeLedgerWrites.lanePairToSortKey(to));
    }

    private List<Map<String, AttributeValue>> rawRange(String table, PartnerId partner, String fromSortKey,
            String toSortKey) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = dynamoDb.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(OutcomeLedgerWrites.partitionKey(partner)),
                            ":from", AttributeValue.fromS(fromSortKey), ":to", AttributeValue.fromS(toSortKey)))
                    .exclusiveStartKey(start).build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    /**
     * DynamoDB's item size: each attribute's name in UTF-8 bytes plus its value's size; a string its UTF-8 bytes,
     * a number about one byte per two significant digits plus one.
     */
    static double itemSizeBytes(Map<String, AttributeValue> item) {
        double bytes = 0;
        for (var attribute : item.entrySet()) {
            bytes += attribute.getKey().getBytes(StandardCharsets.UTF_8).length;
            AttributeValue value = attribute.getValue();
            if (value.s() != null) {
                bytes += value.s().getBytes(StandardCharsets.UTF_8).length;
            } else if (value.n() != null) {
                String digits = value.n().replace("-", "").replace(".", "").replaceAll("^0+", "");
                bytes += Math.ceil(Math.max(1, digits.length()) / 2.0) + 1;
            }
        }
        return bytes;
    }
}
