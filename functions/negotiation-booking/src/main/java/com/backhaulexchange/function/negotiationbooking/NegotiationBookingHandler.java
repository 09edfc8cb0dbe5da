package com.backhaulexchange.function.negotiationbooking;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.backhaulexchange.adapter.dynamodb.DynamoDbClients;
import com.backhaulexchange.adapter.dynamodb.DynamoDbComplianceStore;
import com.backhaulexchange.adapter.dynamodb.DynamoDbDealStore;
import com.backhaulexchange.adapter.dynamodb.DynamoDbDetentionClaimStore;
import com.backhaulexchange.adapter.dynamodb.DynamoDbDocumentStore;
import com.backhaulexchange.adapter.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbMatchRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPackageRepository;
import com.backhaulexchange.deal.packagedeal.BookedPackageLeg;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPartnerRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbTrackingLinkStore;
import com.backhaulexchange.adapter.dynamodb.DynamoDbTrackingStore;
import com.backhaulexchange.adapter.http.ApiFunction;
import com.backhaulexchange.adapter.http.ApiTools;
import com.backhaulexchange.adapter.http.IdempotencyVault;
import com.backhaulexchange.adapter.http.IdempotentCreation;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.adapter.lambda.JsonEventCodec;
import com.backhaulexchange.adapter.lambda.MatchingSettings;
import com.backhaulexchange.adapter.lambda.Priming;
import com.backhaulexchange.adapter.lambda.StructuredLog;
import com.backhaulexchange.adapter.s3.S3Clients;
import com.backhaulexchange.adapter.sqs.SqsClients;
import com.backhaulexchange.adapter.sqs.SqsNotificationPublisher;
import com.backhaulexchange.deal.negotiation.NegotiationId;
import com.backhaulexchange.deal.negotiation.NegotiationRules;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.tracking.EtaModel;
import com.backhaulexchange.tracking.PositionTracker;
import com.backhaulexchange.tracking.TrackingLinkPolicy;
import com.backhaulexchange.tracking.TrackingRules;
import com.backhaulexchange.gazetteer.Gazetteer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Lambda entry point of negotiation and booking: negotiations on matches, delegations to brokers, lanes'
 * auto-accept prices, bookings and their rate confirmations. Built once per execution environment.
 */
