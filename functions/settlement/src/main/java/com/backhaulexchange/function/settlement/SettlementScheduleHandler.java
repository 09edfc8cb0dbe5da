package com.backhaulexchange.function.settlement;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.backhaulexchange.adapter.dynamodb.DynamoDbClients;
import com.backhaulexchange.adapter.dynamodb.DynamoDbCollaborationStore;
import com.backhaulexchange.adapter.json.Json;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.adapter.lambda.JsonEventCodec;
import com.backhaulexchange.adapter.lambda.Priming;
import com.backhaulexchange.adapter.lambda.StructuredLog;
import com.backhaulexchange.adapter.sqs.SqsClients;
import com.backhaulexchange.settlement.collaboration.CollaborationStore;
import com.backhaulexchange.settlement.collaboration.SettlementPeriod;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scheduled entry point (every hour): the fan-out of period close. Finds the collaborations whose next
 * unsettled period has closed (gsi1 {@code CLOSING} up to now, no Scan) and sends one SettlementQueue message
 * per (collaboration, period) due. Writes nothing; a message sent twice is settled once in effect.
 */
public final class SettlementScheduleHandler implements RequestStreamHandler {
    private static final JsonEventCodec<Map<String, Object>> EVENTS = JsonEventCodec.ofJsonObject();
    private final CollaborationStore store;
    private final SettlementMessages messages;
    private final Clock clock;
    private final Priming priming;

    public SettlementScheduleHandler() {
        this(System.getenv());
    }

    public SettlementScheduleHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables));
    }

    private SettlementScheduleHandler(FunctionEnvironment environment) {
        this(environment, SettlementClock.of(environment));
    }

    SettlementScheduleHandler(FunctionEnvironment environment, Clock clock) {
        var mapper = Json.newMapper();
        this.store = new DynamoDbCollaborationStore(DynamoDbClients.create(environment),
                environment.required("COLLABORATIONS_TABLE_NAME"));
        this.messages = new SettlementMessages(SqsClients.create(environment), environment.required("SETTLEMENT_QUEUE_URL"),
                mapper);
        this.clock = clock;
        // SnapStart: the schedule's query over what closed before 1970, and a read of an id nothing has. Nothing
        // is sent.
        this.priming = Priming.register(SettlementScheduleHandler.class,
                () -> store.closedBefore(Instant.EPOCH),
                () -> store.find(Priming.ABSENT_ID));
    }

    /** The Lambda entry: the event read and the answer written with the function's own Jackson (ADR 36). */
    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        EVENTS.answer(event, answer, context, this::handleRequest);
    }

    /** The typed entry: what the stream entry hands the event to, and what the handler tests call. */
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        var now = clock.instant();
        List<SettlementMessages.PeriodDue> due = new ArrayList<>();
        for (var schedule : store.closedBefore(now)) {
            store.find(schedule.collaborationId()).ifPresent(found -> {
                for (SettlementPeriod period : found.collaboration().periodsDue(now, schedule.lastSettledPeriod())) {
                    due.add(new SettlementMessages.PeriodDue(schedule.collaborationId(), period.index()));
                }
            });
        }
        messages.send(due);
        Map<String, Object> summary = Map.of("periodsDue", due.size());
        context.getLogger().log(StructuredLog.line("INFO", "settlement fan-out done", summary));
        return summary;
    }

    Priming priming() {
        return priming;
    }
}
