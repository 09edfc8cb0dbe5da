package com.backhaulexchange.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.LocalStack;
import com.backhaulexchange.localstack.aws.AwsClients;
import com.backhaulexchange.testing.TableContents;
import com.backhaulexchange.testing.faults.FaultInjector;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Faults of the services behind the API, injected into the functions' own SDK clients on the local stack
 * ({@link FaultInjector}), each with its documented outcome: throttling the SDK's retries absorb is invisible;
 * throttling that outlasts them is a 503 with Retry-After that wrote nothing, and the same request later succeeds
 * once; a transaction conflict on accept is retried, and a persistent one writes nothing; a failed send to the match
 * queue loses no posting (the outbox and its sweeper send it); a webhook receiver that hangs is timed out and the
 * event delivered on a later attempt with the same event id. The figures go to {@code target/faults/summary.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {
    private static final String OPERATOR_KEY = "bhxop_" + "FaultOperatorKey0123456789abcdefghijklmnopqrs".substring(0, 43);
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final Map<String, String> outcomes = new LinkedHashMap<>();
    private final List<String> deliveredEventIds = new CopyOnWriteArrayList<>();
    private final AtomicInteger hangsLeft = new AtomicInteger();
    private LocalStack stack;
    private Http http;
    private DynamoDbClient dynamoDb;
    private HttpServer receiver;
    private String carrierKey;
    private String shipperKey;

    @BeforeAll
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (hangsLeft.getAndDecrement() > 0) {
                Journeys.sleep(4_000);
            } else {
                deliveredEventIds.add(exchange.getRequestHeaders().getFirst("BHX-Event-Id"));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        stack = LocalStack.builder()
                .templatePath(Path.of("..", "template.yaml").toAbsolutePath().normalize())
                .httpPort(0)
                .parameter("OperatorKeySha256", Journeys.sha256Hex(OPERATOR_KEY))
                .parameter("WebhookAllowLoopbackUrls", "true")
                .parameter("WebhookRetryBaseSeconds", "1")
                .parameter("WebhookRetryCapSeconds", "2")
                .parameter("MatchRequestResendAfterSeconds", "1")
                .environment("WEBHOOK_TIMEOUT_SECONDS", "1")
                .runSchedules(false)
                .start();
        http = new Http(stack.httpBaseUrl());
        dynamoDb = AwsClients.dynamoDb(stack.dynamoDbEndpoint());
        carrierKey = Journeys.register(http, Journeys.partner("Fault Line Freight", "[\"CARRIER\"]", 32.7767, -96.797,
                205, null)).path("apiKey").path("token").asText();
        Journeys.fileCompliance(http, carrierKey);
        shipperKey = Journeys.register(http, Journeys.partner("Fault Line Produce", "[\"SHIPPER\"]", 32.78, -96.8, 0,
                null)).path("apiKey").path("token").asText();
    }

    @AfterEach
    void disarm() {
        FaultInjector.disarmAll();
    }

    @AfterAll
    void stop() throws IOException {
        FaultInjector.disarmAll();
        StringBuilder summary = new StringBuilder("| Fault injected | Outcome |\n|---|---|\n");
        outcomes.forEach((fault, outcome) -> summary.append("| ").append(fault).append(" | ").append(outcome)
                .append(" |\n"));
        System.out.println(summary);
        Path report = Path.of("target", "faults", "summary.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, summary);
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    @Order(10)
    @DisplayName("throttling that outlasts the SDK's retries is a 503 with Retry-After that wrote nothing;"
            + " the same request later posts the lane once")
    void persistentThrottlingIsA503ThatWritesNothing() {
        var throttled = FaultInjector.arm("DynamoDb", "TransactWriteItems", "lambda-LanePostingFunction", 1_000,
                FaultInjectionTest::throttled);
        String key = UUID.randomUUID().toString();
        String lane = truck("Dallas", "Chicago");
        TableContents before = stored();

        var refused = postWithKey("/lanes/capacity", carrierKey, lane, key);

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("2");
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asText()).endsWith("/service-unavailable");
        assertThat(throttled.injectedCount()).as("the SDK retried before giving up").isGreaterThan(1);
        assertThat(stored()).as("nothing written").isEqualTo(before);

        throttled.disarm();
        var posted = postWithKey("/lanes/capacity", carrierKey, lane, key);
        var replayed = postWithKey("/lanes/capacity", carrierKey, lane, key);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(http.get("/lanes", carrierKey).json().path("items").findValuesAsText("laneId"))
                .containsExactly(posted.json().path("laneId").asText());
        outcomes.put("DynamoDB throttling on every attempt of a lane posting's transaction (" + throttled.injectedCount()
                + " attempts failed)", "503 problem, `Retry-After: 2`, nothing stored; the same request with the same"
                + " Idempotency-Key then posts the lane once (a third is replayed)");
    }

    @Test
    @Order(20)
    @DisplayName("throttling the SDK's retries absorb is invisible: the lane is posted")
    void briefThrottlingIsAbsorbed() {
        var throttled = FaultInjector.arm("DynamoDb", "TransactWriteItems", "lambda-LanePostingFunction", 2,
                FaultInjectionTest::throttled);

        var posted = http.postJson("/lanes/loads", shipperKey, load("Dallas", "St. Louis"));

        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(throttled.injectedCount()).isEqualTo(2);
        outcomes.put("DynamoDB throttling on 2 attempts of a posting's transaction", "201: the SDK's retries absorb it");
    }

    @Test
    @Order(30)
    @DisplayName("a posting whose match request cannot be sent is kept in the outbox, and the sweeper sends it:"
            + " the lane is matched, nothing is lost")
    void aFailedSendLosesNoPosting() {
        var load = http.postJson("/lanes/loads", shipperKey, load("Dallas", "St. Louis"));
        assertThat(load.status()).as(load.body()).isEqualTo(201);
        var sendFails = FaultInjector.arm("Sqs", "SendMessage", "lambda-LanePostingFunction", 1_000,
                FaultInjectionTest::sqsDown);

        var posted = http.postJson("/lanes/capacity", carrierKey, truck("Dallas", "Chicago"));

        assertThat(posted.status()).as("the posting is accepted: its request waits in the outbox").isEqualTo(201);
        assertThat(sendFails.injectedCount()).isPositive();
        String laneId = posted.json().path("laneId").asText();
        Journeys.sleep(1_500);
        assertThat(matchingStatus(laneId)).isEqualTo("PENDING");

        sendFails.disarm();
        Journeys.sleep(1_100);
        sweep();

        assertThat(Journeys.await(() -> "COMPLETED".equals(matchingStatus(laneId)) ? true : null, DEADLINE,
                "the lane's matching")).isTrue();
        assertThat(http.get("/lanes/" + laneId + "/matches", carrierKey).json().path("items")
                .findValuesAsText("loadLaneId")).contains(load.json().path("laneId").asText());
        outcomes.put("SQS SendMessage failing (" + sendFails.injectedCount() + " attempts) when a lane is posted",
                "201; the match request stays in the outbox; the sweeper sends it once SQS is back and the lane is"
                        + " matched");
    }

    @Test
    @Order(40)
    @DisplayName("transaction conflicts on accept: a persistent one books nothing, a passing one is retried into"
            + " exactly one booking")
    void transactionConflictsOnAccept() {
        var truck = http.postJson("/lanes/capacity", carrierKey, truck("Houston", "Chicago"));
        var load = http.postJson("/lanes/loads", shipperKey, load("Houston", "St. Louis"));
        assertThat(truck.status()).isEqualTo(201);
        assertThat(load.status()).isEqualTo(201);
        String loadId = load.json().path("laneId").asText();
        String matchId = Journeys.await(() -> {
            var items = http.get("/lanes/" + loadId + "/matches", shipperKey).json().path("items");
            return items.isEmpty() ? null : items.path(0).path("matchId").asText();
        }, DEADLINE, "the load's match");
        var offer = http.postJson("/matches/" + matchId + "/negotiations", shipperKey, """
                {"amount": {"amountMinorUnits": 150000, "currency": "USD"}, "expiresAt": "%s"}"""
                .formatted(Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        assertThat(offer.status()).as(offer.body()).isEqualTo(201);
        String negotiationId = offer.json().path("negotiationId").asText();

        var persistent = FaultInjector.arm("DynamoDb", "TransactWriteItems", "lambda-NegotiationBookingFunction",
                1_000, FaultInjectionTest::conflict);
        TableContents before = stored();
        var refused = http.send("POST", "/negotiations/" + negotiationId + "/accept", null, Http.auth(carrierKey));
        assertThat(refused.status()).as(refused.body()).isIn(409, 503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(stored()).as("nothing written").isEqualTo(before);
        persistent.disarm();
        int persistentAttempts = persistent.injectedCount();

        var passing = FaultInjector.arm("DynamoDb", "TransactWriteItems", "lambda-NegotiationBookingFunction", 2,
                FaultInjectionTest::conflict);
        var accepted = http.send("POST", "/negotiations/" + negotiationId + "/accept", null, Http.auth(carrierKey));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(passing.injectedCount()).isEqualTo(2);
        var bookings = http.get("/bookings", carrierKey).json().path("items");
        assertThat(bookings.findValuesAsText("negotiationId")).containsExactly(negotiationId);
        outcomes.put("DynamoDB TransactionConflict on every attempt of an accept (" + persistentAttempts + ")",
                refused.status() + " problem, nothing stored");
        outcomes.put("DynamoDB TransactionConflict on 2 attempts of an accept",
                "200: retried by the deal store, exactly one booking");
    }

    @Test
    @Order(50)
    @DisplayName("a webhook receiver that hangs is timed out; the event arrives on a later attempt, once")
    void aHangingReceiverIsRetried() {
        var created = http.postJson("/partners/me/webhooks", carrierKey, """
                {"url": "http://127.0.0.1:%d/hooks/fault", "secret": "whsec_fault_0123456789abcdefghijklmnopqrst"}"""
                .formatted(receiver.getAddress().getPort()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        hangsLeft.set(1);
        deliveredEventIds.clear();

        var queued = http.postJson("/partners/me/webhooks/" + created.json().path("webhookId").asText() + "/test",
                carrierKey, null);

        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        assertThat(Journeys.await(() -> deliveredEventIds.isEmpty() ? null : true, DEADLINE, "the delivery"))
                .isTrue();
        Journeys.sleep(3_000);
        assertThat(deliveredEventIds).as("delivered once after the timed-out attempt").hasSize(1);
        outcomes.put("Webhook receiver hanging 4 s on the first attempt (timeout 1 s)",
                "the attempt times out; the event is delivered on the retry, once");
    }

    /** What the sweeper's schedule does every minute in AWS (schedules are off here, to keep the test in step). */
    private void sweep() {
        try {
            stack.function("MatchRequestSweeperFunction").invoke(Map.of());
        } catch (Exception e) {
            throw new AssertionError("the sweeper failed", e);
        }
    }

    private Http.Response postWithKey(String path, String key, String body, String idempotencyKey) {
        var headers = new LinkedHashMap<>(Http.auth(key));
        headers.put("Content-Type", "application/json");
        headers.put("Idempotency-Key", idempotencyKey);
        return http.send("POST", path, body, headers);
    }

    private String matchingStatus(String laneId) {
        return http.get("/lanes/" + laneId + "/matches", carrierKey).json().path("matching").path("status").asText();
    }

    private TableContents stored() {
        return TableContents.of(dynamoDb, stack.tables().stream().map(table -> table.tableName()).toArray(String[]::new));
    }

    private static RuntimeException throttled() {
        return ProvisionedThroughputExceededException.builder().statusCode(400)
                .message("injected: the table's throughput is exceeded")
                .awsErrorDetails(details("DynamoDb", "ProvisionedThroughputExceededException", 400)).build();
    }

    private static RuntimeException conflict() {
        return TransactionCanceledException.builder().statusCode(400).message("injected: TransactionConflict")
                .awsErrorDetails(details("DynamoDb", "TransactionCanceledException", 400))
                .cancellationReasons(List.of(CancellationReason.builder().code("TransactionConflict").build()))
                .build();
    }

    private static RuntimeException sqsDown() {
        return SqsException.builder().statusCode(500).message("injected: SQS is down")
                .awsErrorDetails(details("Sqs", "InternalError", 500)).build();
    }

    /** What the SDK reads from a real error response; its retry policy looks at the error code and status. */
    private static AwsErrorDetails details(String service, String errorCode, int status) {
        return AwsErrorDetails.builder().serviceName(service).errorCode(errorCode).errorMessage("injected")
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build()).build();
    }

    private static String truck(String from, String to) {
        return """
                {"emptyAt": {"name": "%s", "stateOrCountry": "%s"}, "mustEndAt": {"name": "%s", "stateOrCountry": "%s"},
                 "availableFrom": "%s", "mustArriveBy": "%s", "equipment": "DRY_VAN", "weightCapacityLbs": 44000,
                 "palletCapacity": 26, "maxOriginDeadheadMiles": 150, "maxDestinationDeadheadMiles": 450}"""
                .formatted(from, state(from), to, state(to), Journeys.local(1, 6), Journeys.local(3, 20));
    }

    private static String load(String from, String to) {
        return """
                {"origin": {"name": "%s", "stateOrCountry": "%s"}, "destination": {"name": "%s", "stateOrCountry": "%s"},
                 "pickupWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "deliveryWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "weightLbs": 30000, "pallets": 20, "equipment": "DRY_VAN", "commodity": "Paper goods",
                 "budget": {"amountMinorUnits": 240000, "currency": "USD"}}"""
                .formatted(from, state(from), to, state(to), Journeys.local(1, 7), Journeys.local(1, 14),
                        Journeys.local(2, 6), Journeys.local(3, 18));
    }

    private static String state(String city) {
        return switch (city) {
            case "Dallas", "Houston" -> "TX";
            case "Chicago" -> "IL";
            case "St. Louis" -> "MO";
            case "Memphis" -> "TN";
            default -> throw new IllegalArgumentException(city);
        };
    }
}
