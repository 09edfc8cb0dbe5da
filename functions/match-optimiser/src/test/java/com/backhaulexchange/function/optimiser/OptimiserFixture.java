package com.backhaulexchange.function.optimiser;

import com.backhaulexchange.adapter.dynamodb.DynamoDbTradingPartners;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.selection.SelectionSolver;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.backhaulexchange.contract.OpenApiResponseValidator;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.adapter.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbMatchRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPackageRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPartnerRepository;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.MutableClock;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.testing.Postings;
import com.backhaulexchange.testing.RecordingContext;
import com.backhaulexchange.testing.SampleEventFiles;
import com.backhaulexchange.testing.TemplateTables;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The optimiser's functions on fresh LanesTable and PartnersTable, with a clock the test moves. */
final class OptimiserFixture {
    static final Path EVENTS = Path.of("../../events/match-optimiser");
    static final Instant START = Instant.parse("2026-11-20T14:00:00Z");

    final DynamoDbClient dynamoDb = DynamoDbLocalServer.shared().client();
    final String lanesTable = TemplateTables.createFresh(dynamoDb, "LanesTable");
    final String partnersTable = TemplateTables.createFresh(dynamoDb, "PartnersTable");
    final String analyticsTable = TemplateTables.createFresh(dynamoDb, "AnalyticsTable");
    final MutableClock clock = new MutableClock(START);
    final RecordingContext context = new RecordingContext();
    final DynamoDbLaneRepository lanes = new DynamoDbLaneRepository(dynamoDb, lanesTable);
    final DynamoDbMatchRepository matches = new DynamoDbMatchRepository(dynamoDb, lanesTable);
    final DynamoDbPackageRepository packages = new DynamoDbPackageRepository(dynamoDb, lanesTable);
    final DynamoDbPartnerRepository partners = new DynamoDbPartnerRepository(dynamoDb, partnersTable);
    final Postings postings = new Postings(lanes, clock);

    FunctionEnvironment environment() {
        return new FunctionEnvironment(DynamoDbLocalServer.shared().functionEnvironment(Map.of(
                "LANES_TABLE_NAME", lanesTable, "PARTNERS_TABLE_NAME", partnersTable, "ANALYTICS_TABLE_NAME", analyticsTable,
                "ROAD_CIRCUITY_FACTOR", "1.2")));
    }

    MatchOptimiser optimiser() {
        return new MatchOptimiser(lanes, matches, packages, new DynamoDbTradingPartners(dynamoDb, partnersTable),
                MatchingConfig.DEFAULT, new SelectionSolver(), clock);
    }

    /** The optimiser as the functions build it: each stored plan adds its week's plan figures (ADR 48). */
    MatchOptimiser countingOptimiser() {
        return new MatchOptimiser(lanes, matches.countingPlansIn(analyticsTable), packages,
                new DynamoDbTradingPartners(dynamoDb, partnersTable), MatchingConfig.DEFAULT, new SelectionSolver(),
                clock);
    }

    MatchOptimiserHandler apiHandler() {
        return new MatchOptimiserHandler(environment(), clock);
    }

    ScheduledMatchOptimiserHandler scheduledHandler() {
        return new ScheduledMatchOptimiserHandler(environment(), clock);
    }

    Partner carrier() {
        return PartnerExamples.registerIn(partners, PartnerExamples.registeredCarrier());
    }

    Partner shipper() {
        return PartnerExamples.registerIn(partners, PartnerExamples.registeredShipper());
    }

    APIGatewayProxyRequestEvent event(String sample, Map<String, String> values) {
        return SampleEventFiles.load(EVENTS.resolve(sample), APIGatewayProxyRequestEvent.class, values);
    }

    APIGatewayProxyResponseEvent send(APIGatewayProxyRequestEvent event) {
        var response = apiHandler().handleRequest(event, context);
        OpenApiResponseValidator.shared().assertConforms(event, response);
        return response;
    }
}
