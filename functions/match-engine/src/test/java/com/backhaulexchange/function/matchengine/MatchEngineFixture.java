package com.backhaulexchange.function.matchengine;

import com.backhaulexchange.testing.Postings;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.adapter.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbMatchRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPackageRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPartnerRepository;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.ElasticMqServer;
import com.backhaulexchange.adapter.sqs.NotificationMessages;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.testing.MutableClock;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.testing.RecordingContext;
import com.backhaulexchange.testing.SampleEventFiles;
import com.backhaulexchange.testing.TemplateQueues;
import com.backhaulexchange.testing.TemplateTables;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The match engine on fresh LanesTable and PartnersTable in the shared DynamoDB Local, with a clock the test
 * moves; partners are registered and lanes posted through the same repositories the functions use.
 */
final class MatchEngineFixture {
    static final Path EVENTS = Path.of("../../events/match-engine");
    /** Friday 20 November 2026, 08:00 in Chicago: the postings start the Monday after. */
    static final Instant START = Instant.parse("2026-11-20T14:00:00Z");

    final DynamoDbClient dynamoDb = DynamoDbLocalServer.shared().client();
    final String lanesTable = TemplateTables.createFresh(dynamoDb, "LanesTable");
    final String analyticsTable = TemplateTables.createFresh(dynamoDb, "AnalyticsTable");
    final String partnersTable = TemplateTables.createFresh(dynamoDb, "PartnersTable");
    final MutableClock clock = new MutableClock(START);
    final RecordingContext context = new RecordingContext();
    final DynamoDbLaneRepository lanes = new DynamoDbLaneRepository(dynamoDb, lanesTable);
    final DynamoDbMatchRepository matches = new DynamoDbMatchRepository(dynamoDb, lanesTable);
    final DynamoDbPackageRepository packages = new DynamoDbPackageRepository(dynamoDb, lanesTable);
    final DynamoDbPartnerRepository partners = new DynamoDbPartnerRepository(dynamoDb, partnersTable);
    final Postings postings = new Postings(lanes, clock);
    final SqsClient sqs = ElasticMqServer.shared().client();
    final String notificationQueueUrl = sqs.createQueue(request -> request.queueName("notifications-"
            + UUID.randomUUID())).queueUrl();
    final MatchEngineHandler handler;

    MatchEngineFixture() {
        this(Map.of());
    }

    MatchEngineFixture(Map<String, String> extraVariables) {
        Map<String, String> variables = new HashMap<>(extraVariables);
        variables.put("LANES_TABLE_NAME", lanesTable);
        variables.put("PARTNERS_TABLE_NAME", partnersTable);
        variables.put("ANALYTICS_TABLE_NAME", analyticsTable);
        variables.put("ROAD_CIRCUITY_FACTOR", "1.2");
        variables.put("NOTIFICATION_QUEUE_URL", notificationQueueUrl);
        handler = new MatchEngineHandler(new FunctionEnvironment(ElasticMqServer.shared().withEndpoint(
                DynamoDbLocalServer.shared().functionEnvironment(variables))), clock);
    }

    /** A carrier with its profile's cost per mile (USD 2.15). */
    Partner carrier() {
        return PartnerExamples.registerIn(partners, PartnerExamples.registeredCarrier());
    }

    Partner shipper() {
        return PartnerExamples.registerIn(partners, PartnerExamples.registeredShipper());
    }

    SQSEvent event(String sample, Map<String, String> values) {
        return SampleEventFiles.load(EVENTS.resolve(sample), SQSEvent.class, values);
    }

    /** The match request of one posted lane, as MatchRequestQueue delivers it. */
    SQSEvent requestFor(PostedLane lane) {
        return event("match-request.json", Map.of("LANE_ID", lane.laneId(), "LANE_KIND", lane.kind().name(),
                "MESSAGE_ID", UUID.randomUUID().toString()));
    }

    SQSBatchResponse deliver(SQSEvent event) {
        return handler.handleRequest(event, context);
    }

    SQSBatchResponse match(PostedLane lane) {
        return deliver(requestFor(lane));
    }

    static List<String> failedMessageIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    /** How many match items the table holds (test tables are small: a Query on each would be noise). */
    long matchItems() {
        return items("MATCH");
    }

    /** How many items of an entity type the table holds (PACKAGE, PACKAGE_LINK, PACKAGE_POINTER, ...). */
    long items(String entityType) {
        return dynamoDb.scanPaginator(request -> request.tableName(lanesTable).consistentRead(true)
                        .filterExpression("entityType = :type")
                        .expressionAttributeValues(Map.of(":type", AttributeValue.fromS(entityType))))
                .items().stream().count();
    }

    /** The notifications now on the queue (received and deleted). */
    List<Notification> notifications() {
        return TemplateQueues.take(sqs, notificationQueueUrl).stream()
                .map(message -> NotificationMessages.decode(message.body()).notification()).toList();
    }
}
