package com.backhaulexchange.function.matchengine;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.backhaulexchange.adapter.dynamodb.DynamoDbClients;
import com.backhaulexchange.adapter.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbMatchRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPackageRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbTradingPartners;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.adapter.lambda.JsonEventCodec;
import com.backhaulexchange.adapter.lambda.MatchingSettings;
import com.backhaulexchange.adapter.lambda.Priming;
import com.backhaulexchange.adapter.lambda.SqsBatch.Outcome;
import com.backhaulexchange.adapter.lambda.SqsBatch;
import com.backhaulexchange.adapter.lambda.StructuredLog;
import com.backhaulexchange.adapter.sqs.MatchRequestMessages.MalformedMatchRequestException;
import com.backhaulexchange.adapter.sqs.MatchRequestMessages;
import com.backhaulexchange.adapter.sqs.SqsClients;
import com.backhaulexchange.adapter.sqs.SqsNotificationPublisher;
import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.lane.CandidateKeys;
import com.backhaulexchange.lane.LanePostingPolicies;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.partner.PartnerId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Lambda entry point of the match engine, triggered by MatchRequestQueue with ReportBatchItemFailures
 * (ADR 11). Each message of a batch is matched on its own: a message that fails — malformed, or its lane
 * cannot be matched right now — is reported alone, so SQS retries only it and after maxReceiveCount moves
 * it to the dead-letter queue, while the rest of the batch is done and deleted.
 */
public final class MatchEngineHandler implements RequestStreamHandler {
    private static final JsonEventCodec<SQSEvent> EVENTS = JsonEventCodec.of(SQSEvent.class);
    static final int DEFAULT_MATCHES_PER_POSTING = 10;
    static final int DEFAULT_REJECTIONS_SHOWN = 5;
    /** A match request as the queue carries it, for a lane nothing has: SnapStart priming decodes it. */
    static final String PRIMING_MESSAGE = "{\"laneId\": \"" + Priming.ABSENT_ID
            + "\", \"laneKind\": \"LOAD\", \"postedAt\": \"2026-01-01T00:00:00Z\"}";

    private final MatchRunner runner;
    private final SqsBatch batch;
    private final Priming priming;

    public MatchEngineHandler() {
        this(System.getenv());
    }

    public MatchEngineHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables), Clock.systemUTC());
    }

    MatchEngineHandler(FunctionEnvironment environment, Clock clock) {
        var dynamoDb = DynamoDbClients.create(environment);
        String table = environment.required("LANES_TABLE_NAME");
        var lanes = new DynamoDbLaneRepository(dynamoDb, table);
        var tradingPartners = new DynamoDbTradingPartners(dynamoDb, environment.required("PARTNERS_TABLE_NAME"));
        var matching = MatchingSettings.matchingConfig(environment);
        var roads = matching.roadDistance();
        var settings = new MatchRunner.Settings(
                (int) environment.longValue("CAPACITY_SEARCH_RADIUS_ROAD_MILES", LanePostingPolicies.MAX_DEADHEAD_MILES),
                (int) environment.longValue("CANDIDATE_READ_BUDGET",
                        MatchRunner.Settings.DEFAULT_CANDIDATE_READ_BUDGET),
                (int) environment.longValue("MATCHES_PER_POSTING", DEFAULT_MATCHES_PER_POSTING),
                (int) environment.longValue("NEAREST_REJECTIONS_SHOWN", DEFAULT_REJECTIONS_SHOWN));
        var candidateKeys = new CandidateKeys(GeoCellScheme.DEFAULT, roads);
        var notifications = new SqsNotificationPublisher(SqsClients.create(environment),
                environment.required("NOTIFICATION_QUEUE_URL"));
        var ids = new Ulid(clock, new SecureRandom());
        Consumer<String> warnings = warning -> LambdaRuntime.getLogger().log(StructuredLog.line("WARN", warning,
                Map.of()));
        var packages = new PackageFinder(lanes, new DynamoDbPackageRepository(dynamoDb, table), tradingPartners,
                matching, candidateKeys, PackageFinder.Settings.DEFAULT,
                new PackageFoundNotifications(notifications, ids, clock, warnings));
        // A lane's first match ADDs to the network counters (ADR 41).
        var matches = new DynamoDbMatchRepository(dynamoDb, table, environment.required("ANALYTICS_TABLE_NAME"));
        this.runner = new MatchRunner(lanes, lanes, matches, lanes, tradingPartners,
                new MatchEvaluator(matching), candidateKeys, settings,
                new MatchFoundNotifications(notifications, ids, clock, warnings), packages, clock);
        this.batch = SqsBatch.oneByOne("match request failed", this::match);
        // SnapStart: a message decoded, and reads of ids nothing has on both tables. Matching itself is not run:
        // it completes the lane's outbox entry, a write.
        this.priming = Priming.register(MatchEngineHandler.class,
                () -> MatchRequestMessages.decode(PRIMING_MESSAGE),
                () -> lanes.findLane(Priming.ABSENT_ID),
                () -> tradingPartners.costsPerMile(Set.of(new PartnerId(Priming.ABSENT_ID))));
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

    private Outcome match(SqsBatch.Message message) {
        long started = System.nanoTime();
        MatchRequestMessages.MatchRequestMessage request;
        try {
            request = MatchRequestMessages.decode(message.body());
        } catch (MalformedMatchRequestException e) {
            // It can never succeed; reported as failed it reaches the dead-letter queue for an operator.
            return Outcome.failed("ERROR", "malformed match request", Map.of("problem", e.getMessage()));
        }
        return Outcome.done("match request done", summary(runner.match(request.laneId()), started));
    }

    private static Map<String, Object> summary(MatchRunner.Outcome outcome, long startedNanos) {
        Map<String, Object> fields = new LinkedHashMap<>();
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

    Priming priming() {
        return priming;
    }
}
