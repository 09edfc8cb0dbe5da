package com.backhaulexchange.function.settlement;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.backhaulexchange.adapter.dynamodb.DynamoDbClients;
import com.backhaulexchange.adapter.dynamodb.DynamoDbCollaborationStore;
import com.backhaulexchange.adapter.json.Json;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.adapter.lambda.JsonEventCodec;
import com.backhaulexchange.adapter.lambda.MatchingSettings;
import com.backhaulexchange.adapter.lambda.Priming;
import com.backhaulexchange.adapter.lambda.SqsBatch.Outcome;
import com.backhaulexchange.adapter.lambda.SqsBatch;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.settlement.collaboration.CollaborationStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;

/**
 * Lambda entry point of the period settler, triggered by SettlementQueue with ReportBatchItemFailures: each
 * message (collaboration, period) is settled on its own (with any earlier unsettled period first); a message
 * that fails is reported alone, retried, and after maxReceiveCount moved to the dead-letter queue.
 * Reads NegotiationsTable and LanesTable, writes only CollaborationsTable.
 */
public final class PeriodSettlerHandler implements RequestStreamHandler {
    private static final JsonEventCodec<SQSEvent> EVENTS = JsonEventCodec.of(SQSEvent.class);
    /** The documented cost of a carrier's dry run to the shipper when none is configured: 250.00. */
    static final long DEFAULT_DRY_RUN_COST_MINOR_UNITS = 25_000;
    /** A period of a collaboration nothing has, as SettlementQueue carries it: SnapStart priming settles it. */
    static final String PRIMING_MESSAGE = "{\"collaborationId\":\"" + Priming.ABSENT_ID + "\",\"periodIndex\":0}";

    private final PeriodCloser closer;
    private final ObjectMapper mapper;
    private final SqsBatch batch;
    private final Priming priming;

    public PeriodSettlerHandler() {
        this(System.getenv());
    }

    public PeriodSettlerHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables));
    }

    private PeriodSettlerHandler(FunctionEnvironment environment) {
        this(environment, SettlementClock.of(environment));
    }

    PeriodSettlerHandler(FunctionEnvironment environment, Clock clock) {
        this(environment, clock, null);
    }

    /** {@code store} replaces the table's store (tests simulate crashes with it); null: the real one. */
    PeriodSettlerHandler(FunctionEnvironment environment, Clock clock, CollaborationStore store) {
        this.mapper = Json.newMapper();
        var dynamoDb = DynamoDbClients.create(environment);
        var collaborations = store != null ? store : new DynamoDbCollaborationStore(dynamoDb,
                environment.required("COLLABORATIONS_TABLE_NAME"));
        var sources = new SettlementSources(dynamoDb, environment.required("NEGOTIATIONS_TABLE_NAME"),
                environment.required("LANES_TABLE_NAME"));
        this.closer = new PeriodCloser(collaborations, sources,
                environment.longValue("DRY_RUN_COST_MINOR_UNITS", DEFAULT_DRY_RUN_COST_MINOR_UNITS),
                MatchingSettings.matchingConfig(environment), clock);
        this.batch = SqsBatch.oneByOne("period close failed", this::close);
        // SnapStart: a message decoded and its collaboration, which nothing has, looked up (close writes only for a
        // collaboration it finds), and the reads of the other tables with ids nothing has.
        this.priming = Priming.register(PeriodSettlerHandler.class,
                () -> {
                    var due = SettlementMessages.decode(mapper, PRIMING_MESSAGE);
                    closer.close(due.collaborationId(), due.periodIndex());
                },
                () -> sources.bookingsOf(new PartnerId(Priming.ABSENT_ID)),
                () -> sources.match(new MatchId("0".repeat(32))));
    }

    /** The Lambda entry: the event read and the answer written with the function's own Jackson (ADR 36). */
    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        EVENTS.answer(event, answer, context, this::handleRequest);
    }

    /** The typed entry: what the stream entry hands the event to, and what the handler tests call. */
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, context);
    }

    private Outcome close(SqsBatch.Message message) {
        var due = SettlementMessages.decode(mapper, message.body());
        var closed = closer.close(due.collaborationId(), due.periodIndex());
        return Outcome.done("period close done", Map.of("collaborationId", due.collaborationId(),
                "periodIndex", due.periodIndex(), "periods", closed.periods()));
    }

    Priming priming() {
        return priming;
    }
}
