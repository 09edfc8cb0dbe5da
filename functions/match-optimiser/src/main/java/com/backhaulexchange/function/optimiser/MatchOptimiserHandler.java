package com.backhaulexchange.function.optimiser;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.backhaulexchange.adapter.http.AccessGuards;
import com.backhaulexchange.adapter.http.ApiFunction;
import com.backhaulexchange.adapter.http.ApiRequest;
import com.backhaulexchange.adapter.http.ApiResponse;
import com.backhaulexchange.adapter.http.ApiRouter;
import com.backhaulexchange.adapter.http.ApiTools;
import com.backhaulexchange.adapter.json.OptimisationView;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.adapter.lambda.JsonEventCodec;
import com.backhaulexchange.adapter.lambda.Priming;
import com.backhaulexchange.matching.MatchingRegion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lambda entry point of {@code POST /operator/matching/optimise}: the operator runs the batch optimiser now,
 * over the regions named in the body or, without a body, over every scheduled region, and reads the plans.
 */
public final class MatchOptimiserHandler
        implements RequestStreamHandler {
    private static final JsonEventCodec<APIGatewayProxyRequestEvent> EVENTS = JsonEventCodec.of(APIGatewayProxyRequestEvent.class);

    private final Optimisations optimisations;
    private final ApiTools http;
    private final ApiFunction function;

    public MatchOptimiserHandler() {
        this(System.getenv());
    }

    public MatchOptimiserHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables), Clock.systemUTC());
    }

    MatchOptimiserHandler(FunctionEnvironment environment, Clock clock) {
        this.optimisations = new Optimisations(environment, clock);
        this.http = ApiTools.load();
        // SnapStart: the request schema compiled and a read of an id no lane has (reads only).
        this.function = new ApiFunction(MatchOptimiserHandler.class,
                new ApiRouter(http.mapper()).route("POST", "/operator/matching/optimise", this::optimise),
                () -> http.schemas().preload("OptimiseMatchingRequest"),
                () -> optimisations.lanes.findLane(Priming.ABSENT_ID));
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

    private ApiResponse optimise(ApiRequest request) {
        AccessGuards.requireOperator(request);
        List<MatchingRegion> regions = optimisations.scheduledRegions;
        if (request.hasBody()) {
            List<MatchingRegion> requested = new ArrayList<>();
            http.bodies().read(request, "OptimiseMatchingRequest").path("regions")
                    .forEach(region -> requested.add(MatchingRegion.parse(region.asText())));
            regions = requested.stream().distinct().toList();
        }
        var plans = optimisations.optimise(regions);
        return ApiResponse.json(http.mapper(), 200, OptimisationView.of(regions.size(), plans));
    }

    /** The routes this function serves, for the template/OpenAPI consistency tests. */
    Set<String> routeKeys() {
        return function.routeKeys();
    }

    Priming priming() {
        return function.priming();
    }
}
