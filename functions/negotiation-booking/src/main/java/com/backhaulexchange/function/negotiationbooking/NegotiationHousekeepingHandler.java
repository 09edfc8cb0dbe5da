package com.backhaulexchange.function.negotiationbooking;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.backhaulexchange.adapter.dynamodb.DynamoDbClients;
import com.backhaulexchange.adapter.dynamodb.DynamoDbComplianceStore;
import com.backhaulexchange.adapter.dynamodb.DynamoDbDealStore;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.adapter.lambda.JsonEventCodec;
import com.backhaulexchange.adapter.lambda.Priming;
import com.backhaulexchange.adapter.lambda.StructuredLog;
import com.backhaulexchange.adapter.sqs.SqsClients;
import com.backhaulexchange.adapter.sqs.SqsNotificationPublisher;
import com.backhaulexchange.deal.negotiation.NegotiationId;
import com.backhaulexchange.kernel.id.Ulid;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Scheduled entry point (every minute): expires lapsed offers and hands over left-behind notifications. */
public final class NegotiationHousekeepingHandler implements RequestStreamHandler {
    private static final JsonEventCodec<Map<String, Object>> EVENTS = JsonEventCodec.ofJsonObject();
    private final NegotiationHousekeeping housekeeping;
    private final Priming priming;

    public NegotiationHousekeepingHandler() {
        this(System.getenv());
    }

    public NegotiationHousekeepingHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables), Clock.systemUTC());
    }

    NegotiationHousekeepingHandler(FunctionEnvironment environment, Clock clock) {
        var dynamoDb = DynamoDbClients.create(environment);
        var deals = new DynamoDbDealStore(dynamoDb, environment.required("NEGOTIATIONS_TABLE_NAME"),
                environment.required("LANES_TABLE_NAME"));
        var notifier = new Notifier(new SqsNotificationPublisher(SqsClients.create(environment),
                environment.required("NOTIFICATION_QUEUE_URL")), deals,
                warning -> LambdaRuntime.getLogger().log(StructuredLog.line("WARN", warning, Map.of())));
        var compliance = new DynamoDbComplianceStore(dynamoDb, environment.required("NEGOTIATIONS_TABLE_NAME"));
        this.housekeeping = new NegotiationHousekeeping(deals, deals, deals, compliance, notifier,
                new Ulid(clock, new SecureRandom()), clock);
        // SnapStart: housekeeping's queries over what lapsed or was left before 1970, and a read of an id no
        // negotiation has. A run is not: it expires offers and hands notifications over.
        this.priming = Priming.register(NegotiationHousekeepingHandler.class,
                () -> deals.withLapsedOffers(Instant.EPOCH, 1),
                () -> deals.lapsedBefore(Instant.EPOCH, 1),
                () -> deals.pending(Instant.EPOCH, 1),
                () -> compliance.noticesDue(java.time.LocalDate.EPOCH, 1),
                () -> deals.find(new NegotiationId(Priming.ABSENT_ID)));
    }

    /** The Lambda entry: the event read and the answer written with the function's own Jackson (ADR 36). */
    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        EVENTS.answer(event, answer, context, this::handleRequest);
    }

    /** The typed entry: what the stream entry hands the event to, and what the handler tests call. */
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        var run = housekeeping.run();
        Map<String, Object> summary = Map.of("expired", run.expired(), "packageDealsLapsed",
                run.packageDealsLapsed(), "complianceNotices", run.complianceNotices(), "notificationsHandedOver", run.notificationsHandedOver());
        context.getLogger().log(StructuredLog.line("INFO", "negotiation housekeeping done", summary));
        return summary;
    }

    Priming priming() {
        return priming;
    }
}
