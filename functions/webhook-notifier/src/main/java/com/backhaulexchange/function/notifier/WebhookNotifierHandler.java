package com.backhaulexchange.function.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.backhaulexchange.adapter.dynamodb.DynamoDbClients;
import com.backhaulexchange.adapter.dynamodb.DynamoDbWebhookDeliveryLog;
import com.backhaulexchange.adapter.dynamodb.DynamoDbWebhookSubscriptionRepository;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.adapter.lambda.JsonEventCodec;
import com.backhaulexchange.adapter.lambda.Priming;
import com.backhaulexchange.adapter.lambda.SqsBatch;
import com.backhaulexchange.adapter.sqs.NotificationMessages;
import com.backhaulexchange.adapter.sqs.SqsClients;
import com.backhaulexchange.notification.DeliveryBackoff;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.notification.WebhookId;
import com.backhaulexchange.notification.WebhookRetryPolicy;
import com.backhaulexchange.notification.WebhookSignature;
import com.backhaulexchange.partner.PartnerId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Lambda entry point of the webhook notifier, triggered by NotificationQueue with ReportBatchItemFailures
 * (ADR 16): each message is delivered, fanned out or retried on its own by {@link WebhookNotifier}, and only
 * the failed ones are reported. Configuration: {@code PARTNERS_TABLE_NAME}, {@code NOTIFICATION_QUEUE_URL},
 * {@code WEBHOOK_RETRY_BASE_SECONDS} (15), {@code WEBHOOK_RETRY_CAP_SECONDS} (900),
 * {@code WEBHOOK_TIMEOUT_SECONDS} (5, the wait for a response; connecting gets 3),
 * {@code WEBHOOK_ALLOW_LOOPBACK_URLS} (false; the local stack sets true), {@code WEBHOOK_MAX_ATTEMPTS} (8:
 * NotificationQueue's maxReceiveCount, so that the last failed attempt is recorded as given up, ADR 40).
 */
public final class WebhookNotifierHandler implements RequestStreamHandler {
    private static final JsonEventCodec<SQSEvent> EVENTS = JsonEventCodec.of(SQSEvent.class);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** A notification for a partner nothing has, with a fixed id and time: SnapStart priming encodes and signs it. */
    static final Notification PRIMING_NOTIFICATION = new Notification(Priming.ABSENT_ID, NotificationType.WEBHOOK_TEST,
            new PartnerId(Priming.ABSENT_ID), Instant.EPOCH, "{}");

    private final SqsBatch batch;
    private final Priming priming;

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
        var webhooks = new DynamoDbWebhookSubscriptionRepository(dynamoDb, environment.required("PARTNERS_TABLE_NAME"));
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
        var deliveryLog = new DynamoDbWebhookDeliveryLog(dynamoDb, environment.required("PARTNERS_TABLE_NAME"));
        var retryPolicy = new WebhookRetryPolicy((int) environment.longValue("WEBHOOK_MAX_ATTEMPTS",
                WebhookRetryPolicy.DEFAULT_MAX_ATTEMPTS));
        var notifier = new WebhookNotifier(webhooks, queue, delivery, backoff, deliveryLog, retryPolicy, clock);
        this.batch = SqsBatch.concurrently("notification failed", notifier::start);
        // SnapStart: a notification message decoded, its webhook body signed with a constant secret, and a read of
        // ids nothing has. Nothing is delivered: the HttpClient opens its connections on demand.
        this.priming = Priming.register(WebhookNotifierHandler.class,
                () -> NotificationMessages.decode(NotificationMessages.encode(PRIMING_NOTIFICATION,
                        new WebhookId(Priming.ABSENT_ID))),
                () -> WebhookSignature.header(NotificationMessages.webhookBody(PRIMING_NOTIFICATION),
                        "whsec_snapstart_priming", Instant.EPOCH),
                () -> webhooks.find(new PartnerId(Priming.ABSENT_ID), new WebhookId(Priming.ABSENT_ID)));
    }

    /** The Lambda entry: the event read and the answer written with the function's own Jackson (ADR 36). */
    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        EVENTS.answer(event, answer, context, this::handleRequest);
    }

    /** The typed entry: what the stream entry hands the event to, and what the handler tests call. */
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, context);
    }

    Priming priming() {
        return priming;
    }
}
