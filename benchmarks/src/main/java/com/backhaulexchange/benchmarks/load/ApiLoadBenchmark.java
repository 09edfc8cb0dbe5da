package com.backhaulexchange.benchmarks.load;

import com.backhaulexchange.benchmarks.MachineInfo;
import com.backhaulexchange.benchmarks.matching.Percentiles;
import com.backhaulexchange.localstack.LocalStack;
import com.backhaulexchange.localstack.aws.AwsClients;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained load through the local stack (issue 10): the whole API on this machine (API Gateway emulation, every
 * function, DynamoDB Local, ElasticMQ, the SQS-triggered match engine), driven over loopback HTTP by a realistic mix
 * ({@link Route}) at a fixed rate per stage, open-loop (a request is sent when it is due, not when the previous one
 * returns). Reported per stage: requests, achieved rate, 5xx, transport failures, requests dropped because
 * {@code maxInFlight} were already waiting, and p50/p95/p99 per route. After the last stage, once the matching has
 * drained: lanes whose posting was never matched (lost), the same pair matched twice (duplicated), a lane booked
 * twice. The load generator runs in the same JVM as the stack, on the same two cores: it is part of the cost.
 */
public final class ApiLoadBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR_KEY = "bhxop_" + "LoadBenchmarkOperatorKey0123456789abcdefghijk".substring(0, 43);

    record Outcome(Route route, int stage, int status, double millis) {
    }

    private final LoadSettings settings;
    private final LoadWorld world = new LoadWorld();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final Map<Integer, AtomicLong> dropped = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> transportFailures = new ConcurrentHashMap<>();
    private final HttpClient client;
    private URI baseUrl;
    private SqsClient sqs;
    private String matchRequestQueueUrl;
    private final List<Integer> queueDepthAtStageEnd = new ArrayList<>();

    private ApiLoadBenchmark(LoadSettings settings) {
        this.settings = settings;
        // Not the request pool: the client completes responses on its own threads, which a pool of threads all
        // blocked in send() would starve.
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static void main(String[] args) {
        try {
            var settings = LoadSettings.fromSystemProperties();
            ExecutorService executor = Executors.newFixedThreadPool(settings.maxInFlight());
            try {
                new ApiLoadBenchmark(settings).run(executor);
            } finally {
                executor.shutdownNow();
            }
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void run(ExecutorService executor) throws Exception {
        Instant started = Instant.now();
        // The functions log a line per request to standard output: kept, but in a file beside the report.
        PrintStream console = System.out;
        Files.createDirectories(settings.outputDirectory());
        System.setOut(new PrintStream(Files.newOutputStream(settings.outputDirectory().resolve("api-load-functions.log")),
                true, StandardCharsets.UTF_8));
        try (LocalStack stack = LocalStack.builder()
                .templatePath(settings.projectRoot().resolve("template.yaml").toAbsolutePath().normalize())
                .httpPort(0)
                .parameter("OperatorKeySha256", sha256Hex(OPERATOR_KEY))
                .runSchedules(false)
                .start()) {
            baseUrl = stack.httpBaseUrl();
            sqs = AwsClients.sqs(stack.sqsEndpoint());
            matchRequestQueueUrl = stack.queueUrl("MatchRequestQueue");
            registerPartners();
            String loadBefore = MachineInfo.loadAverage();
            Random random = new Random(settings.seed());
            Semaphore inFlight = new Semaphore(settings.maxInFlight());
            for (int stage = 0; stage < settings.stages().size(); stage++) {
                runStage(stage, settings.stages().get(stage), random, inFlight, executor);
                queueDepthAtStageEnd.add(matchRequestsWaiting());
            }
            inFlight.acquire(settings.maxInFlight());
            inFlight.release(settings.maxInFlight());
            var integrity = checkIntegrity();
            String report = report(started, loadBefore, integrity);
            console.println(report);
            Files.writeString(settings.outputDirectory().resolve("api-load.md"), report);
            if (integrity.lost() > 0 || integrity.duplicated() > 0 || integrity.doubleBooked() > 0
                    || integrity.backlogLeft() > 0) {
                throw new IllegalStateException("the load lost or duplicated work: " + integrity);
            }
        }
    }

    private void runStage(int stage, LoadSettings.Stage settingsOfStage, Random random, Semaphore inFlight,
            ExecutorService executor) {
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / settingsOfStage.requestsPerSecond();
        long start = System.nanoTime();
        for (long i = 0; i < settingsOfStage.requests(); i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (!inFlight.tryAcquire()) {
                dropped.computeIfAbsent(stage, key -> new AtomicLong()).incrementAndGet();
                continue;
            }
            Route route = pick(random);
            long requestSeed = random.nextLong();
            executor.execute(() -> {
                try {
                    send(stage, route, new Random(requestSeed));
                } finally {
                    inFlight.release();
                }
            });
        }
    }

    private static Route pick(Random random) {
        int ticket = random.nextInt(100);
        for (Route route : Route.values()) {
            ticket -= route.weight;
            if (ticket < 0) {
                return route;
            }
        }
        return Route.READ_LANE_MATCHES;
    }

    /** One request of the mix; a route whose prerequisites do not exist yet (no match seen) reads a lane instead. */
    private void send(int stage, Route wanted, Random random) {
        Route route = feasible(wanted);
        try {
            switch (route) {
                case POST_CAPACITY_LANE -> {
                    String key = any(world.carrierKeys, random);
                    var response = timed(stage, route, "POST", "/lanes/capacity", key, LoadWorld.capacityLane(random));
                    remember(response, key, true);
                }
                case POST_LOAD_LANE -> {
                    String key = any(world.shipperKeys, random);
                    var response = timed(stage, route, "POST", "/lanes/loads", key, LoadWorld.loadLane(random));
                    remember(response, key, false);
                }
                case READ_LANE_MATCHES -> {
                    var lane = any(world.lanes, random);
                    var response = timed(stage, route, "GET", "/lanes/" + lane.laneId() + "/matches", lane.ownerKey(), null);
                    if (response != null && response.statusCode() == 200) {
                        for (JsonNode match : JSON.readTree(response.body()).path("items")) {
                            learnMatch(match);
                        }
                    }
                }
                case READ_MATCH -> {
                    var match = any(world.matchList, random);
                    timed(stage, route, "GET", "/matches/" + match.matchId(), match.carrierKey(), null);
                }
                case OPEN_NEGOTIATION -> {
                    var match = any(world.matchList, random);
                    var response = timed(stage, route, "POST", "/matches/" + match.matchId() + "/negotiations",
                            match.shipperKey(), """
                                    {"amount": {"amountMinorUnits": %d, "currency": "USD"}, "expiresAt": "%s"}"""
                                    .formatted(120_000 + random.nextInt(60_000),
                                            Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)));
                    if (response != null && response.statusCode() == 201) {
                        world.negotiations.add(new LoadWorld.OpenNegotiation(
                                JSON.readTree(response.body()).path("negotiationId").asText(), match.carrierKey()));
                    }
                }
                case ACCEPT_OFFER -> {
                    var negotiation = world.negotiations.poll();
                    if (negotiation == null) {
                        send(stage, Route.READ_LANE_MATCHES, random);
                        return;
                    }
                    timed(stage, route, "POST", "/negotiations/" + negotiation.negotiationId() + "/accept",
                            negotiation.acceptorKey(), null);
                }
            }
        } catch (IOException | RuntimeException e) {
            transportFailures.computeIfAbsent(stage, key -> new AtomicLong()).incrementAndGet();
        }
    }

    private Route feasible(Route wanted) {
        return switch (wanted) {
            case READ_LANE_MATCHES -> world.lanes.isEmpty() ? Route.POST_CAPACITY_LANE : wanted;
            case READ_MATCH, OPEN_NEGOTIATION -> world.matchList.isEmpty() ? feasible(Route.READ_LANE_MATCHES) : wanted;
            case ACCEPT_OFFER -> world.negotiations.isEmpty() ? feasible(Route.OPEN_NEGOTIATION) : wanted;
            default -> wanted;
        };
    }

    private void learnMatch(JsonNode match) {
        String matchId = match.path("matchId").asText();
        String capacityLaneId = match.path("capacityLaneId").asText();
        String loadLaneId = match.path("loadLaneId").asText();
        String carrierKey = world.laneOwners.get(capacityLaneId);
        String shipperKey = world.laneOwners.get(loadLaneId);
        if (carrierKey != null && shipperKey != null && world.matches.putIfAbsent(matchId,
                new LoadWorld.KnownMatch(matchId, carrierKey, shipperKey)) == null) {
            world.matchList.add(world.matches.get(matchId));
        }
    }

    private void remember(HttpResponse<String> response, String ownerKey, boolean capacity) throws IOException {
        if (response != null && response.statusCode() == 201) {
            String laneId = JSON.readTree(response.body()).path("laneId").asText();
            world.laneOwners.put(laneId, ownerKey);
            world.lanes.add(new LoadWorld.Lane(laneId, ownerKey, capacity));
        }
    }

    private HttpResponse<String> timed(int stage, Route route, String method, String path, String key, String body)
            throws IOException {
        long sent = System.nanoTime();
        HttpResponse<String> response = request(method, path, key, body);
        outcomes.add(new Outcome(route, stage, response.statusCode(), (System.nanoTime() - sent) / 1e6));
        return response;
    }

    private HttpResponse<String> request(String method, String path, String key, String body) throws IOException {
        var builder = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void registerPartners() throws IOException {
        for (int i = 0; i < settings.carriers() + settings.shippers(); i++) {
            boolean carrier = i < settings.carriers();
            String body = """
                    {"legalName": "Load %s %d", "roles": ["%s"], "contact": {"name": "Dispatch", "email": "d%d@load.example"},
                     "homeBase": {"latitudeDegrees": 35.1495, "longitudeDegrees": -90.049}%s}"""
                    .formatted(carrier ? "Carrier" : "Shipper", i, carrier ? "CARRIER" : "SHIPPER", i,
                            carrier ? ", \"operatingCostPerMile\": {\"amountMinorUnits\": 195, \"currency\": \"USD\"},"
                                    + " \"fleetEquipment\": [\"DRY_VAN\"]" : "");
            var response = request("POST", "/partners", null, body);
            if (response.statusCode() != 201) {
                throw new IllegalStateException("registration failed: " + response.statusCode() + " " + response.body());
            }
            String key = JSON.readTree(response.body()).path("apiKey").path("token").asText();
            if (carrier) {
                fileCompliance(key);
            }
            (carrier ? world.carrierKeys : world.shipperKeys).add(key);
        }
    }

    /**
     * The compliance gate (ADR 37) books no carrier without an authority and a current certificate whose file is in
     * storage: filed through the routes, the PDF sent to the presigned upload, before the measured run.
     */
    private void fileCompliance(String carrierKey) throws IOException {
        var authority = request("PUT", "/partners/me/compliance/operating-authority", carrierKey,
                "{\"usdotNumber\": \"3141592\", \"mcNumber\": \"1087234\"}");
        byte[] pdf = "%PDF-1.7 certificate of liability insurance".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        var declared = request("POST", "/partners/me/compliance/insurance-certificates", carrierKey, """
                {"insurer": "Prairie Mutual Insurance Co", "policyNumber": "CA-2026-004417",
                 "autoLiabilityCoverage": {"amountMinorUnits": 100000000, "currency": "USD"},
                 "cargoCoverage": {"amountMinorUnits": 10000000, "currency": "USD"},
                 "effectiveOn": "%s", "expiresOn": "%s",
                 "file": {"contentType": "application/pdf", "sizeBytes": %d}}"""
                .formatted(today.minusDays(1), today.plusDays(364), pdf.length));
        if (authority.statusCode() != 200 || declared.statusCode() != 201) {
            throw new IllegalStateException("compliance filing failed: " + authority.statusCode() + " "
                    + declared.statusCode() + " " + declared.body());
        }
        var upload = JSON.readTree(declared.body()).path("upload");
        var put = HttpRequest.newBuilder(URI.create(upload.path("url").asText())).timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf));
        upload.path("headers").properties().forEach(header -> {
            if (!header.getKey().equalsIgnoreCase("content-length")) {
                put.header(header.getKey(), header.getValue().asText());
            }
        });
        try {
            int status = client.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException("certificate upload failed: " + status);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    record Integrity(int lanes, int matchedLanes, int closedFirst, int lost, int backlogLeft, int matches, int duplicated,
            int bookings, int doubleBooked, Duration drained, int drainedRequests) {
    }

    /**
     * Waits (at most {@code drainLimit}) until the match engine has worked through its queue, then reads every
     * posted lane: a lane still open whose matching never ran although the queue is empty is a lost posting event
     * (a lane booked through another lane's match before its own request came up is skipped by the engine); two match
     * ids for one pair of lanes is a duplicated match; a lane in two bookings in force is a double booking. A queue
     * still not empty at the limit is reported as backlog, not as loss.
     */
    private Integrity checkIntegrity() throws IOException {
        long drainStarted = System.nanoTime();
        int waitingAtStart = matchRequestsWaiting();
        Instant deadline = Instant.now().plus(settings.drainLimit());
        int waiting = waitingAtStart;
        while (waiting > 0 && Instant.now().isBefore(deadline)) {
            sleep(1_000);
            waiting = matchRequestsWaiting();
        }
        Duration drained = Duration.ofNanos(System.nanoTime() - drainStarted);
        Map<String, JsonNode> pages = new HashMap<>();
        int pending = 0;
        int closedFirst = 0;
        for (var lane : world.lanes) {
            List<JsonNode> items = new ArrayList<>();
            String matching = allMatches(lane, items);
            if ("COMPLETED".equals(matching)) {
                pages.put(lane.laneId(), JSON.valueToTree(items));
            } else if ("SKIPPED".equals(matching)) {
                // Booked through another lane's match before its own request came up: the engine skips it.
                closedFirst++;
            } else {
                pending++;
            }
        }
        Map<String, Set<String>> idsByPair = new HashMap<>();
        Set<String> matchIds = new HashSet<>();
        int repeatsInOneList = 0;
        for (JsonNode items : pages.values()) {
            Set<String> inThisList = new HashSet<>();
            for (JsonNode match : items) {
                String id = match.path("matchId").asText();
                if (!inThisList.add(id)) {
                    repeatsInOneList++;
                }
                matchIds.add(id);
                idsByPair.computeIfAbsent(match.path("capacityLaneId").asText() + "/"
                        + match.path("loadLaneId").asText(), key -> new HashSet<>()).add(id);
            }
        }
        int duplicated = repeatsInOneList + (int) idsByPair.values().stream().filter(ids -> ids.size() > 1).count();
        Map<String, Integer> bookingsPerLane = new HashMap<>();
        int bookings = 0;
        for (String key : world.carrierKeys) {
            for (JsonNode booking : allBookings(key)) {
                bookings++;
                bookingsPerLane.merge(booking.path("capacityLaneId").asText(), 1, Integer::sum);
                bookingsPerLane.merge(booking.path("loadLaneId").asText(), 1, Integer::sum);
            }
        }
        int doubleBooked = (int) bookingsPerLane.values().stream().filter(count -> count > 1).count();
        return new Integrity(world.lanes.size(), pages.size(), closedFirst, waiting == 0 ? pending : 0, waiting,
                matchIds.size(), duplicated, bookings, doubleBooked, drained, waitingAtStart - waiting);
    }

    /** Match requests on the queue: waiting, being processed, or delayed. */
    private int matchRequestsWaiting() {
        var attributes = sqs.getQueueAttributes(request -> request.queueUrl(matchRequestQueueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    private String allMatches(LoadWorld.Lane lane, List<JsonNode> items) throws IOException {
        String cursor = null;
        String status = null;
        do {
            var response = request("GET", "/lanes/" + lane.laneId() + "/matches?limit=100"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                    lane.ownerKey(), null);
            JsonNode page = JSON.readTree(response.body());
            status = page.path("matching").path("status").asText();
            page.path("items").forEach(items::add);
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return status;
    }

    private List<JsonNode> allBookings(String key) throws IOException {
        List<JsonNode> bookings = new ArrayList<>();
        String cursor = null;
        do {
            var response = request("GET", "/bookings?status=BOOKED&limit=100"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                    key, null);
            JsonNode page = JSON.readTree(response.body());
            page.path("items").forEach(bookings::add);
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return bookings;
    }

    private String report(Instant started, String loadBefore, Integrity integrity) {
        StringBuilder out = new StringBuilder("## API under sustained load (local stack)\n\n");
        out.append(String.format(Locale.ROOT, "Measured %s, %d s in all, seed %d, %d carriers and %d shippers, at most"
                + " %d requests in flight; 1-minute load average %s before, %s after. Machine: %s, %d processors.%n%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Duration.between(started, Instant.now()).toSeconds(),
                settings.seed(), settings.carriers(), settings.shippers(), settings.maxInFlight(), loadBefore,
                MachineInfo.loadAverage(), MachineInfo.cpuModelName(), Runtime.getRuntime().availableProcessors()));
        out.append("| Stage | Target req/s | Seconds | Sent | Achieved req/s | Dropped | 5xx | Transport failures"
                + " | 2xx | 4xx (409 conflicts) | Match requests queued at the end |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int stage = 0; stage < settings.stages().size(); stage++) {
            int index = stage;
            var stageSettings = settings.stages().get(stage);
            List<Outcome> ofStage = outcomes.stream().filter(outcome -> outcome.stage() == index).toList();
            long serverErrors = ofStage.stream().filter(outcome -> outcome.status() >= 500).count();
            long ok = ofStage.stream().filter(outcome -> outcome.status() / 100 == 2).count();
            long clientErrors = ofStage.stream().filter(outcome -> outcome.status() / 100 == 4).count();
            long conflicts = ofStage.stream().filter(outcome -> outcome.status() == 409).count();
            out.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %.1f | %d | %d | %d | %d | %d (%d) | %d |%n",
                    stage + 1, stageSettings.requestsPerSecond(), stageSettings.duration().toSeconds(), ofStage.size(),
                    ofStage.size() / (double) stageSettings.duration().toSeconds(), count(dropped, stage),
                    serverErrors, count(transportFailures, stage), ok, clientErrors, conflicts,
                    queueDepthAtStageEnd.get(stage)));
        }
        out.append("\nLatency per route and stage, ms (sent → response read):\n\n| Stage | Route | Requests | p50 | p95 | p99 | max |\n|---:|---|---:|---:|---:|---:|---:|\n");
        for (int stage = 0; stage < settings.stages().size(); stage++) {
            Map<Route, List<Double>> byRoute = new EnumMap<>(Route.class);
            for (Outcome outcome : outcomes) {
                if (outcome.stage() == stage) {
                    byRoute.computeIfAbsent(outcome.route(), key -> new ArrayList<>()).add(outcome.millis());
                }
            }
            for (var entry : byRoute.entrySet()) {
                double[] millis = entry.getValue().stream().mapToDouble(Double::doubleValue).toArray();
                out.append(String.format(Locale.ROOT, "| %d | %s | %d | %.0f | %.0f | %.0f | %.0f |%n", stage + 1,
                        entry.getKey().label, millis.length, Percentiles.of(millis, 50), Percentiles.of(millis, 95),
                        Percentiles.of(millis, 99), Percentiles.of(millis, 100)));
            }
        }
        out.append(String.format(Locale.ROOT, "%nAfter the load, the match engine worked off its queue: %d match requests"
                + " in %d s (%.1f per second with the API idle), %d left at the limit.%n", integrity.drainedRequests(),
                integrity.drained().toSeconds(), integrity.drainedRequests()
                        / Math.max(1.0, integrity.drained().toMillis() / 1000.0), integrity.backlogLeft()));
        out.append(String.format(Locale.ROOT, "%nIntegrity: %d lanes posted, %d with their matching run, %d booked"
                + " through another lane's match before their own request came up, **%d lost**; %d matches seen,"
                + " **%d duplicated**; %d bookings in force, **%d lanes booked twice**.%n",
                integrity.lanes(), integrity.matchedLanes(), integrity.closedFirst(), integrity.lost(), integrity.matches(),
                integrity.duplicated(), integrity.bookings(), integrity.doubleBooked()));
        return out.toString();
    }

    private static long count(Map<Integer, AtomicLong> counts, int stage) {
        AtomicLong count = counts.get(stage);
        return count == null ? 0 : count.get();
    }

    private static <T> T any(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String sha256Hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
