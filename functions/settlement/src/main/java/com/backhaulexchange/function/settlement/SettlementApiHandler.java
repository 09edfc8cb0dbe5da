package com.backhaulexchange.function.settlement;

import com.backhaulexchange.adapter.dynamodb.DynamoDbCollaborationStore;
import com.backhaulexchange.settlement.collaboration.CollaborationStore;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.backhaulexchange.adapter.http.ApiRouter;
import com.backhaulexchange.adapter.http.JsonBodyReader;
import com.backhaulexchange.adapter.http.OpenApiSchemas;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.adapter.json.Json;
import com.backhaulexchange.adapter.sqs.SqsClients;
import com.backhaulexchange.adapter.dynamodb.DynamoDbClients;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.crac.Core;
import org.crac.Resource;

/**
 * Lambda entry point of the settlement API: {@code POST /allocations/preview} (an explicit cooperative game
 * shared by the requested rules, touching no table), the collaborations (CollaborationsTable), the operator's
 * period close and the members' statements. Built once per execution environment: the mapper, the OpenAPI
 * schemas, the DynamoDB client and the router; each invocation only routes the event.
 */
public final class SettlementApiHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>, Resource {

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

    private final ApiRouter router;
    private final SettlementApi api;
    private final OpenApiSchemas schemas;
    private final ObjectMapper mapper;
    private final CollaborationStore store;

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
        this.mapper = Json.newMapper();
        this.schemas = OpenApiSchemas.loadFromClasspath();
        var bodies = new JsonBodyReader(mapper, schemas);
        this.api = new SettlementApi(bodies, mapper);
        this.store = new DynamoDbCollaborationStore(DynamoDbClients.create(environment),
                environment.required("COLLABORATIONS_TABLE_NAME"), mapper);
        var ids = new Ulid(clock, new SecureRandom());
        var collaborations = new CollaborationService(store, clock, ids::next);
        var messages = new SettlementMessages(SqsClients.create(environment), environment.required("SETTLEMENT_QUEUE_URL"),
                mapper);
        this.router = new PeriodApi(store, collaborations, messages, mapper, clock).addTo(
                new CollaborationApi(collaborations, bodies, mapper, clock).addTo(api.routes()));
        Core.getGlobalContext().register(this);
    }

    /** The routes this function serves ("METHOD /path/{template}"), for the template/OpenAPI consistency tests. */
    Set<String> routeKeys() {
        return router.routeKeys();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return router.handle(event, context.getLogger());
    }

    /**
     * SnapStart priming: compile the request schemas, validate a small game against it and preview it by every
     * rule, so the allocation classes and ojAlgo's simplex are loaded and run once, and warm the DynamoDB client
     * with a read of an id nothing can have. Nothing is written or captured that differs between environments.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws JsonProcessingException {
        schemas.preload(SettlementApi.PREVIEW_SCHEMA);
        var body = mapper.readTree(PRIMING_BODY);
        var violations = schemas.violations(SettlementApi.PREVIEW_SCHEMA, body);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the priming game does not conform: " + violations);
        }
        api.preview(body);
        schemas.preload(CollaborationApi.CREATE_SCHEMA);
        store.find("00000000000000000000000000");
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: SecureRandom reseeds itself after restore; sampling is seeded by the request.
    }
}
