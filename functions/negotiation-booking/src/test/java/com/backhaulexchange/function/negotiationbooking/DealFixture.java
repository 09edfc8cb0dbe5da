package com.backhaulexchange.function.negotiationbooking;


import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.backhaulexchange.contract.OpenApiResponseValidator;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchEvaluation;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.adapter.sqs.NotificationMessages;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerProfile;
import com.backhaulexchange.partner.PartnerRole;
import com.backhaulexchange.adapter.dynamodb.DynamoDbComplianceStore;
import com.backhaulexchange.adapter.dynamodb.DynamoDbDealStore;
import com.backhaulexchange.compliance.CertificateId;
import com.backhaulexchange.adapter.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbMatchRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPartnerRepository;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.testing.ComplianceFixtures;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.S3ProxyServer;
import com.backhaulexchange.testing.ElasticMqServer;
import com.backhaulexchange.testing.MutableClock;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.testing.Postings;
import com.backhaulexchange.testing.RecordingContext;
import com.backhaulexchange.testing.Reply;
import com.backhaulexchange.testing.SampleEventFiles;
import com.backhaulexchange.testing.TemplateQueues;
import com.backhaulexchange.testing.TemplateTables;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The negotiation-and-booking function on fresh tables (PartnersTable, LanesTable, NegotiationsTable) in the
 * shared DynamoDB Local and a fresh notification queue in the shared ElasticMQ, with a clock the test moves.
 * Partners, lanes and a match are set up through the repositories the other functions use; every request
 * goes through the handler on an events/ sample, and every response through the OpenAPI response validator.
 */
final class DealFixture {
    static final Path EVENTS = Path.of("../../events/negotiation-booking");
    /** Friday 20 November 2026, 08:00 in Chicago: the sample lanes' pickup is the Monday after. */
    static final Instant START = Instant.parse("2026-11-20T14:00:00Z");

    final DynamoDbClient dynamoDb = DynamoDbLocalServer.shared().client();
    final SqsClient sqs = ElasticMqServer.shared().client();
    final String partnersTable = TemplateTables.createFresh(dynamoDb, "PartnersTable");
    final String lanesTable = TemplateTables.createFresh(dynamoDb, "LanesTable");
    final String negotiationsTable = TemplateTables.createFresh(dynamoDb, "NegotiationsTable");
    final String analyticsTable = TemplateTables.createFresh(dynamoDb, "AnalyticsTable");
    final String queueUrl = sqs.createQueue(request -> request.queueName("notifications-" + UUID.randomUUID()))
            .queueUrl();
    final String documentsBucket = "documents-" + UUID.randomUUID().toString().substring(0, 8);
    final MutableClock clock = new MutableClock(START);
    final RecordingContext context = new RecordingContext();
    final DynamoDbPartnerRepository partners = new DynamoDbPartnerRepository(dynamoDb, partnersTable);
    final DynamoDbLaneRepository lanes = new DynamoDbLaneRepository(dynamoDb, lanesTable);
    final DynamoDbMatchRepository matches = new DynamoDbMatchRepository(dynamoDb, lanesTable);
    final DynamoDbDealStore deals = new DynamoDbDealStore(dynamoDb, negotiationsTable, lanesTable);
    final DynamoDbComplianceStore compliance = new DynamoDbComplianceStore(dynamoDb, negotiationsTable);
    final Postings postings = new Postings(lanes, clock);
    final NegotiationBookingHandler handler;

    DealFixture() {
        S3ProxyServer.shared().createBucket(documentsBucket);
        this.handler = new NegotiationBookingHandler(new FunctionEnvironment(environment()), clock);
    }

    Map<String, String> environment() {
        Map<String, String> variables = new HashMap<>();
        variables.put("PARTNERS_TABLE_NAME", partnersTable);
        variables.put("LANES_TABLE_NAME", lanesTable);
        variables.put("NEGOTIATIONS_TABLE_NAME", negotiationsTable);
        variables.put("ANALYTICS_TABLE_NAME", analyticsTable);
        variables.put("NOTIFICATION_QUEUE_URL", queueUrl);
        variables.put("DOCUMENTS_BUCKET_NAME", documentsBucket);
        variables.put("AWS_ENDPOINT_URL_S3", S3ProxyServer.shared().endpoint().toString());
        return ElasticMqServer.shared().withEndpoint(DynamoDbLocalServer.shared().functionEnvironment(variables));
    }

    NegotiationHousekeepingHandler housekeeping() {
        return new NegotiationHousekeepingHandler(new FunctionEnvironment(environment()), clock);
    }

    /** The same function whose queue cannot be reached: SQS at a loopback port nothing listens on. */
    NegotiationBookingHandler handlerWithUnreachableQueue() {
        Map<String, String> environment = new HashMap<>(environment());
        environment.put("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9");
        return new NegotiationBookingHandler(new FunctionEnvironment(environment), clock);
    }

    // ---- partners as the authorizer presents them

    record Caller(Partner partner, String keyId) {
        String id() {
            return partner.id().value();
        }

