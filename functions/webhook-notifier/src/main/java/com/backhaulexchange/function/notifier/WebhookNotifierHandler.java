package com.backhaulexchange.function.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.backhaulexchange.adapter.lambda.StructuredLog;
import com.backhaulexchange.notification.DeliveryBackoff;
import com.backhaulexchange.notification.WebhookId;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.adapter.dynamodb.DynamoDbWebhookSubscriptionRepository;
import com.backhaulexchange.adapter.sqs.SqsClients;
import com.backhaulexchange.adapter.dynamodb.DynamoDbClients;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.crac.Core;
import org.crac.Resource;

/**
 * Lambda entry point of the webhook notifier, triggered by NotificationQueue with ReportBatchItemFailures
 * (ADR 16): each message is delivered, fanned out or retried on its own by {@link WebhookNotifier}, and only
 * the failed ones are reported. Configuration: {@code PARTNERS_TABLE_NAME}, {@code NOTIFICATION_QUEUE_URL},
 * {@code WEBHOOK_RETRY_BASE_SECONDS} (15), {@code WEBHOOK_RETRY_CAP_SECONDS} (900),
 * {@code WEBHOOK_TIMEOUT_SECONDS} (5, the wait for a response; connecting gets 3),
 * {@code WEBHOOK_ALLOW_LOOPBACK_URLS} (false; the local stack sets true).
 */
public final class WebhookNotifierHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Resource {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final WebhookNotifier notifier;
    private final DynamoDbWebhookSubscriptionRepository webhooks;

    public WebhookNotifierHandler() {
        this(System.getenv());
    }

    public WebhookNotifierHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables), Clock.systemUTC());
    }

    WebhookNotifierHandler(FunctionEnvironment environment, Clock clock) {
        this(environment, clock, () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /** With the backoff's jitter given: tests fix it to see the delays grow. */
    WebhookNotifierHandler(FunctionEnvironment environment, Clock clock, DoubleSupplier jitter) {
        var dynamoDb = DynamoDbClients.create(environment);
        this.webhooks = new DynamoDbWebhookSubscriptionRepository(dynamoDb, environment.required("PARTNERS_TABLE_NAME"));
        var queue = new NotificationQueueOperations(SqsClients.create(environment),
                environment.required("NOTIFICATION_QUEUE_URL"));
        var base = Duration.ofSeconds(environment.longValue("WEBHOOK_RETRY_BASE_SECONDS",
                DeliveryBackoff.DEFAULT_BASE.toSeconds()));
        var cap = Duration.ofSeconds(environment.longValue("WEBHOOK_RETRY_CAP_SECONDS",
                DeliveryBackoff.DEFAULT_CAP.toSeconds()));
        var backoff = new DeliveryBackoff(base, cap,
                DeliveryBackoff.DEFAULT_MINIMUM.compareTo(cap) < 0 ? DeliveryBackoff.DEFAULT_MINIMUM : Duration.ZERO,
                jitter);
        boolean loopbackAllowed = Boolean.parseBoolean(environment.optional("WEBHOOK_ALLOW_LOOPBACK_URLS")
                .orElse("false"));
        var delivery = new WebhookDelivery(WebhookDelivery.newClient(CONNECT_TIMEOUT), clock,
                Duration.ofSeconds(environment.longValue("WEBHOOK_TIMEOUT_SECONDS", 5)), loopbackAllowed);
        this.notifier = new WebhookNotifier(webhooks, queue, delivery, backoff);
        Core.getGlobalContext().register(this);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<WebhookNotifier.Received> batch = records.stream().map(record -> new WebhookNotifier.Received(
                record.getMessageId(), record.getReceiptHandle(), record.getBody(), receiveCount(record))).toList();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (var outcome : notifier.process(batch)) {
            context.getLogger().log(StructuredLog.line(outcome.level(), outcome.message(), outcome.fields()));
            if (outcome.failed()) {
                failures.add(new SQSBatchResponse.BatchItemFailure(outcome.messageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private static int receiveCount(SQSEvent.SQSMessage record) {
        String count = record.getAttributes() == null ? null : record.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Math.max(1, Integer.parseInt(count));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** SnapStart priming: a read of an id no partner can have. No delivery, nothing unique captured. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        webhooks.find(new PartnerId("00000000000000000000000000"), new WebhookId("00000000000000000000000000"));
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: the HttpClient opens its connections on demand
    }
}
