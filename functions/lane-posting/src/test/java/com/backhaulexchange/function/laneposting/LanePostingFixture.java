package com.backhaulexchange.function.laneposting;

import com.backhaulexchange.testing.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.backhaulexchange.contract.OpenApiResponseValidator;
import com.backhaulexchange.adapter.sqs.MatchRequestMessages;
import com.backhaulexchange.adapter.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbDealStore;
import com.backhaulexchange.adapter.dynamodb.DynamoDbMatchRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPackageRepository;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.ElasticMqServer;
import com.backhaulexchange.testing.MutableClock;
import com.backhaulexchange.testing.RecordingContext;
import com.backhaulexchange.testing.TemplateQueues;
import com.backhaulexchange.testing.TemplateTables;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The lane-posting function on a fresh LanesTable in the shared DynamoDB Local and a fresh MatchRequestQueue
 * in the shared ElasticMQ, with a clock the test moves. Every response passes through the OpenAPI response
 * validator, so each handler test is also a contract test of the responses it provokes.
 */
final class LanePostingFixture {
    /** Friday 20 November 2026, 08:00 in Chicago: the sample postings start the Monday after. */
    static final Instant START = Instant.parse("2026-11-20T14:00:00Z");
    static final long RESEND_AFTER_SECONDS = 120;

    final DynamoDbClient dynamoDb = DynamoDbLocalServer.shared().client();
    final SqsClient sqs = ElasticMqServer.shared().client();
    final String tableName = TemplateTables.createFresh(dynamoDb, "LanesTable");
    final String negotiationsTable = TemplateTables.createFresh(dynamoDb, "NegotiationsTable");
    final String analyticsTable = TemplateTables.createFresh(dynamoDb, "AnalyticsTable");
    final String partnersTable = TemplateTables.createFresh(dynamoDb, "PartnersTable");
    final TemplateQueues.FreshQueue queue = TemplateQueues.createFresh(sqs, "MatchRequestQueue");
    final MutableClock clock = new MutableClock(START);
    final RecordingContext context = new RecordingContext();
    final DynamoDbLaneRepository lanes = new DynamoDbLaneRepository(dynamoDb, tableName);
    final DynamoDbMatchRepository matches = new DynamoDbMatchRepository(dynamoDb, tableName);
    final DynamoDbPackageRepository packages = new DynamoDbPackageRepository(dynamoDb, tableName);
    final DynamoDbDealStore delegations = new DynamoDbDealStore(dynamoDb, negotiationsTable, tableName);
    final LanePostingHandler handler;

    LanePostingFixture() {
        this.handler = new LanePostingHandler(new FunctionEnvironment(environment()), clock);
    }

    /** The function's environment, as the local stack gives it, on this fixture's table and queue. */
    Map<String, String> environment() {
        Map<String, String> variables = new HashMap<>();
        variables.put("LANES_TABLE_NAME", tableName);
        variables.put("NEGOTIATIONS_TABLE_NAME", negotiationsTable);
        variables.put("ANALYTICS_TABLE_NAME", analyticsTable);
        variables.put("PARTNERS_TABLE_NAME", partnersTable);
        variables.put("MATCH_REQUEST_QUEUE_URL", queue.url());
        variables.put("MATCH_REQUEST_RESEND_AFTER_SECONDS", Long.toString(RESEND_AFTER_SECONDS));
        variables.put("MATCH_REQUEST_MAX_RESENDS", "3");
        variables.put("ROAD_CIRCUITY_FACTOR", "1.2");
        return ElasticMqServer.shared().withEndpoint(DynamoDbLocalServer.shared().functionEnvironment(variables));
    }

    /** The same function whose queue cannot be reached: SQS at a loopback port nothing listens on. */
    LanePostingHandler handlerWithUnreachableQueue() {
        Map<String, String> environment = new HashMap<>(environment());
        environment.put("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9");
        return new LanePostingHandler(new FunctionEnvironment(environment), clock);
    }

    MatchRequestSweeperHandler sweeper() {
        return new MatchRequestSweeperHandler(new FunctionEnvironment(environment()), clock);
    }

    Reply send(String sample, Map<String, String> values) {
        return send(LaneSampleEvents.load(sample, values));
    }

    Reply send(APIGatewayProxyRequestEvent event) {
        return send(handler, event);
    }

    Reply send(LanePostingHandler through, APIGatewayProxyRequestEvent event) {
        var response = through.handleRequest(event, context);
        OpenApiResponseValidator.shared().assertConforms(event, response);
        return Reply.of(response);
    }

    /** Posts a sample as {@code caller} and expects it accepted; returns the lane id. */
    String post(String sample, Caller caller) {
        Reply reply = send(sample, caller.values());
        assertThat(reply.status()).as("posting %s: %s", sample, reply).isEqualTo(201);
        return reply.json().path("laneId").asText();
    }

    /** The lane ids of the match requests now on the queue (received, so they leave it for a while). */
    List<String> queuedMatchRequests() {
        return TemplateQueues.drain(sqs, queue.url()).stream()
                .map(message -> MatchRequestMessages.decode(message.body()).laneId()).toList();
    }

    /** Every item of the table. Tests may Scan (a small, fresh table) to prove what is and is not stored. */
    List<Map<String, AttributeValue>> allItems() {
        return dynamoDb.scanPaginator(request -> request.tableName(tableName).consistentRead(true)).items().stream()
                .toList();
    }
}
