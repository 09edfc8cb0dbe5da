package com.backhaulexchange.function.laneposting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.backhaulexchange.adapter.dynamodb.DynamoDbClients;
import com.backhaulexchange.adapter.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.adapter.lambda.JsonEventCodec;
import com.backhaulexchange.adapter.lambda.Priming;
import com.backhaulexchange.adapter.lambda.StructuredLog;
import com.backhaulexchange.adapter.sqs.SqsClients;
import com.backhaulexchange.adapter.sqs.SqsMatchRequestSender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lambda entry point of the match-request sweeper, run every minute by a schedule: sends again the match
 * requests still pending in the outbox (ADR 10). Takes the scheduler's event as a plain map: it only says
 * that it is time.
 */
public final class MatchRequestSweeperHandler implements RequestStreamHandler {
    private static final JsonEventCodec<Map<String, Object>> EVENTS = JsonEventCodec.ofJsonObject();
    static final int DEFAULT_MAX_RESENDS = 5;

    private final MatchRequestSweeper sweeper;
    private final Priming priming;
    private Context invocation;

    public MatchRequestSweeperHandler() {
        this(System.getenv());
    }

    public MatchRequestSweeperHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables), Clock.systemUTC());
    }

    MatchRequestSweeperHandler(FunctionEnvironment environment, Clock clock) {
        var outbox = new DynamoDbLaneRepository(DynamoDbClients.create(environment),
                environment.required("LANES_TABLE_NAME"));
        this.sweeper = new MatchRequestSweeper(outbox,
                new SqsMatchRequestSender(SqsClients.create(environment), environment.required("MATCH_REQUEST_QUEUE_URL")),
                clock,
                Duration.ofSeconds(environment.longValue("MATCH_REQUEST_RESEND_AFTER_SECONDS",
                        LanePostingHandler.DEFAULT_RESEND_AFTER_SECONDS)),
                (int) environment.longValue("MATCH_REQUEST_MAX_RESENDS", DEFAULT_MAX_RESENDS),
                message -> invocation.getLogger().log(StructuredLog.line("ERROR", message, Map.of())));
        // SnapStart: the outbox's reads, of a lane no request is pending for and of what was due before 1970.
        this.priming = Priming.register(MatchRequestSweeperHandler.class,
                () -> outbox.pendingMatchRequest(Priming.ABSENT_ID),
                () -> outbox.dueForResend(Instant.EPOCH, 1));
    }

    /** The Lambda entry: the event read and the answer written with the function's own Jackson (ADR 36). */
    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        EVENTS.answer(event, answer, context, this::handleRequest);
    }

    /** The typed entry: what the stream entry hands the event to, and what the handler tests call. */
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        this.invocation = context;
        var outcome = sweeper.sweep();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("due", outcome.due());
        summary.put("resent", outcome.resent());
        summary.put("abandoned", outcome.abandoned());
        summary.put("notSent", outcome.notSent());
        context.getLogger().log(StructuredLog.line(outcome.notSent() > 0 ? "WARN" : "INFO", "outbox swept", summary));
        return summary;
    }

    Priming priming() {
        return priming;
    }
}