public final class NegotiationBookingHandler
        implements RequestStreamHandler {
    private static final JsonEventCodec<APIGatewayProxyRequestEvent> EVENTS = JsonEventCodec.of(APIGatewayProxyRequestEvent.class);

    private final ApiFunction function;

    public NegotiationBookingHandler() {
        this(System.getenv());
    }

    public NegotiationBookingHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables), Clock.systemUTC());
    }

    NegotiationBookingHandler(FunctionEnvironment environment, Clock clock) {
        var http = ApiTools.load();
        var dynamoDb = DynamoDbClients.create(environment);
        String lanesTable = environment.required("LANES_TABLE_NAME");
        // Bookings and deliveries ADD to the network counters when the analytics table is configured (ADR 41).
        var deals = new DynamoDbDealStore(dynamoDb, environment.required("NEGOTIATIONS_TABLE_NAME"), lanesTable,
                environment.optional("ANALYTICS_TABLE_NAME").orElse(null));
        var lanes = new DynamoDbLaneRepository(dynamoDb, lanesTable);
        var matches = new DynamoDbMatchRepository(dynamoDb, lanesTable);
        var partners = new DynamoDbPartnerRepository(dynamoDb, environment.required("PARTNERS_TABLE_NAME"));
        var ids = new Ulid(clock, new SecureRandom());
        var notifier = new Notifier(new SqsNotificationPublisher(SqsClients.create(environment),
                environment.required("NOTIFICATION_QUEUE_URL")), deals,
                warning -> LambdaRuntime.getLogger().log(StructuredLog.line("WARN", warning, Map.of())));
        var rules = NegotiationRules.DEFAULT.withMaxRounds((int) environment.longValue("NEGOTIATION_MAX_ROUNDS",
                NegotiationRules.DEFAULT_MAX_ROUNDS));
        var packages = new DynamoDbPackageRepository(dynamoDb, lanesTable);
        var documentStorage = S3Clients.documentStorage(environment);
        var compliance = new ComplianceService(new DynamoDbComplianceStore(dynamoDb,
                environment.required("NEGOTIATIONS_TABLE_NAME")), deals, lanes, documentStorage, ids, clock);
        var packageDeals = new PackageDealService(deals, packages, deals, deals, lanes, matches, notifier, rules, ids,
                clock, compliance::requireBookable);
        var negotiations = new NegotiationService(deals, deals, deals, lanes, matches, notifier, rules, ids, clock,
                compliance::requireBookable, (laneId, by, now) -> {
                    packageDeals.failPackageDealsOn(laneId, by, now);
                    packages.retractAllOf(laneId, now);
                });
        // The gazetteer is read on the first delivery, not at a cold start that may never record one.
        var bookings = new BookingService(deals, lanes, matches, partners, notifier, ids, clock, Gazetteer::bundled,
                booking -> BookedPackageLeg.of(booking, deals, packages));
        var delegations = new DelegationService(deals, partners, clock);
        var idempotentCreation = new IdempotentCreation(new IdempotencyVault(http.mapper(), new SecureRandom(), clock),
                deals::idempotencyRecord);
        var outcomes = new OutcomeService(deals, deals, clock);
        var matchingConfig = MatchingSettings.matchingConfig(environment);
        var trackingStore = new DynamoDbTrackingStore(dynamoDb, environment.required("NEGOTIATIONS_TABLE_NAME"));
        var tracking = new TrackingService(deals, lanes, trackingStore,
                new PositionTracker(TrackingRules.DEFAULT, EtaModel.of(matchingConfig)), matchingConfig, notifier, ids,
                clock);
        var trackingLinks = new TrackingLinkService(deals, lanes, trackingStore,
                new DynamoDbTrackingLinkStore(dynamoDb, environment.required("NEGOTIATIONS_TABLE_NAME")),
                new TrackingLinkPolicy(new SecureRandom()), matchingConfig, ids, clock);
        var documents = new DocumentService(deals,
                new DynamoDbDocumentStore(dynamoDb, environment.required("NEGOTIATIONS_TABLE_NAME")),
                documentStorage, tracking, ids, clock);
        var detention = new DetentionService(tracking,
                new DynamoDbDetentionClaimStore(dynamoDb, environment.required("NEGOTIATIONS_TABLE_NAME")), notifier,
                ids, clock);
        var api = new NegotiationBookingApi(negotiations, packageDeals, bookings, delegations, outcomes, tracking,
                trackingLinks, documents, detention, http.bodies(), idempotentCreation,
                http.mapper(), clock);
        var complianceApi = new ComplianceApi(compliance, http.bodies(), idempotentCreation, http.mapper(), clock);
        // SnapStart: the request schemas compiled and a read of an id no negotiation has. SecureRandom reseeds
        // itself after restore.
        this.function = new ApiFunction(NegotiationBookingHandler.class, complianceApi.addTo(api.routes()),
                () -> http.schemas().preload("NegotiationOffer", "AutoAcceptPrice", "PickupRecord", "DeliveryRecord",
                        "BookingCancellation", "PositionReports", "PackageDealOpening", "TrackingLinkRequest",
                        "DocumentUploadRequest", "InsuranceCertificateDeclaration", "OperatingAuthorityDeclaration",
                        "CarrierRequirements", "AuthorityStatusChange", "DetentionDispute"),
                () -> deals.find(new NegotiationId(Priming.ABSENT_ID)));
    }

    /** The Lambda entry: the event read and the answer written with the function's own Jackson (ADR 36). */
    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        EVENTS.answer(event, answer, context, this::handleRequest);
    }

    /** The typed entry: what the stream entry hands the event to, and what the handler tests call. */
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return function.handle(event, context);
    }

    /** The routes this function serves ("METHOD /path/{template}"), for the template/OpenAPI consistency tests. */
    Set<String> routeKeys() {
        return function.routeKeys();
    }

    Priming priming() {
        return function.priming();
    }
}
