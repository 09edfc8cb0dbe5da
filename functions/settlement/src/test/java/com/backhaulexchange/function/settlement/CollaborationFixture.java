package com.backhaulexchange.function.settlement;



import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.backhaulexchange.contract.OpenApiResponseValidator;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.ElasticMqServer;
import com.backhaulexchange.testing.MutableClock;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.testing.RecordingContext;
import com.backhaulexchange.testing.Reply;
import com.backhaulexchange.testing.SampleEventFiles;
import com.backhaulexchange.testing.TemplateTables;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The settlement function on a fresh CollaborationsTable (and, for period close, NegotiationsTable and
 * LanesTable) in the shared DynamoDB Local and a fresh settlement queue in the shared ElasticMQ, with a clock
 * the test moves. Every request goes through the handler on an events/settlement sample, and every response
 * through the OpenAPI response validator.
 */
final class CollaborationFixture {
    /** Friday 20 November 2026, 14:00 UTC. */
    static final Instant START = Instant.parse("2026-11-20T14:00:00Z");

    final DynamoDbClient dynamoDb = DynamoDbLocalServer.shared().client();
    final SqsClient sqs = ElasticMqServer.shared().client();
    final String collaborationsTable = TemplateTables.createFresh(dynamoDb, "CollaborationsTable");
    /** The outcome ledgers the collaboration figures read (and, for period close, the members' bookings). */
    final String negotiationsTable = TemplateTables.createFresh(dynamoDb, "NegotiationsTable");
    final String settlementQueueUrl = sqs.createQueue(request -> request.queueName("settlement-" + UUID.randomUUID()))
            .queueUrl();
    final MutableClock clock;
    final RecordingContext context = new RecordingContext();
    final SettlementApiHandler handler;

    CollaborationFixture() {
        this(START);
    }

    CollaborationFixture(Instant start) {
        this.clock = new MutableClock(start);
        this.handler = new SettlementApiHandler(new FunctionEnvironment(environment()), clock);
    }

    Map<String, String> environment() {
        Map<String, String> variables = new HashMap<>();
        variables.put("COLLABORATIONS_TABLE_NAME", collaborationsTable);
        variables.put("SETTLEMENT_QUEUE_URL", settlementQueueUrl);
        variables.put("NEGOTIATIONS_TABLE_NAME", negotiationsTable);
        return ElasticMqServer.shared().withEndpoint(DynamoDbLocalServer.shared().functionEnvironment(variables));
    }

    record Caller(PartnerId id, String roles) {
        Map<String, String> values(String... namesAndValues) {
            Map<String, String> values = new HashMap<>();
            String keyId = PartnerExamples.newKeyId().value();
            values.put("PARTNER_ID", id.value());
            values.put("KEY_ID", keyId);
            values.put("ROLES", roles);
            values.put("API_KEY", "bhx_" + id.value() + "_" + keyId + "_" + "s".repeat(43));
            values.put("OPERATOR_KEY", "bhxop_" + "0".repeat(43));
            for (int i = 0; i < namesAndValues.length; i += 2) {
                values.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            return values;
        }
    }

    static Caller partner() {
        return new Caller(PartnerExamples.newPartnerId(), "CARRIER,SHIPPER");
    }

    static Caller broker() {
        return new Caller(PartnerExamples.newPartnerId(), "BROKER");
    }

    Reply send(String sample, Caller caller, String... namesAndValues) {
        var event = event(sample, caller.values(namesAndValues));
        return send(event);
    }

    Reply send(APIGatewayProxyRequestEvent event) {
        var response = handler.handleRequest(event, context);
        OpenApiResponseValidator.shared().assertConforms(event, response);
        return Reply.of(response);
    }

    static APIGatewayProxyRequestEvent event(String sample, Map<String, String> values) {
        return SampleEventFiles.load(SettlementFixture.EVENTS.resolve(sample), APIGatewayProxyRequestEvent.class,
                values);
    }

    /** Creates a collaboration of {@code organiser} (as a member) inviting the others, starting on {@code start}. */
    Reply create(Caller organiser, String role, String startDate, Caller first, Caller second) {
        return send("create-collaboration.json", organiser, "NAME", "Midwest backhaul pool", "ORGANISER_ROLE", role,
                "INVITEE_1", first.id().value(), "INVITEE_2", second.id().value(), "START_DATE", startDate);
    }

    Reply act(String sample, Caller caller, String collaborationId) {
        return send(sample, caller, "PATH_COLLABORATION_ID", collaborationId);
    }

    /** Items in the collaborations table (for "nothing was written" checks). */
    int itemCount() {
        return dynamoDb.scan(request -> request.tableName(collaborationsTable)).count();
    }
}
