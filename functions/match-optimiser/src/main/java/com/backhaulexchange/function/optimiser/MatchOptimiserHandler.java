package com.backhaulexchange.function.optimiser;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.backhaulexchange.adapter.http.AccessGuards;
import com.backhaulexchange.adapter.http.ApiRequest;
import com.backhaulexchange.adapter.http.ApiResponse;
import com.backhaulexchange.adapter.http.ApiRouter;
import com.backhaulexchange.adapter.http.JsonBodyReader;
import com.backhaulexchange.adapter.http.OpenApiSchemas;
import com.backhaulexchange.adapter.json.Json;
import com.backhaulexchange.adapter.json.MatchJson;
import com.backhaulexchange.adapter.json.PartnerJson;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * Lambda entry point of {@code POST /operator/matching/optimise}: the operator runs the batch optimiser now,
 * over the regions named in the body or, without a body, over every scheduled region, and reads the plans.
 */
public final class MatchOptimiserHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>, Resource {

    private final Optimisations optimisations;
    private final OpenApiSchemas schemas;
    private final JsonBodyReader bodies;
    private final ObjectMapper mapper = Json.newMapper();
    private final ApiRouter router;

    public MatchOptimiserHandler() {
        this(System.getenv());
    }

    public MatchOptimiserHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables), Clock.systemUTC());
    }

    MatchOptimiserHandler(FunctionEnvironment environment, Clock clock) {
        this.optimisations = new Optimisations(environment, clock);
        this.schemas = OpenApiSchemas.loadFromClasspath();
        this.bodies = new JsonBodyReader(mapper, schemas);
        this.router = new ApiRouter(mapper).route("POST", "/operator/matching/optimise", this::optimise);
        Core.getGlobalContext().register(this);
    }

    /** The routes this function serves, for the template/OpenAPI consistency tests. */
    java.util.Set<String> routeKeys() {
        return router.routeKeys();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return router.handle(event, context.getLogger());
    }

    private ApiResponse optimise(ApiRequest request) {
        AccessGuards.requireOperator(request);
        List<MatchingRegion> regions = optimisations.scheduledRegions;
        if (request.hasBody()) {
            List<MatchingRegion> requested = new ArrayList<>();
            bodies.read(request, "OptimiseMatchingRequest").path("regions")
                    .forEach(region -> requested.add(MatchingRegion.parse(region.asText())));
            regions = requested.stream().distinct().toList();
        }
        var plans = optimisations.optimise(regions);
        var json = mapper.createObjectNode();
        json.put("regionsOptimised", regions.size());
        json.set("plans", PartnerJson.arrayOf(plans, MatchJson::planToJson));
        return ApiResponse.json(mapper, 200, json);
    }

    /** SnapStart priming: compile the request schema and read the plan of a region (reads only). */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        schemas.preload("OptimiseMatchingRequest");
        optimisations.lanes.findLane("00000000000000000000000000");
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh
    }
}
