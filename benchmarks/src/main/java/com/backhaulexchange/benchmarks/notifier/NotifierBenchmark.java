package com.backhaulexchange.benchmarks.notifier;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.adapter.sqs.SqsNotificationPublisher;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.notification.WebhookId;
import com.backhaulexchange.notification.WebhookSignature;
import com.backhaulexchange.notification.WebhookSubscription;
import com.backhaulexchange.function.notifier.WebhookNotifierHandler;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.adapter.dynamodb.DynamoDbWebhookSubscriptionRepository;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.ElasticMqServer;
import com.backhaulexchange.testing.RecordingContext;
import com.backhaulexchange.testing.TemplateQueues;
import com.backhaulexchange.testing.TemplateTables;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The webhook notifier's throughput and delivery latency (issue 4): notifications published with
 * SqsNotificationPublisher to a NotificationQueue on ElasticMQ, consumed by {@code bench.notifier.pollers}
 * pollers that do what Lambda's event source mapping does (receive up to 10, invoke the handler, delete what
 * succeeded) — as many concurrent "invocations" — and POSTed, signed, to a JDK HttpServer on 127.0.0.1 that
 * verifies every signature. Latency is publish → receiver got it. Two runs: a burst of
 * {@code bench.notifier.count} published at once (throughput; latency includes the backlog), then a paced run at
 * {@code bench.notifier.rate} per second (latency of a lightly loaded notifier).
 */
public final class NotifierBenchmark {
    private static final String SECRET = "whsec_benchmark_0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int PARTNERS = 50;

    private final SqsClient sqs = ElasticMqServer.shared().client();
    private final Map<String, Long> publishedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final Ulid ids = new Ulid(Clock.systemUTC(), new SecureRandom());

    public static void main(String[] args) {
        try {
            int count = Integer.getInteger("bench.notifier.count", 2000);
            int pollers = Integer.getInteger("bench.notifier.pollers", 4);
            int rate = Integer.getInteger("bench.notifier.rate", 100);
            int warmUp = Integer.getInteger("bench.notifier.warmUp", 200);
            String report = new NotifierBenchmark().run(count, pollers, rate, warmUp);
            System.out.println(report);
            Path output = Path.of(System.getProperty("bench.outputDirectory", "target"), "notifier-benchmark.md");
            Files.createDirectories(output.getParent());
            Files.writeString(output, report);
            System.out.println("Written to " + output);
        } catch (Throwable e) {
            e.printStackTrace();
            // ElasticMQ's and DynamoDB Local's threads would keep the JVM alive.
            System.exit(1);
        }
        System.exit(0);
    }

    String run(int count, int pollers, int rate, int warmUpCount) throws Exception {
        var dynamoDb = DynamoDbLocalServer.shared().client();
        String table = TemplateTables.createFresh(dynamoDb, "PartnersTable");
        var queue = TemplateQueues.createFresh(sqs, "NotificationQueue", 30);
        HttpServer receiver = receiver();
        URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/bhx");
        var webhooks = new DynamoDbWebhookSubscriptionRepository(dynamoDb, table);
        List<PartnerId> partners = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            var partner = new PartnerId(ids.next());
            webhooks.add(new WebhookSubscription(new WebhookId(ids.next()), partner, url, SECRET,
                    WebhookSubscription.allSubscribableTypes(), Instant.now()), 3);
            partners.add(partner);
        }
        Map<String, String> environment = new HashMap<>(Map.of("PARTNERS_TABLE_NAME", table,
                "NOTIFICATION_QUEUE_URL", queue.url(), "WEBHOOK_ALLOW_LOOPBACK_URLS", "true"));
        var handler = new WebhookNotifierHandler(ElasticMqServer.shared().withEndpoint(
                DynamoDbLocalServer.shared().functionEnvironment(environment)));
        var publisher = new SqsNotificationPublisher(sqs, queue.url());

        // Warm-up: JIT, connections, DynamoDB Local's first reads.
        Phase warmUp = phase(warmUpCount, 0, partners, publisher, handler, queue.url(), pollers);
        Phase burst = phase(count, 0, partners, publisher, handler, queue.url(), pollers);
        Phase paced = phase(Math.max(100, count / 4), rate, partners, publisher, handler, queue.url(), pollers);
        receiver.stop(0);
        if (badSignatures.get() > 0) {
            throw new IllegalStateException(badSignatures.get() + " deliveries had a signature the receiver refused");
        }

