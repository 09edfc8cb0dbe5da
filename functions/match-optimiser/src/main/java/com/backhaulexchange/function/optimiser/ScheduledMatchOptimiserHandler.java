package com.backhaulexchange.function.optimiser;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.adapter.lambda.JsonEventCodec;
import com.backhaulexchange.adapter.lambda.Priming;
import com.backhaulexchange.adapter.lambda.StructuredLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lambda entry point of the hourly batch optimisation (EventBridge Scheduler): every scheduled region in turn.
 * Takes the scheduler's event as a plain map: it only says that it is time.
 */
public final class ScheduledMatchOptimiserHandler implements RequestStreamHandler {
    private static final JsonEventCodec<Map<String, Object>> EVENTS = JsonEventCodec.ofJsonObject();

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

    /** The Lambda entry: the event read and the answer written with the function's own Jackson (ADR 36). */
    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        EVENTS.answer(event, answer, context, this::handleRequest);
    }

    /** The typed entry: what the stream entry hands the event to, and what the handler tests call. */
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        var plans = optimisations.optimise(optimisations.scheduledRegions);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("regionsOptimised", optimisations.scheduledRegions.size());
        summary.put("regionsWithLanes", plans.size());
        summary.put("recommendedMatches", plans.stream().mapToInt(plan -> plan.recommended().size()).sum());
        summary.put("recommendedPackages", plans.stream().mapToInt(plan -> plan.recommendedPackages().size()).sum());
        context.getLogger().log(StructuredLog.line("INFO", "matching optimised", summary));
        return summary;
    }

    Priming priming() {
        return priming;
    }
}
