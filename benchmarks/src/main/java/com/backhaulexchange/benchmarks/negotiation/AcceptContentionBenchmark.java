package com.backhaulexchange.benchmarks.negotiation;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.backhaulexchange.benchmarks.FutureLanes;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchEvaluation;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.compliance.CertificateId;
import com.backhaulexchange.function.negotiationbooking.NegotiationBookingHandler;
import com.backhaulexchange.testing.ComplianceFixtures;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.adapter.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbMatchRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPartnerRepository;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.ElasticMqServer;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.testing.Postings;
import com.backhaulexchange.testing.RecordingContext;
import com.backhaulexchange.testing.SampleEventFiles;
import com.backhaulexchange.testing.TemplateTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The accept path under contention (issue 4): per round, one shipper's load has {@code contenders} matches
 * with as many carriers' trucks, each with an open negotiation (the carrier's offer); then the shipper's
 * {@code contenders} accepts are released at the same instant, each on its own thread, through the
 * negotiation function's handler on DynamoDB Local (loopback, in this JVM). Reported: bookings made per
 * round (must be exactly one), conflicts returned, latency percentiles of the winners and of the losers.
 */
public final class AcceptContentionBenchmark {

    record Settings(int rounds, int contenders, int warmUpRounds, Path eventsDirectory, Path outputDirectory) {
        static Settings fromSystemProperties() {
            return new Settings(Integer.getInteger("bench.accept.rounds", 20),
                    Integer.getInteger("bench.accept.contenders", 16),
                    Integer.getInteger("bench.accept.warmUpRounds", 2),
                    Path.of(System.getProperty("bench.eventsDirectory", "../events/negotiation-booking")),
                    Path.of(System.getProperty("bench.outputDirectory", "target")));
        }
    }

    record Call(int status, double millis) {
    }

    private AcceptContentionBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run(Settings.fromSystemProperties());
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(Settings settings) throws Exception {
        long started = System.nanoTime();
        var dynamoDb = DynamoDbLocalServer.shared().client();
        var sqs = ElasticMqServer.shared().client();
        String partnersTable = TemplateTables.createFresh(dynamoDb, "PartnersTable");
        String lanesTable = TemplateTables.createFresh(dynamoDb, "LanesTable");
        String negotiationsTable = TemplateTables.createFresh(dynamoDb, "NegotiationsTable");
        String queueUrl = sqs.createQueue(request -> request.queueName("notifications-" + UUID.randomUUID()))
                .queueUrl();
        Map<String, String> variables = new HashMap<>();
        variables.put("PARTNERS_TABLE_NAME", partnersTable);
        variables.put("LANES_TABLE_NAME", lanesTable);
        variables.put("NEGOTIATIONS_TABLE_NAME", negotiationsTable);
        variables.put("NOTIFICATION_QUEUE_URL", queueUrl);
        // No accept touches a document: the bucket is named, never created, and S3 points at a loopback port
        // nothing listens on.
        variables.put("DOCUMENTS_BUCKET_NAME", "documents-unused");
        variables.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9");
        var handler = new NegotiationBookingHandler(ElasticMqServer.shared().withEndpoint(
                DynamoDbLocalServer.shared().functionEnvironment(variables)));
        var partners = new DynamoDbPartnerRepository(dynamoDb, partnersTable);
        var compliance = new com.backhaulexchange.adapter.dynamodb.DynamoDbComplianceStore(dynamoDb, negotiationsTable);
        // The handler runs on the real clock: the fixtures' lanes (Monday 23 November 2026) are moved to a week
        // still ahead, and posted now.
        var postingClock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        long weeks = FutureLanes.weeksAhead(postingClock.instant());
        var lanes = new DynamoDbLaneRepository(dynamoDb, lanesTable);
        var matches = new DynamoDbMatchRepository(dynamoDb, lanesTable);
        var postings = new Postings(lanes, postingClock);
        var evaluator = new MatchEvaluator(MatchingConfig.DEFAULT);

        List<Integer> bookingsPerRound = new ArrayList<>();
        List<Call> winners = new ArrayList<>();
        List<Call> losers = new ArrayList<>();
        int warmUpRounds = settings.warmUpRounds();
        for (int round = 0; round < settings.rounds() + warmUpRounds; round++) {
            var shipper = PartnerExamples.registerIn(partners, PartnerExamples.registeredShipper());
            var load = postings.post(FutureLanes.load(shipper.id(), Postings.DALLAS, Postings.ST_LOUIS, weeks));
            List<String> negotiations = new ArrayList<>();
            for (int i = 0; i < settings.contenders(); i++) {
                var carrier = PartnerExamples.registerIn(partners, PartnerExamples.registeredCarrier());
                // The compliance gate (ADR 37) asks for an authority and a current, uploaded certificate.
                compliance.save(ComplianceFixtures.inGoodStanding(carrier.id(),
                        new CertificateId(PartnerExamples.newPartnerId().value()), postingClock.instant()), true, null);
                var truck = postings.post(FutureLanes.truck(carrier.id(), weeks));
                var evaluation = evaluator.evaluate(truck.lane(), carrier.profile().operatingCostPerMile(),
                        load.lane());
                var match = Match.proposed(truck, load, (MatchEvaluation.Feasible) evaluation, postingClock.instant());
                matches.save(match, postingClock.instant());
                negotiations.add(open(handler, settings, carrier, match, 200_000 + i * 100));
            }
            List<Call> calls = acceptAtOnce(handler, settings, shipper, negotiations);
            if (round < warmUpRounds) {
                continue;
            }
            bookingsPerRound.add((int) calls.stream().filter(call -> call.status() == 200).count());
            calls.stream().filter(call -> call.status() == 200).forEach(winners::add);
            calls.stream().filter(call -> call.status() != 200).forEach(losers::add);
            if (calls.stream().anyMatch(call -> call.status() != 200 && call.status() != 409)) {
                throw new IllegalStateException("an accept answered neither 200 nor 409: " + calls);
            }
            if (bookingsPerRound.getLast() != 1) {
                throw new IllegalStateException("round " + round + " booked " + bookingsPerRound.getLast()
                        + " times instead of once: " + calls);
            }
        }
        String report = report(settings, bookingsPerRound, winners, losers, (System.nanoTime() - started) / 1e9);
        System.out.println(report);
        Files.createDirectories(settings.outputDirectory());
        Files.writeString(settings.outputDirectory().resolve("accept-contention.md"), report);
    }

