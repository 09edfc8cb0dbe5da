package com.backhaulexchange.function.onboarding;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.backhaulexchange.adapter.dynamodb.DynamoDbClients;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPartnerRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbWebhookDeliveryLog;
import com.backhaulexchange.adapter.dynamodb.DynamoDbWebhookSubscriptionRepository;
import com.backhaulexchange.adapter.http.ApiFunction;
import com.backhaulexchange.adapter.http.ApiTools;
import com.backhaulexchange.adapter.http.IdempotencyVault;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.adapter.lambda.JsonEventCodec;
import com.backhaulexchange.adapter.lambda.Priming;
import com.backhaulexchange.adapter.sqs.SqsClients;
import com.backhaulexchange.adapter.sqs.SqsNotificationPublisher;
import com.backhaulexchange.kernel.id.RandomTokens;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.apikey.ApiKeyIssuer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Lambda entry point of partner onboarding. Everything is built once per execution environment;
 * each invocation only routes the event.
 */
public final class PartnerOnboardingHandler
        implements RequestStreamHandler {
    private static final JsonEventCodec<APIGatewayProxyRequestEvent> EVENTS = JsonEventCodec.of(APIGatewayProxyRequestEvent.class);

    private final ApiFunction function;

    public PartnerOnboardingHandler() {
        this(System.getenv());
    }

    public PartnerOnboardingHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables), Clock.systemUTC());
    }

    PartnerOnboardingHandler(FunctionEnvironment environment, Clock clock) {
        var http = ApiTools.load();
        var random = new SecureRandom();
        var dynamoDb = DynamoDbClients.create(environment);
        var partners = new DynamoDbPartnerRepository(dynamoDb, environment.required("PARTNERS_TABLE_NAME"));
        var webhooks = new WebhookRegistrations(
                new DynamoDbWebhookSubscriptionRepository(dynamoDb, environment.required("PARTNERS_TABLE_NAME")),
                new DynamoDbWebhookDeliveryLog(dynamoDb, environment.required("PARTNERS_TABLE_NAME")),
                new SqsNotificationPublisher(SqsClients.create(environment), environment.required("NOTIFICATION_QUEUE_URL")),
                new Ulid(clock, random), clock,
                Boolean.parseBoolean(environment.optional("WEBHOOK_ALLOW_LOOPBACK_URLS").orElse("false")));
        var service = new PartnerOnboardingService(partners, new ApiKeyIssuer(new RandomTokens(random), clock),
                new Ulid(clock, random), clock,
                Duration.ofSeconds(environment.longValue("KEY_ROTATION_GRACE_SECONDS", 3600)));
        var api = new PartnerOnboardingApi(service, http.bodies(), new IdempotencyVault(http.mapper(), random, clock),
                partners, webhooks, http.mapper(), clock);
        // SnapStart: the request schemas compiled, the DynamoDB client warmed by a read of an id no partner has.
        // SecureRandom reseeds itself after restore (SnapStart guarantees it for java.security.SecureRandom).
        this.function = new ApiFunction(PartnerOnboardingHandler.class, api.routes(),
                () -> http.schemas().preload("RegisterPartnerRequest", "UpdatePartnerRequest", "RotateApiKeyRequest",
                        "SuspendPartnerRequest", "RegisterWebhookRequest"),
                () -> partners.findById(new PartnerId(Priming.ABSENT_ID)));
    }

    /** The Lambda entry: the event read and the answer written with the function's own Jackson (ADR 36). */
    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        EVENTS.answer(event, answer, context, this::handleRequest);
    }

    /** The typed entry: what the stream entry hands the event to, and what the handler tests call. */
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return function.handle(event, context);
    }

    /** The routes this function serves ("METHOD /path/{template}"), for the template/OpenAPI consistency tests. */
    Set<String> routeKeys() {
        return function.routeKeys();
    }

    Priming priming() {
        return function.priming();
    }
}
