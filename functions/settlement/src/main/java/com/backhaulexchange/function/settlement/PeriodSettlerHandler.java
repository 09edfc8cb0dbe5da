package com.backhaulexchange.function.settlement;

import com.backhaulexchange.adapter.dynamodb.DynamoDbCollaborationStore;
import com.backhaulexchange.settlement.collaboration.CollaborationStore;
import com.backhaulexchange.adapter.lambda.MatchingSettings;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.backhaulexchange.adapter.lambda.StructuredLog;
import com.backhaulexchange.adapter.json.Json;
import com.backhaulexchange.adapter.dynamodb.DynamoDbClients;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lambda entry point of the period settler, triggered by SettlementQueue with ReportBatchItemFailures: each
 * message (collaboration, period) is settled on its own (with any earlier unsettled period first); a message
 * that fails is reported alone, retried, and after maxReceiveCount moved to the dead-letter queue.
 * Reads NegotiationsTable and LanesTable, writes only CollaborationsTable.
 */
public final class PeriodSettlerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    /** The documented cost of a carrier's dry run to the shipper when none is configured: 250.00. */
    static final long DEFAULT_DRY_RUN_COST_MINOR_UNITS = 25_000;

    private final PeriodCloser closer;
    private final ObjectMapper mapper;

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
                environment.required("COLLABORATIONS_TABLE_NAME"), mapper);
        var sources = new SettlementSources(dynamoDb, environment.required("NEGOTIATIONS_TABLE_NAME"),
                environment.required("LANES_TABLE_NAME"));
        this.closer = new PeriodCloser(collaborations, sources, mapper,
                environment.longValue("DRY_RUN_COST_MINOR_UNITS", DEFAULT_DRY_RUN_COST_MINOR_UNITS),
                MatchingSettings.matchingConfig(environment), clock);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage record : records) {
            try {
                var due = SettlementMessages.decode(mapper, record.getBody());
                var closed = closer.close(due.collaborationId(), due.periodIndex());
                context.getLogger().log(StructuredLog.line("INFO", "period close done", Map.of(
                        "messageId", record.getMessageId(), "collaborationId", due.collaborationId(),
                        "periodIndex", due.periodIndex(), "periods", closed.periods())));
            } catch (RuntimeException e) {
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                context.getLogger().log(StructuredLog.line("ERROR", "period close failed", Map.of(
                        "messageId", record.getMessageId(), "exception", e.toString())));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
