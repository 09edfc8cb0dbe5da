package com.backhaulexchange.function.optimiser;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.backhaulexchange.adapter.lambda.StructuredLog;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * Lambda entry point of the hourly batch optimisation (EventBridge Scheduler): every scheduled region in turn.
 * Takes the scheduler's event as a plain map: it only says that it is time.
 */
public final class ScheduledMatchOptimiserHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>,
        Resource {

    private final Optimisations optimisations;

    public ScheduledMatchOptimiserHandler() {
        this(System.getenv());
    }

    public ScheduledMatchOptimiserHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables), Clock.systemUTC());
    }

    ScheduledMatchOptimiserHandler(FunctionEnvironment environment, Clock clock) {
        this.optimisations = new Optimisations(environment, clock);
        Core.getGlobalContext().register(this);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        var plans = optimisations.optimise(optimisations.scheduledRegions);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("regionsOptimised", optimisations.scheduledRegions.size());
        summary.put("regionsWithLanes", plans.size());
        summary.put("recommendedMatches", plans.stream().mapToInt(plan -> plan.recommended().size()).sum());
        context.getLogger().log(StructuredLog.line("INFO", "matching optimised", summary));
        return summary;
    }

    /** SnapStart priming: warm the DynamoDB client with a read (reads only). */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        optimisations.lanes.findLane("00000000000000000000000000");
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh
    }
}
