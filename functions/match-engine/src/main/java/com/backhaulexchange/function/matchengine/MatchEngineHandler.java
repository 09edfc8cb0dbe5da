package com.backhaulexchange.function.matchengine;

import com.backhaulexchange.adapter.lambda.MatchingSettings;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.adapter.lambda.StructuredLog;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.lane.LanePostingPolicies;
import com.backhaulexchange.lane.CandidateKeys;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.adapter.sqs.MatchRequestMessages.MalformedMatchRequestException;
import com.backhaulexchange.adapter.sqs.MatchRequestMessages;
import com.backhaulexchange.adapter.sqs.SqsNotificationPublisher;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.adapter.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbMatchRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbTradingPartners;
import com.backhaulexchange.adapter.sqs.SqsClients;
import com.backhaulexchange.adapter.dynamodb.DynamoDbClients;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crac.Core;
import org.crac.Resource;

/**
 * Lambda entry point of the match engine, triggered by MatchRequestQueue with ReportBatchItemFailures
 * (ADR 11). Each message of a batch is matched on its own: a message that fails — malformed, or its lane
 * cannot be matched right now — is reported alone, so SQS retries only it and after maxReceiveCount moves
 * it to the dead-letter queue, while the rest of the batch is done and deleted.
 */
public final class MatchEngineHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Resource {
    static final int DEFAULT_MATCHES_PER_POSTING = 10;
    static final int DEFAULT_REJECTIONS_SHOWN = 5;

    private final MatchRunner runner;
    private final DynamoDbLaneRepository lanes;
    private final DynamoDbTradingPartners tradingPartners;

    public MatchEngineHandler() {
        this(System.getenv());
    }

    public MatchEngineHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables), Clock.systemUTC());
    }

    MatchEngineHandler(FunctionEnvironment environment, Clock clock) {
        var dynamoDb = DynamoDbClients.create(environment);
        String table = environment.required("LANES_TABLE_NAME");
        this.lanes = new DynamoDbLaneRepository(dynamoDb, table);
        this.tradingPartners = new DynamoDbTradingPartners(dynamoDb, environment.required("PARTNERS_TABLE_NAME"));
        var matching = MatchingSettings.matchingConfig(environment);
        var roads = matching.roadDistance();
        var settings = new MatchRunner.Settings(
                (int) environment.longValue("CAPACITY_SEARCH_RADIUS_ROAD_MILES", LanePostingPolicies.MAX_DEADHEAD_MILES),
                (int) environment.longValue("CANDIDATE_READ_BUDGET",
                        MatchRunner.Settings.DEFAULT_CANDIDATE_READ_BUDGET),
                (int) environment.longValue("MATCHES_PER_POSTING", DEFAULT_MATCHES_PER_POSTING),
                (int) environment.longValue("NEAREST_REJECTIONS_SHOWN", DEFAULT_REJECTIONS_SHOWN));
        this.runner = new MatchRunner(lanes, lanes, new DynamoDbMatchRepository(dynamoDb, table), lanes, tradingPartners,
                new MatchEvaluator(matching),
                new CandidateKeys(GeoCellScheme.DEFAULT, roads), settings,
                new MatchFoundNotifications(new SqsNotificationPublisher(SqsClients.create(environment),
                        environment.required("NOTIFICATION_QUEUE_URL")), new Ulid(clock, new SecureRandom()), clock,
                        warning -> LambdaRuntime.getLogger().log(StructuredLog.line("WARN", warning, Map.of()))),
                clock);
        Core.getGlobalContext().register(this);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage record : records) {
            long started = System.nanoTime();
            try {
                var request = MatchRequestMessages.decode(record.getBody());
                var outcome = runner.match(request.laneId());
                context.getLogger().log(StructuredLog.line("INFO", "match request done",
                        summary(record, outcome, started)));
            } catch (MalformedMatchRequestException e) {
                // It can never succeed; reported as failed it reaches the dead-letter queue for an operator.
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                context.getLogger().log(StructuredLog.line("ERROR", "malformed match request", Map.of(
                        "messageId", record.getMessageId(), "problem", e.getMessage())));
            } catch (RuntimeException e) {
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                context.getLogger().log(StructuredLog.line("ERROR", "match request failed", Map.of(
                        "messageId", record.getMessageId(), "exception", e.toString(),
                        "receiveCount", String.valueOf(record.getAttributes() == null ? null
                                : record.getAttributes().get("ApproximateReceiveCount")))));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private static Map<String, Object> summary(SQSEvent.SQSMessage record, MatchRunner.Outcome outcome,
            long startedNanos) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("messageId", record.getMessageId());
        fields.put("laneId", outcome.laneId());
        switch (outcome) {
            case MatchRunner.Outcome.Matched matched -> {
                var run = matched.run();
                fields.put("keysQueried", run.keysQueried());
                fields.put("candidatesRead", run.candidatesRead());
                fields.put("candidatesEvaluated", run.candidatesEvaluated());
                fields.put("feasible", run.feasibleCount());
                fields.put("matchesStored", run.matchesStored());
            }
            case MatchRunner.Outcome.Skipped skipped -> fields.put("skipped", skipped.reason());
        }
        fields.put("millis", (System.nanoTime() - startedNanos) / 1_000_000);
        return fields;
    }

    /**
     * SnapStart priming: warm the DynamoDB client on both tables with reads of ids nothing can have. Reads
     * only, nothing unique captured.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        lanes.findLane("00000000000000000000000000");
        tradingPartners.costsPerMile(Set.of(new PartnerId("00000000000000000000000000")));
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh
    }
}