    /** The carrier opens a negotiation on its match with an offer valid for two hours of the real clock. */
    private static String open(NegotiationBookingHandler handler, Settings settings, Partner carrier, Match match,
            long cents) {
        var response = handler.handleRequest(event(settings, "open-negotiation.json", carrier, Map.of(
                "PATH_MATCH_ID", match.id().value(), "AMOUNT", Long.toString(cents),
                "EXPIRES_AT", Instant.now().plusSeconds(7_200).toString())), new RecordingContext());
        if (response.getStatusCode() != 201) {
            throw new IllegalStateException("opening failed: " + response.getBody());
        }
        String body = response.getBody();
        int at = body.indexOf("\"negotiationId\":\"") + "\"negotiationId\":\"".length();
        return body.substring(at, body.indexOf('"', at));
    }

    private static List<Call> acceptAtOnce(NegotiationBookingHandler handler, Settings settings, Partner shipper,
            List<String> negotiations) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(negotiations.size());
        try {
            CountDownLatch ready = new CountDownLatch(negotiations.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Call>> futures = new ArrayList<>();
            for (String negotiation : negotiations) {
                var event = event(settings, "accept-offer.json", shipper, Map.of("PATH_NEGOTIATION_ID", negotiation));
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    long start = System.nanoTime();
                    var response = handler.handleRequest(event, new RecordingContext());
                    return new Call(response.getStatusCode(), (System.nanoTime() - start) / 1e6);
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<Call> calls = new ArrayList<>();
            for (var future : futures) {
                calls.add(future.get(120, TimeUnit.SECONDS));
            }
            return calls;
        } finally {
            threads.shutdownNow();
        }
    }

    private static APIGatewayProxyRequestEvent event(Settings settings, String sample, Partner caller,
            Map<String, String> more) {
        Map<String, String> values = new HashMap<>(more);
        values.put("PARTNER_ID", caller.id().value());
        values.put("KEY_ID", "benchKey0001");
        values.put("ROLES", String.join(",", caller.profile().roles().stream().map(Enum::name).sorted().toList()));
        values.put("API_KEY", "bhx_" + caller.id().value() + "_benchKey0001_" + "s".repeat(43));
        return SampleEventFiles.load(settings.eventsDirectory().resolve(sample), APIGatewayProxyRequestEvent.class,
                values);
    }

    private static String report(Settings settings, List<Integer> bookingsPerRound, List<Call> winners,
            List<Call> losers, double seconds) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("## Accept path under contention\n\n");
        out.append(String.format(Locale.ROOT, "Machine: %d processors, Java %s, %s. DynamoDB Local 3.3.1 in memory, "
                        + "same JVM (loopback). %d measured rounds (after %d warm-up rounds) of %d concurrent accepts "
                        + "on one load. Whole run: %.0f s.%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version"), System.getProperty("os.name") + " "
                        + System.getProperty("os.version"), settings.rounds(), settings.warmUpRounds(), settings.contenders(),
                seconds));
        int minBookings = bookingsPerRound.stream().mapToInt(Integer::intValue).min().orElse(0);
        int maxBookings = bookingsPerRound.stream().mapToInt(Integer::intValue).max().orElse(0);
        out.append("| Rounds | Accepts | Bookings per round (min / max) | Bookings | 409 conflicts |\n");
        out.append("|---:|---:|---:|---:|---:|\n");
        out.append(String.format(Locale.ROOT, "| %d | %d | %d / %d | %d | %d |%n%n", bookingsPerRound.size(),
                winners.size() + losers.size(), minBookings, maxBookings, winners.size(), losers.size()));
        out.append("| Answer | Calls | p50, ms | p95, ms | p99, ms | max, ms |\n|---|---:|---:|---:|---:|---:|\n");
        for (var row : List.of(Map.entry("200 (booked)", winners), Map.entry("409 (conflict)", losers))) {
            double[] millis = row.getValue().stream().mapToDouble(Call::millis).sorted().toArray();
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", row.getKey(),
                    millis.length, percentile(millis, 50), percentile(millis, 95), percentile(millis, 99),
                    millis.length == 0 ? 0 : millis[millis.length - 1]));
        }
        return out.toString();
    }

    private static double percentile(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
