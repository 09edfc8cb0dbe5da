package com.backhaulexchange.function.notifier;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.adapter.sqs.SqsNotificationPublisher;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.notification.WebhookId;
import com.backhaulexchange.notification.WebhookSubscription;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.adapter.dynamodb.DynamoDbWebhookSubscriptionRepository;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.ElasticMqServer;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.testing.RecordingContext;
import com.backhaulexchange.testing.SampleEventFiles;
import com.backhaulexchange.testing.TemplateQueues;
import com.backhaulexchange.testing.TemplateTables;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The notifier on a fresh PartnersTable in the shared DynamoDB Local and a fresh NotificationQueue (with its
 * dead-letter queue, as template.yaml declares them) in the shared ElasticMQ, consumed the way Lambda's event
 * source mapping does: receive a batch, invoke, delete what was not reported failed. Visibility and backoff
 * are shortened to seconds, and the backoff's jitter is fixed at its maximum so its delays are predictable.
 */
final class NotifierFixture {
    static final Path EVENTS = Path.of("../../events/webhook-notifier");
    static final String SECRET = "whsec_test_0123456789abcdefghijklmnopqrstuvwxyz";
    private static final Ulid IDS = new Ulid(Clock.systemUTC(), new SecureRandom());

    final DynamoDbClient dynamoDb = DynamoDbLocalServer.shared().client();
    final String partnersTable = TemplateTables.createFresh(dynamoDb, "PartnersTable");
    final SqsClient sqs = ElasticMqServer.shared().client();
    final TemplateQueues.FreshQueue queue;
    final DynamoDbWebhookSubscriptionRepository webhooks = new DynamoDbWebhookSubscriptionRepository(dynamoDb,
            partnersTable);
    final SqsNotificationPublisher publisher;
    final RecordingContext context = new RecordingContext();
    final WebhookNotifierHandler handler;
    final Map<String, Integer> receives = new HashMap<>();

    NotifierFixture() {
        this(Map.of());
    }

    /** {@code extraVariables} override the defaults here: retries after 1, 2, 4 s (cap 4), 2 s response timeout. */
    NotifierFixture(Map<String, String> extraVariables) {
        queue = TemplateQueues.createFresh(sqs, "NotificationQueue", 1);
        publisher = new SqsNotificationPublisher(sqs, queue.url());
        Map<String, String> variables = new HashMap<>();
        variables.put("PARTNERS_TABLE_NAME", partnersTable);
        variables.put("NOTIFICATION_QUEUE_URL", queue.url());
        variables.put("WEBHOOK_RETRY_BASE_SECONDS", "1");
        variables.put("WEBHOOK_RETRY_CAP_SECONDS", "4");
        variables.put("WEBHOOK_TIMEOUT_SECONDS", "2");
        variables.put("WEBHOOK_ALLOW_LOOPBACK_URLS", "true");
        variables.putAll(extraVariables);
        handler = new WebhookNotifierHandler(new FunctionEnvironment(ElasticMqServer.shared().withEndpoint(
                DynamoDbLocalServer.shared().functionEnvironment(variables))), Clock.systemUTC(), () -> 1.0);
    }

    static String newId() {
        return IDS.next();
    }

    WebhookSubscription subscribe(PartnerId partner, URI url, Set<NotificationType> types) {
        var subscription = new WebhookSubscription(new WebhookId(newId()), partner, url, SECRET, types,
                Instant.now());
        webhooks.add(subscription, 3);
        return subscription;
    }

    WebhookSubscription subscribe(PartnerId partner, Receiver receiver) {
        return subscribe(partner, receiver.url(), WebhookSubscription.allSubscribableTypes());
    }

    static PartnerId partner() {
        return PartnerExamples.newPartnerId();
    }

    static Notification matchFound(PartnerId recipient) {
        return new Notification(newId(), NotificationType.MATCH_FOUND, recipient, Instant.now(),
                "{\"matchId\":\"" + newId() + "\",\"deadheadMiles\":38}");
    }

    SQSEvent event(String sample, Map<String, String> values) {
        return SampleEventFiles.load(EVENTS.resolve(sample), SQSEvent.class, values);
    }

    SQSBatchResponse deliver(SQSEvent event) {
        return handler.handleRequest(event, context);
    }

    /** One receive of up to 10 messages, invoked and acknowledged as the event source mapping does. */
    List<Message> pollOnce() {
        var batch = sqs.receiveMessage(request -> request.queueUrl(queue.url()).maxNumberOfMessages(10)
                .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        batch.forEach(message -> receives.merge(message.messageId(), 1, Integer::sum));
        if (!batch.isEmpty()) {
            var response = deliver(eventOf(batch));
            Set<String> failed = response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
            batch.stream().filter(message -> !failed.contains(message.messageId())).forEach(message ->
                    sqs.deleteMessage(request -> request.queueUrl(queue.url()).receiptHandle(message.receiptHandle())));
        }
        return batch;
    }

    /** Polls until {@code done} holds or {@code maxSeconds} pass; true if it held. */
    boolean pollUntil(BooleanSupplier done, int maxSeconds) {
        long deadline = System.currentTimeMillis() + maxSeconds * 1000L;
        while (!done.getAsBoolean() && System.currentTimeMillis() < deadline) {
            pollOnce();
        }
        return done.getAsBoolean();
    }

    List<Message> deadLetters() {
        return TemplateQueues.drain(sqs, queue.deadLetterUrl());
    }

    boolean queueIsEmpty() {
        return sqs.getQueueAttributes(request -> request.queueUrl(queue.url()).attributeNamesWithStrings(
                        "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                .attributesAsStrings().values().stream().allMatch("0"::equals);
    }

    /** The log lines of one kind ("webhook delivered", "webhook delivery failed", ...). */
    List<String> logLines(String message) {
        List<String> lines = new ArrayList<>();
        context.logLines().stream().filter(line -> line.contains("\"message\":\"" + message + "\"")).forEach(lines::add);
        return lines;
    }

    static SQSEvent eventOf(List<Message> batch) {
        SQSEvent event = new SQSEvent();
        event.setRecords(batch.stream().map(message -> {
            var record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setAttributes(new HashMap<>(message.attributesAsStrings()));
            record.setEventSource("aws:sqs");
            record.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:NotificationQueue");
            return record;
        }).toList());
        return event;
    }
}
