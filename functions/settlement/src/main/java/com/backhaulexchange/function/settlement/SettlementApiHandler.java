package com.backhaulexchange.function.settlement;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.backhaulexchange.adapter.dynamodb.DynamoDbClients;
import com.backhaulexchange.adapter.dynamodb.DynamoDbCollaborationStore;
import com.backhaulexchange.adapter.dynamodb.DynamoDbDealStore;
import com.backhaulexchange.adapter.http.ApiFunction;
import com.backhaulexchange.adapter.http.ApiTools;
import com.backhaulexchange.adapter.http.IdempotencyVault;
import com.backhaulexchange.adapter.http.IdempotentCreation;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.adapter.lambda.JsonEventCodec;
import com.backhaulexchange.adapter.lambda.Priming;
import com.backhaulexchange.adapter.sqs.SqsClients;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.settlement.collaboration.CollaborationStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Lambda entry point of the settlement API: {@code POST /allocations/preview} (an explicit cooperative game
 * shared by the requested rules, touching no table), the collaborations (CollaborationsTable), the operator's
 * period close, the members' statements and the collaboration's outcome figures (NegotiationsTable's outcome
 * ledger, read only). Built once per execution environment: the mapper, the OpenAPI
 * schemas, the DynamoDB client and the router; each invocation only routes the event.
 */
public final class SettlementApiHandler
        implements RequestStreamHandler {
    private static final JsonEventCodec<APIGatewayProxyRequestEvent> EVENTS = JsonEventCodec.of(APIGatewayProxyRequestEvent.class);

    /** The bankruptcy game of docs/reference/allocation-games.md (claims 100, 200, 300; estate 200), every rule: SnapStart priming. */
    static final String PRIMING_BODY = """
            {"players": ["A", "B", "C"], "kind": "VALUE",
             "coalitions": [
               {"members": ["A"], "value": 0}, {"members": ["B"], "value": 0}, {"members": ["C"], "value": 0},
               {"members": ["A", "B"], "value": 0}, {"members": ["A", "C"], "value": 0},
               {"members": ["B", "C"], "value": 100}, {"members": ["A", "B", "C"], "value": 200}],
             "rules": ["SHAPLEY", "SAMPLED_SHAPLEY", "NUCLEOLUS", "EQUAL_PROFIT", "PROPORTIONAL", "EQUAL_SPLIT",
                       "SHADOW_PRICES"],
             "sampling": {"permutations": 100, "seed": 1}}
            """;

    private final ApiFunction function;

    public SettlementApiHandler() {
        this(System.getenv());
    }

    public SettlementApiHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables));
    }

    private SettlementApiHandler(FunctionEnvironment environment) {
        this(environment, SettlementClock.of(environment));
    }

    SettlementApiHandler(FunctionEnvironment environment, Clock clock) {
        var http = ApiTools.load();
        var preview = new SettlementApi(http.bodies(), http.mapper());
        var dynamoDb = DynamoDbClients.create(environment);
        var store = new DynamoDbCollaborationStore(dynamoDb, environment.required("COLLABORATIONS_TABLE_NAME"));
        var ledger = DynamoDbDealStore.outcomeLedger(dynamoDb, environment.required("NEGOTIATIONS_TABLE_NAME"));
        var ids = new Ulid(clock, new SecureRandom());
        var collaborations = new CollaborationService(store, clock, ids::next);
        var messages = new SettlementMessages(SqsClients.create(environment), environment.required("SETTLEMENT_QUEUE_URL"),
                http.mapper());
        var routes = new CollaborationOutcomesApi(store, ledger, http.mapper()).addTo(
                new PeriodApi(store, collaborations, messages, http.mapper(), clock).addTo(
                new CollaborationApi(collaborations, http.bodies(), new IdempotentCreation(new IdempotencyVault(
                        http.mapper(), new SecureRandom(), clock), store::idempotencyRecord), http.mapper(), clock)
                        .addTo(preview.routes())));
        // SnapStart: the request schemas compiled; a small game validated and previewed by every rule, so the
        // allocation classes and ojAlgo's simplex are loaded and run once; a read of an id nothing has. Nothing
        // is written or kept that differs between environments: sampling is seeded by the request, and
        // SecureRandom reseeds itself after restore.
        this.function = new ApiFunction(SettlementApiHandler.class, routes,
                () -> http.schemas().preload(SettlementApi.PREVIEW_SCHEMA, CollaborationApi.CREATE_SCHEMA,
                        CollaborationApi.AGREEMENT_SCHEMA),
                () -> {
                    var body = http.mapper().readTree(PRIMING_BODY);
                    var violations = http.schemas().violations(SettlementApi.PREVIEW_SCHEMA, body);
                    if (!violations.isEmpty()) {
                        throw new IllegalStateException("the priming game does not conform: " + violations);
                    }
                    preview.preview(body);
                },
                () -> store.find(Priming.ABSENT_ID));
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
