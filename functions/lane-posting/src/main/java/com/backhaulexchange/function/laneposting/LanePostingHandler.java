package com.backhaulexchange.function.laneposting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.backhaulexchange.adapter.dynamodb.DynamoDbCarrierFleets;
import com.backhaulexchange.adapter.dynamodb.DynamoDbClients;
import com.backhaulexchange.adapter.dynamodb.DynamoDbDealStore;
import com.backhaulexchange.adapter.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbMatchRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbNetworkStore;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPackageRepository;
import com.backhaulexchange.adapter.http.ApiFunction;
import com.backhaulexchange.adapter.http.ApiRouter;
import com.backhaulexchange.adapter.http.ApiTools;
import com.backhaulexchange.adapter.http.IdempotencyVault;
import com.backhaulexchange.adapter.http.JsonBodyReader;
import com.backhaulexchange.adapter.http.OpenApiSchemas;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.adapter.lambda.JsonEventCodec;
import com.backhaulexchange.adapter.lambda.MatchingSettings;
import com.backhaulexchange.adapter.lambda.Priming;
import com.backhaulexchange.adapter.lambda.StructuredLog;
import com.backhaulexchange.adapter.sqs.SqsClients;
import com.backhaulexchange.adapter.sqs.SqsMatchRequestSender;
import com.backhaulexchange.deal.network.KAnonymityPolicy;
import com.backhaulexchange.gazetteer.Gazetteer;
import com.backhaulexchange.gazetteer.Locator;
import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.lane.CandidateKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Lambda entry point of lane posting: post capacity and loads, list, read and withdraw one's lanes, read
 * one's matches and reload packages (a broker: its principal's packages). Everything is built once per execution environment; each invocation only routes the event.
 */
public final class LanePostingHandler
        implements RequestStreamHandler {
    private static final JsonEventCodec<APIGatewayProxyRequestEvent> EVENTS = JsonEventCodec.of(APIGatewayProxyRequestEvent.class);
    /** How long a match request may stay pending before the sweeper sends it again (ADR 10). */
    static final long DEFAULT_RESEND_AFTER_SECONDS = 120;

    private final ApiFunction function;

    public LanePostingHandler() {
        this(System.getenv());
    }

    public LanePostingHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables), Clock.systemUTC());
    }

    LanePostingHandler(FunctionEnvironment environment, Clock clock) {
        var http = ApiTools.load();
        var random = new SecureRandom();
        var dynamoDb = DynamoDbClients.create(environment);
        String table = environment.required("LANES_TABLE_NAME");
        // Postings ADD to the network counters in their transaction (ADR 41).
        var lanes = new DynamoDbLaneRepository(dynamoDb, table, environment.required("ANALYTICS_TABLE_NAME"));
        var roads = MatchingSettings.roadDistance(environment);
        var service = new LanePostingService(lanes, new DynamoDbMatchRepository(dynamoDb, table),
                new DynamoDbPackageRepository(dynamoDb, table),
                new DynamoDbDealStore(dynamoDb, environment.required("NEGOTIATIONS_TABLE_NAME"), table),
                // The carrier's fleet fuel economy, copied onto each capacity lane it posts (ADR 47).
                new DynamoDbCarrierFleets(dynamoDb, environment.required("PARTNERS_TABLE_NAME")),
                new SqsMatchRequestSender(SqsClients.create(environment), environment.required("MATCH_REQUEST_QUEUE_URL")),
                new Locator(Gazetteer.bundled()), new CandidateKeys(GeoCellScheme.DEFAULT, roads),
                new Ulid(clock, random), clock,
                Duration.ofSeconds(environment.longValue("MATCH_REQUEST_RESEND_AFTER_SECONDS",
                        DEFAULT_RESEND_AFTER_SECONDS)),
                warning -> LambdaRuntime.getLogger().log(StructuredLog.line("WARN", warning, Map.of())));
        var api = new LanePostingApi(service, http.bodies(), new IdempotencyVault(http.mapper(), random, clock), lanes,
                http.mapper(), clock);
        // The network figures and reload outlook (ADR 41) read the analytics table; k from the environment.
        var network = new NetworkApi(new DynamoDbNetworkStore(dynamoDb, environment.required("ANALYTICS_TABLE_NAME")),
                new DynamoDbMatchRepository(dynamoDb, table), new Locator(Gazetteer.bundled()),
                KAnonymityPolicy.fromSetting(environment.optional("NETWORK_K_ANONYMITY").orElse(null)),
                http.mapper(), clock);
        // SnapStart: the request schemas compiled, the gazetteer loaded, a read of an id no lane has.
        this.function = new ApiFunction(LanePostingHandler.class, network.addTo(api.routes()),
                () -> http.schemas().preload("CapacityLanePosting", "LoadLanePosting"),
                Gazetteer::bundled,
                () -> lanes.findLane(Priming.ABSENT_ID));
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
