package com.backhaulexchange.negotiationbooking;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.backhaulexchange.http.StructuredLog;
import com.backhaulexchange.id.Ulid;
import com.backhaulexchange.messaging.SqsNotificationPublisher;
import com.backhaulexchange.persistence.dynamodb.DynamoDbDealStore;
import com.backhaulexchange.runtime.AwsClients;
import com.backhaulexchange.runtime.FunctionEnvironment;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

/** Scheduled entry point (every minute): expires lapsed offers and hands over left-behind notifications. */
public final class NegotiationHousekeepingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final NegotiationHousekeeping housekeeping;

    public NegotiationHousekeepingHandler() {
        this(System.getenv());
    }

    public NegotiationHousekeepingHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables), Clock.systemUTC());
    }

    NegotiationHousekeepingHandler(FunctionEnvironment environment, Clock clock) {
        var dynamoDb = AwsClients.dynamoDb(environment);
        var deals = new DynamoDbDealStore(dynamoDb, environment.required("NEGOTIATIONS_TABLE_NAME"),
                environment.required("LANES_TABLE_NAME"));
        var notifier = new Notifier(new SqsNotificationPublisher(AwsClients.sqs(environment),
                environment.required("NOTIFICATION_QUEUE_URL")), deals,
                warning -> LambdaRuntime.getLogger().log(StructuredLog.line("WARN", warning, Map.of())));
        this.housekeeping = new NegotiationHousekeeping(deals, deals, notifier, new Ulid(clock, new SecureRandom()),
                clock);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        var run = housekeeping.run();
        Map<String, Object> summary = Map.of("expired", run.expired(), "notificationsHandedOver",
                run.notificationsHandedOver());
        context.getLogger().log(StructuredLog.line("INFO", "negotiation housekeeping done", summary));
        return summary;
    }
}
