package com.backhaulexchange.function.optimiser;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.backhaulexchange.adapter.lambda.StructuredLog;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.adapter.lambda.Priming;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lambda entry point of the hourly batch optimisation (EventBridge Scheduler): every scheduled region in turn.
 * Takes the scheduler's event as a plain map: it only says that it is time.
 */
public final class ScheduledMatchOptimiserHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final Optimisations optimisations;
    private final Priming priming;

    public ScheduledMatchOptimiserHandler() {
        this(System.getenv());
    }

    public ScheduledMatchOptimiserHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables), Clock.systemUTC());
    }

    ScheduledMatchOptimiserHandler(FunctionEnvironment environment, Clock clock) {
        this.optimisations = new Optimisations(environment, clock);
        // SnapStart: a read of an id no lane has. Optimising is not run: it stores the plans' matches.
        this.priming = Priming.register(ScheduledMatchOptimiserHandler.class,
                () -> optimisations.lanes.findLane(Priming.ABSENT_ID));
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

    Priming priming() {
        return priming;
    }
}