        StringBuilder report = new StringBuilder();
        report.append("## Webhook notifier (issue 4)\n\n");
        report.append("Machine: ").append(procField("/proc/cpuinfo", "model name")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" processors, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version"))
                .append(", load average at the end ").append(loadAverage()).append(".\n");
        report.append("Setup: ").append(PARTNERS).append(" partners with one webhook each on a JDK HttpServer on 127.0.0.1 ")
                .append("(verifies every signature, answers 204); NotificationQueue on ElasticMQ and PartnersTable on DynamoDB Local, in-process; ")
                .append(pollers).append(" pollers = concurrent invocations, batches of 10. ")
                .append("Warm-up of ").append(warmUp.count).append(" not counted. Signature failures: ").append(badSignatures.get())
                .append(".\n\n");
        report.append("| run | notifications | deliveries/s | latency p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|\n");
        report.append(burst.row("burst (all published at once)"));
        report.append(paced.row("paced at " + rate + "/s"));
        return report.toString();
    }

    private record Phase(int count, double seconds, double[] latenciesMillis) {
        String row(String name) {
            double[] sorted = latenciesMillis.clone();
            Arrays.sort(sorted);
            return String.format("| %s | %,d | %,.0f | %.0f ms | %.0f ms | %.0f ms | %.0f ms |%n", name, count,
                    count / seconds, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                    sorted[sorted.length - 1]);
        }
    }

    private Phase phase(int count, int ratePerSecond, List<PartnerId> partners, SqsNotificationPublisher publisher,
            WebhookNotifierHandler handler, String queueUrl, int pollers) throws Exception {
        publishedAt.clear();
        receivedAt.clear();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(pollers);
        for (int i = 0; i < pollers; i++) {
            pool.submit(() -> poll(handler, queueUrl, running));
        }
        ExecutorService senders = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        CountDownLatch sent = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            if (ratePerSecond > 0) {
                long due = start + (long) (i * 1e9 / ratePerSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            var notification = new Notification(ids.next(), NotificationType.MATCH_FOUND,
                    partners.get(i % partners.size()), Instant.now(), "{\"matchId\":\"" + ids.next()
                    + "\",\"deadheadMiles\":38}");
            senders.submit(() -> {
                publishedAt.put(notification.eventId(), System.nanoTime());
                publisher.publish(notification);
                sent.countDown();
            });
        }
        sent.await();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (receivedAt.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long end = receivedAt.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
        running.set(false);
        senders.shutdown();
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        if (receivedAt.size() < count) {
            throw new IllegalStateException("only " + receivedAt.size() + " of " + count + " delivered");
        }
        double[] latencies = receivedAt.entrySet().stream()
                .mapToDouble(entry -> (entry.getValue() - publishedAt.get(entry.getKey())) / 1e6).toArray();
        return new Phase(count, (end - start) / 1e9, latencies);
    }

    private void poll(WebhookNotifierHandler handler, String queueUrl, AtomicBoolean running) {
        var context = new RecordingContext();
        while (running.get()) {
            List<Message> batch = sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (batch.isEmpty()) {
                continue;
            }
            SQSEvent event = new SQSEvent();
            event.setRecords(batch.stream().map(message -> {
                var record = new SQSEvent.SQSMessage();
                record.setMessageId(message.messageId());
                record.setReceiptHandle(message.receiptHandle());
                record.setBody(message.body());
                record.setAttributes(new HashMap<>(message.attributesAsStrings()));
                record.setEventSource("aws:sqs");
                return record;
            }).toList());
            SQSBatchResponse response = handler.handleRequest(event, context);
            Set<String> failed = response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
            List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
            for (Message message : batch) {
                if (!failed.contains(message.messageId())) {
                    done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
                            .receiptHandle(message.receiptHandle()).build());
                }
            }
            if (!done.isEmpty()) {
                sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(done));
            }
        }
    }

    private HttpServer receiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/hooks/bhx", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String eventId = exchange.getRequestHeaders().getFirst("BHX-Event-Id");
            if (!WebhookSignature.verify(exchange.getRequestHeaders().getFirst("BHX-Signature"), body, SECRET,
                    Instant.now(), WebhookSignature.DEFAULT_TOLERANCE)) {
                badSignatures.incrementAndGet();
            }
            receivedAt.putIfAbsent(eventId, now);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static double percentile(double[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
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