        Map<String, String> values(String... namesAndValues) {
            Map<String, String> values = new HashMap<>();
            values.put("PARTNER_ID", partner.id().value());
            values.put("KEY_ID", keyId);
            values.put("ROLES", String.join(",", partner.profile().roles().stream().map(Enum::name).sorted().toList()));
            values.put("API_KEY", "bhx_" + partner.id().value() + "_" + keyId + "_" + "s".repeat(43));
            for (int i = 0; i < namesAndValues.length; i += 2) {
                values.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            return values;
        }
    }

    /** A carrier in good standing: its authority declared and a current certificate on file (ADR 37). */
    Caller carrier() {
        Caller carrier = carrierWithoutCompliance();
        fileCompliance(carrier);
        return carrier;
    }

    /** A carrier that filed nothing: the compliance gate refuses to book it (AUTHORITY_MISSING). */
    Caller carrierWithoutCompliance() {
        return register(PartnerExamples.registeredCarrier());
    }

    /** Files what the compliance gate asks of a carrier, straight into the store ({@link ComplianceFixtures}). */
    void fileCompliance(Caller carrier) {
        var id = carrier.partner().id();
        compliance.save(ComplianceFixtures.inGoodStanding(id,
                new CertificateId(PartnerExamples.newPartnerId().value()), START), true, null);
    }

    Caller shipper() {
        return register(PartnerExamples.registeredShipper());
    }

    Caller broker() {
        var shipper = PartnerExamples.registeredShipper();
        var profile = shipper.profile();
        var brokerProfile = new PartnerProfile("Lakeshore Freight Brokerage LLC", Set.of(PartnerRole.BROKER),
                profile.contact(), profile.homeBase(), null, Set.of(), null, "MC-771204");
        return register(Partner.registered(PartnerExamples.newPartnerId(), brokerProfile, shipper.createdAt()));
    }

    private Caller register(Partner partner) {
        return new Caller(PartnerExamples.registerIn(partners, partner), PartnerExamples.newKeyId().value());
    }

    // ---- lanes and their match

    record Deal(PostedLane.Capacity truck, PostedLane.Load load, Match match) {
        String matchId() {
            return match.id().value();
        }
    }

    /** A truck of {@code carrier} and a load of {@code shipper} that match (Dallas → St. Louis, home Chicago). */
    Deal matched(Caller carrier, Caller shipper) {
        var truck = postings.post(Postings.truck(carrier.partner().id()));
        var load = postings.post(Postings.load(shipper.partner().id()));
        return new Deal(truck, load, match(carrier, truck, load));
    }

    Match match(Caller carrier, PostedLane.Capacity truck, PostedLane.Load load) {
        var evaluation = new MatchEvaluator(MatchingConfig.DEFAULT).evaluate(truck.lane(),
                carrier.partner().profile().operatingCostPerMile(), load.lane());
        assertThat(evaluation).isInstanceOf(MatchEvaluation.Feasible.class);
        var match = Match.proposed(truck, load, (MatchEvaluation.Feasible) evaluation, clock.instant());
        assertThat(matches.save(match, clock.instant())).isTrue();
        return match;
    }

    // ---- requests

    Reply send(String sample, Caller caller, String... namesAndValues) {
        return send(handler, sample, caller, namesAndValues);
    }

    Reply send(NegotiationBookingHandler through, String sample, Caller caller, String... namesAndValues) {
        return send(through, event(sample, caller.values(namesAndValues)));
    }

    /** An event built by the test (say, with a header the sample lacks), through the handler and the contract. */
    Reply send(APIGatewayProxyRequestEvent event) {
        return send(handler, event);
    }

    Reply send(NegotiationBookingHandler through, APIGatewayProxyRequestEvent event) {
        var response = through.handleRequest(event, context);
        OpenApiResponseValidator.shared().assertConforms(event, response);
        return Reply.of(response);
    }

    static APIGatewayProxyRequestEvent event(String sample, Map<String, String> values) {
        return SampleEventFiles.load(EVENTS.resolve(sample), APIGatewayProxyRequestEvent.class, values);
    }

    /** The operator's key, as the authorizer presents it, on a sample that names it. */
    Reply sendAsOperator(String sample, String... namesAndValues) {
        Map<String, String> values = new HashMap<>();
        values.put("OPERATOR_KEY", "bhx_operator_" + "o".repeat(43));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return send(event(sample, values));
    }

    /** Opens a negotiation on the deal's match with an offer of {@code cents}, expiring in two hours. */
    Reply offer(Caller caller, Deal deal, long cents) {
        return send("open-negotiation.json", caller, "PATH_MATCH_ID", deal.matchId(), "AMOUNT", Long.toString(cents),
                "EXPIRES_AT", clock.instant().plusSeconds(7_200).toString());
    }

    Reply counter(Caller caller, String negotiationId, long cents) {
        return send("counter-offer.json", caller, "PATH_NEGOTIATION_ID", negotiationId, "AMOUNT", Long.toString(cents),
                "EXPIRES_AT", clock.instant().plusSeconds(7_200).toString());
    }

    Reply act(String verb, Caller caller, String negotiationId) {
        return send(verb + "-offer.json", caller, "PATH_NEGOTIATION_ID", negotiationId);
    }

    /** The notifications now on the queue (received and deleted), in no particular order. */
    List<Notification> notifications() {
        return TemplateQueues.take(sqs, queueUrl).stream()
                .map(message -> NotificationMessages.decode(message.body()).notification()).toList();
    }
}
