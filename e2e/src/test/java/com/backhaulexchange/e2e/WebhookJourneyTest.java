package com.backhaulexchange.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.LocalStack;
import com.backhaulexchange.notification.WebhookSignature;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Webhooks over real HTTP against the local stack started from template.yaml: the partner registers a receiver
 * on localhost, asks for a test ping, and the webhook notifier — polled from NotificationQueue on ElasticMQ as
 * Lambda's event source mapping would — delivers it signed; a receiver that fails twice gets it on the third
 * attempt, and the webhook's deliveries list the three attempts (ADR 40). Retry delays are shortened through the
 * template's parameters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookJourneyTest {
    private static final String OPERATOR_KEY = "bhxop_" + "E2eHookOperatorKey0123456789abcdefghijklmnop".substring(0, 43);
    private static final String SECRET = "whsec_e2e_0123456789abcdefghijklmnopqrstuvwxyz";

    private record Received(Map<String, String> headers, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> scripted = new ConcurrentLinkedQueue<>();
    private HttpServer receiver;
    private LocalStack stack;
    private Http http;
    private String carrierKey;
    private String webhookId;

    @BeforeAll
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        receiver.createContext("/hooks/bhx", exchange -> {
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            received.add(new Received(headers, new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)));
            Integer status = scripted.poll();
            exchange.sendResponseHeaders(status == null ? 204 : status, -1);
            exchange.close();
        });
        receiver.start();
        stack = LocalStack.builder()
                .templatePath(Path.of("..", "template.yaml").toAbsolutePath().normalize())
                .httpPort(0)
                .parameter("OperatorKeySha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(OPERATOR_KEY.getBytes(StandardCharsets.UTF_8))))
                .parameter("WebhookAllowLoopbackUrls", "true")
                .parameter("WebhookRetryBaseSeconds", "1")
                .parameter("WebhookRetryCapSeconds", "2")
                .start();
        http = new Http(stack.httpBaseUrl());
        var registered = http.postJson("/partners", null, """
                {"legalName": "Hook Line Freight LLC", "roles": ["CARRIER"],
                 "contact": {"name": "Dispatch", "email": "dispatch@hookline.example"},
                 "homeBase": {"latitudeDegrees": 41.85003, "longitudeDegrees": -87.65005},
                 "operatingCostPerMile": {"amountMinorUnits": 212, "currency": "USD"}, "fleetEquipment": ["DRY_VAN"]}
                """);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        carrierKey = registered.json().path("apiKey").path("token").asText();
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    @Order(10)
    void aPartnerRegistersAReceiverOnLocalhost() {
        var created = http.postJson("/partners/me/webhooks", carrierKey, """
                {"url": "http://127.0.0.1:%d/hooks/bhx", "secret": "%s"}
                """.formatted(receiver.getAddress().getPort(), SECRET));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(SECRET);
        webhookId = created.json().path("webhookId").asText();
    }

    @Test
    @Order(20)
    void aTestPingArrivesSignedWithinSeconds() {
        var queued = http.postJson("/partners/me/webhooks/" + webhookId + "/test", carrierKey, null);

        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        assertThat(waitFor(() -> received.size() >= 1, Duration.ofSeconds(15))).isTrue();
        var ping = received.getFirst();
        assertThat(ping.headers().get("BHX-Event-Id")).isEqualTo(queued.json().path("eventId").asText());
        assertThat(ping.headers().get("BHX-Event-Type")).isEqualTo("WEBHOOK_TEST");
        assertThat(WebhookSignature.verify(ping.headers().get("BHX-Signature"), ping.body(), SECRET, Instant.now(),
                WebhookSignature.DEFAULT_TOLERANCE)).isTrue();
    }

    @Test
    @Order(30)
    void aReceiverThatFailsTwiceGetsItOnTheThirdAttempt() {
        received.clear();
        scripted.addAll(List.of(500, 500));

        var queued = http.postJson("/partners/me/webhooks/" + webhookId + "/test", carrierKey, null);

        assertThat(queued.status()).isEqualTo(202);
        assertThat(waitFor(() -> received.size() >= 3, Duration.ofSeconds(30))).as("three attempts").isTrue();
        assertThat(received).extracting(request -> request.headers().get("BHX-Delivery-Attempt"))
                .containsExactly("1", "2", "3");
    }

    @Test
    @Order(35)
    void theWebhooksDeliveriesListEveryAttemptNewestFirstAndAnotherPartnerGetsA404() {
        String eventId = received.getFirst().headers().get("BHX-Event-Id");
        assertThat(waitFor(() -> http.get("/partners/me/webhooks/" + webhookId + "/deliveries?limit=3", carrierKey)
                .json().path("items").size() == 3, Duration.ofSeconds(10))).as("the three attempts, recorded").isTrue();

        var listed = http.get("/partners/me/webhooks/" + webhookId + "/deliveries?limit=3", carrierKey);
        var items = listed.json().path("items");
        assertThat(items).extracting(item -> item.path("eventId").asText()).containsOnly(eventId);
        assertThat(items).extracting(item -> item.path("attempt").asInt()).containsExactly(3, 2, 1);
        assertThat(items).extracting(item -> item.path("outcome").asText())
                .containsExactly("DELIVERED", "FAILED", "FAILED");
        assertThat(items.get(1).path("statusCode").asInt()).isEqualTo(500);
        assertThat(items.get(1).path("nextAttemptAt").asText()).isNotEmpty();
        assertThat(listed.json().path("nextCursor").asText()).as("the first ping is older").isNotEmpty();

        var stranger = http.postJson("/partners", null, """
                {"legalName": "Elsewhere Freight LLC", "roles": ["SHIPPER"],
                 "contact": {"name": "Dispatch", "email": "dispatch@elsewhere.example"},
                 "homeBase": {"latitudeDegrees": 41.85003, "longitudeDegrees": -87.65005}}
                """).json().path("apiKey").path("token").asText();
        var foreign = http.get("/partners/me/webhooks/" + webhookId + "/deliveries", stranger);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(eventId);
    }

    @Test
    @Order(40)
    void aDeletedWebhookIsGone() {
        assertThat(http.delete("/partners/me/webhooks/" + webhookId, carrierKey).status()).isEqualTo(204);
        assertThat(http.get("/partners/me/webhooks", carrierKey).json().path("items")).isEmpty();
    }

    private static boolean waitFor(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
