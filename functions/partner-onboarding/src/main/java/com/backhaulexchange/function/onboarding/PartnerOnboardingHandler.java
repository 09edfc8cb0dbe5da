package com.backhaulexchange.function.onboarding;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.backhaulexchange.partner.apikey.ApiKeyIssuer;
import com.backhaulexchange.adapter.http.ApiRouter;
import com.backhaulexchange.adapter.http.JsonBodyReader;
import com.backhaulexchange.adapter.http.OpenApiSchemas;
import com.backhaulexchange.kernel.id.RandomTokens;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.adapter.http.IdempotencyVault;
import com.backhaulexchange.adapter.json.Json;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.adapter.sqs.SqsNotificationPublisher;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPartnerRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbWebhookSubscriptionRepository;
import com.backhaulexchange.adapter.sqs.SqsClients;
import com.backhaulexchange.adapter.dynamodb.DynamoDbClients;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * Lambda entry point of partner onboarding. Everything is built once per execution environment;
 * each invocation only routes the event.
 */
public final class PartnerOnboardingHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>, Resource {

    private final ApiRouter router;
    private final DynamoDbPartnerRepository partners;
    private final OpenApiSchemas schemas;

    public PartnerOnboardingHandler() {
        this(System.getenv());
    }

    public PartnerOnboardingHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables), Clock.systemUTC());
    }

    PartnerOnboardingHandler(FunctionEnvironment environment, Clock clock) {
        var mapper = Json.newMapper();
        var random = new SecureRandom();
        this.schemas = OpenApiSchemas.loadFromClasspath();
        var dynamoDb = DynamoDbClients.create(environment);
        this.partners = new DynamoDbPartnerRepository(dynamoDb, environment.required("PARTNERS_TABLE_NAME"));
        var webhooks = new WebhookRegistrations(
                new DynamoDbWebhookSubscriptionRepository(dynamoDb, environment.required("PARTNERS_TABLE_NAME")),
                new SqsNotificationPublisher(SqsClients.create(environment), environment.required("NOTIFICATION_QUEUE_URL")),
                new Ulid(clock, random), clock,
                Boolean.parseBoolean(environment.optional("WEBHOOK_ALLOW_LOOPBACK_URLS").orElse("false")));
        var service = new PartnerOnboardingService(partners, new ApiKeyIssuer(new RandomTokens(random), clock),
                new Ulid(clock, random), clock,
                Duration.ofSeconds(environment.longValue("KEY_ROTATION_GRACE_SECONDS", 3600)));
        var api = new PartnerOnboardingApi(service, new JsonBodyReader(mapper, schemas),
                new IdempotencyVault(mapper, random, clock), partners, webhooks, mapper, clock);
        this.router = api.routes();
        Core.getGlobalContext().register(this);
    }

    /** The routes this function serves ("METHOD /path/{template}"), for the template/OpenAPI consistency tests. */
    java.util.Set<String> routeKeys() {
        return router.routeKeys();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return router.handle(event, context.getLogger());
    }

    /**
     * SnapStart priming: compile the request schemas and warm the DynamoDB client's code paths with
     * a read of an id no partner can have. Reads only, and nothing unique is captured in the snapshot.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        for (String schema : new String[] {"RegisterPartnerRequest", "UpdatePartnerRequest", "RotateApiKeyRequest",
                "SuspendPartnerRequest", "RegisterWebhookRequest"}) {
            schemas.preload(schema);
        }
        partners.findById(new PartnerId("00000000000000000000000000"));
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: SecureRandom reseeds itself after restore (SnapStart guarantees it for java.security.SecureRandom).
    }
}
