package com.backhaulexchange.function.negotiationbooking;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.backhaulexchange.adapter.dynamodb.DynamoDbClients;
import com.backhaulexchange.adapter.dynamodb.DynamoDbDealStore;
import com.backhaulexchange.adapter.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbTrackingLinkStore;
import com.backhaulexchange.adapter.dynamodb.DynamoDbTrackingStore;
import com.backhaulexchange.adapter.http.ApiFunction;
import com.backhaulexchange.adapter.http.ApiTools;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.adapter.lambda.JsonEventCodec;
import com.backhaulexchange.adapter.lambda.MatchingSettings;
import com.backhaulexchange.adapter.lambda.Priming;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.tracking.TrackingLinkPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Lambda entry point of the public tracking view (ADR 33): a function of its own, outside the authorizer, whose role
 * may only read (GetItem) the bookings, tracking and links, and the load lanes. The same jar as negotiation-booking.
 */
public final class PublicTrackingHandler
        implements RequestStreamHandler {
    private static final JsonEventCodec<APIGatewayProxyRequestEvent> EVENTS =
            JsonEventCodec.of(APIGatewayProxyRequestEvent.class);

    private final ApiFunction function;

    public PublicTrackingHandler() {
        this(System.getenv());
    }

    public PublicTrackingHandler(Map<String, String> environmentVariables) {
        this(new FunctionEnvironment(environmentVariables), Clock.systemUTC());
    }

    PublicTrackingHandler(FunctionEnvironment environment, Clock clock) {
        var http = ApiTools.load();
        var dynamoDb = DynamoDbClients.create(environment);
        String lanesTable = environment.required("LANES_TABLE_NAME");
        String negotiationsTable = environment.required("NEGOTIATIONS_TABLE_NAME");
        var deals = new DynamoDbDealStore(dynamoDb, negotiationsTable, lanesTable);
        var links = new DynamoDbTrackingLinkStore(dynamoDb, negotiationsTable);
        var service = new TrackingLinkService(deals, new DynamoDbLaneRepository(dynamoDb, lanesTable),
                new DynamoDbTrackingStore(dynamoDb, negotiationsTable), links,
                new TrackingLinkPolicy(new SecureRandom()), MatchingSettings.matchingConfig(environment),
                new Ulid(clock, new SecureRandom()), clock);
        // SnapStart: a read of a token no link has.
        this.function = new ApiFunction(PublicTrackingHandler.class, new PublicTrackingApi(service, http.mapper())
                .routes(), () -> links.findByTokenSha256Hex("0".repeat(64)));
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
