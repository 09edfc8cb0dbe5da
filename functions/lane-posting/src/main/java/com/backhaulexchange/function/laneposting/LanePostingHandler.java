package com.backhaulexchange.function.laneposting;

import com.backhaulexchange.adapter.lambda.MatchingSettings;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.backhaulexchange.gazetteer.Gazetteer;
import com.backhaulexchange.gazetteer.Locator;
import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.adapter.http.ApiRouter;
import com.backhaulexchange.adapter.http.JsonBodyReader;
import com.backhaulexchange.adapter.http.OpenApiSchemas;
import com.backhaulexchange.adapter.lambda.StructuredLog;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.adapter.http.IdempotencyVault;
import com.backhaulexchange.adapter.json.Json;
import com.backhaulexchange.lane.CandidateKeys;
import com.backhaulexchange.adapter.sqs.SqsMatchRequestSender;
import com.backhaulexchange.adapter.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbMatchRepository;
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
 * Lambda entry point of lane posting: post capacity and loads, list, read and withdraw one's lanes, read
 * one's matches. Everything is built once per execution environment; each invocation only routes the event.
 */
public final class LanePostingHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>, Resource {
    /** How long a match request may stay pending before the sweeper sends it again (ADR 10). */
    static final long DEFAULT_RESEND_AFTER_SECONDS = 120;

    private final ApiRouter router;
    private final DynamoDbLaneRepository lanes;
    private final OpenApiSchemas schemas;

    public LanePostingHandler() {
        this(System.getenv());
    }

    public LanePostingHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables), Clock.systemUTC());
    }

    LanePostingHandler(FunctionEnvironment environment, Clock clock) {
        var mapper = Json.newMapper();
        var random = new SecureRandom();
        this.schemas = OpenApiSchemas.loadFromClasspath();
        var dynamoDb = DynamoDbClients.create(environment);
        String table = environment.required("LANES_TABLE_NAME");
        this.lanes = new DynamoDbLaneRepository(dynamoDb, table);
        var roads = MatchingSettings.roadDistance(environment);
        var service = new LanePostingService(lanes, new DynamoDbMatchRepository(dynamoDb, table),
                new SqsMatchRequestSender(SqsClients.create(environment), environment.required("MATCH_REQUEST_QUEUE_URL")),
                new Locator(Gazetteer.bundled()), new CandidateKeys(GeoCellScheme.DEFAULT, roads),
                new Ulid(clock, random), clock,
                Duration.ofSeconds(environment.longValue("MATCH_REQUEST_RESEND_AFTER_SECONDS",
                        DEFAULT_RESEND_AFTER_SECONDS)),
                warning -> LambdaRuntime.getLogger().log(StructuredLog.line("WARN", warning, Map.of())));
        var api = new LanePostingApi(service, new JsonBodyReader(mapper, schemas),
                new IdempotencyVault(mapper, random, clock), lanes, mapper, clock);
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
     * SnapStart priming: compile the request schemas, load the gazetteer and warm the DynamoDB client with a
     * read of an id no lane can have. Reads only; nothing unique is captured in the snapshot.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        schemas.preload("CapacityLanePosting");
        schemas.preload("LoadLanePosting");
        Gazetteer.bundled();
        lanes.findLane("00000000000000000000000000");
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: SecureRandom reseeds itself after restore.
    }
}
