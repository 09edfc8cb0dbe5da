package com.backhaulexchange.function.laneposting;

import com.backhaulexchange.partner.access.Principal.PartnerPrincipal;
import com.backhaulexchange.gazetteer.LocationQuery;
import com.backhaulexchange.adapter.http.AccessGuards;
import com.backhaulexchange.adapter.http.IdempotentCreation;
import com.backhaulexchange.adapter.http.ApiRequest;
import com.backhaulexchange.adapter.http.ApiResponse;
import com.backhaulexchange.adapter.http.ApiRouter;
import com.backhaulexchange.adapter.http.JsonBodyReader;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.kernel.idempotency.IdempotencyKey;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.kernel.idempotency.IdempotencyStore;
import com.backhaulexchange.adapter.http.IdempotencyVault;
import com.backhaulexchange.adapter.json.RequestValues;
import com.backhaulexchange.adapter.json.LaneView;
import com.backhaulexchange.adapter.json.LaneMatchesView;
import com.backhaulexchange.adapter.json.MatchView;
import com.backhaulexchange.adapter.json.LanePackagesView;
import com.backhaulexchange.adapter.json.PackageView;
import com.backhaulexchange.adapter.json.PlaceView;
import com.backhaulexchange.matching.chain.ReloadPackageId;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.function.laneposting.LanePostingCommands.PostCapacity;
import com.backhaulexchange.function.laneposting.LanePostingCommands.PostLoad;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.FieldViolation;
import com.backhaulexchange.deal.negotiation.NegotiationRules;
import com.backhaulexchange.kernel.persistence.InvalidCursorException;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The lane routes: HTTP in, command to {@link LanePostingService}, HTTP out. */
final class LanePostingApi {
    private static final int DEFAULT_PAGE_SIZE = 25;
    private static final int MAX_PAGE_SIZE = 100;
    private static final int DEFAULT_MATCHES_PAGE_SIZE = 10;
    private static final int DEFAULT_PLACES = 10;
    private static final int MAX_PLACES = 50;
    private static final int MAX_PLACE_QUERY_LENGTH = 100;
    /** The public market estimates that stand in for the other side's private figures in a match view. */
    private static final NegotiationRules MARKET = NegotiationRules.DEFAULT;

    private final LanePostingService service;
    private final JsonBodyReader bodies;
    private final IdempotentCreation idempotentCreation;
    private final ObjectMapper mapper;
    private final Clock clock;

    LanePostingApi(LanePostingService service, JsonBodyReader bodies, IdempotencyVault vault,
            IdempotencyStore idempotencyRecords, ObjectMapper mapper, Clock clock) {
        this.service = service;
        this.bodies = bodies;
        this.idempotentCreation = new IdempotentCreation(vault, idempotencyRecords);
        this.mapper = mapper;
        this.clock = clock;
    }

    ApiRouter routes() {
        return new ApiRouter(mapper)
                .route("POST", "/lanes/capacity", request -> post(request, "CapacityLanePosting",
                        (caller, body, sealed) -> service.postCapacity(caller, capacityCommand(body), sealed)))
                .route("POST", "/lanes/loads", request -> post(request, "LoadLanePosting",
                        (caller, body, sealed) -> service.postLoad(caller, loadCommand(body), sealed)))
                .route("GET", "/lanes", this::list)
                .route("GET", "/lanes/{laneId}", this::get)
                .route("DELETE", "/lanes/{laneId}", this::withdraw)
                .route("GET", "/lanes/{laneId}/matches", this::matches)
                .route("GET", "/matches/{matchId}", this::match)
                .route("GET", "/lanes/{laneId}/packages", this::packages)
                .route("GET", "/packages/{packageId}", this::reloadPackage)
                .route("GET", "/places", this::places);
    }

    /** A posting of a validated body; {@code sealed} builds its idempotency record (null without a key). */
    @FunctionalInterface
    private interface Posting {
        PostedLane post(PartnerPrincipal caller, JsonNode body, Function<PostedLane, IdempotencyRecord> sealed);
    }

    /** Posting with Idempotency-Key, scoped to the route and the partner (see {@link IdempotentCreation}). */
    private ApiResponse post(ApiRequest request, String schema, Posting posting) {
        PartnerPrincipal caller = AccessGuards.requirePartner(request);
        Optional<IdempotencyKey> idempotencyKey = IdempotentCreation.keyOf(request);
        JsonNode body = bodies.read(request, schema);
        String scope = request.method() + " " + request.resource() + "\n" + caller.partnerId().value();
        return idempotentCreation.<PostedLane>create(idempotencyKey, scope, body,
                sealed -> posting.post(caller, body, sealed), this::created);
    }

    private ApiResponse created(PostedLane lane) {
        return ApiResponse.json(mapper, 201, LaneView.of(lane, lane.postedAt()),
                Map.of("Location", "/lanes/" + lane.laneId()));
    }

    private ApiResponse list(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        LaneStatus status = request.queryEnum("status", LaneStatus.class).orElse(null);
        int limit = request.pageLimit(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        try {
            var page = service.ownLanes(caller, status, limit, request.query("cursor").orElse(null));
            var now = clock.instant();
            return ApiResponse.json(mapper, 200,
                    new Lanes(page.items().stream().map(lane -> LaneView.of(lane, now)).toList(), page.nextCursor()));
        } catch (InvalidCursorException e) {
            throw ProblemException.invalidField("#/query/cursor", e.getMessage());
        }
    }

    private ApiResponse get(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        return ApiResponse.json(mapper, 200, LaneView.of(service.ownLane(caller, laneIdOf(request)),
                clock.instant()));
    }

    private ApiResponse withdraw(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        return ApiResponse.json(mapper, 200, LaneView.of(service.withdraw(caller, laneIdOf(request)),
                clock.instant()));
    }

    private ApiResponse matches(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        int limit = request.pageLimit(DEFAULT_MATCHES_PAGE_SIZE, MAX_PAGE_SIZE);
        LanePostingService.LaneMatches found;
        try {
            found = service.matchesOfOwnLane(caller, laneIdOf(request), limit, request.query("cursor").orElse(null));
        } catch (InvalidCursorException e) {
            throw ProblemException.invalidField("#/query/cursor", e.getMessage());
        }
        return ApiResponse.json(mapper, 200, matchesView(found, caller.partnerId(), clock.instant()));
    }

    /** The matches of the viewer's own lane, with the lane's latest run, each match as the viewer reads it. */
    static LaneMatchesView matchesView(LanePostingService.LaneMatches found, PartnerId viewer, Instant now) {
        return LaneMatchesView.of(found.lane(), found.run(), found.matches(), viewer, MARKET, now);
    }

    private ApiResponse match(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        String value = request.pathParameter("matchId");
        if (!MatchId.isValid(value)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such match.");
        }
        return ApiResponse.json(mapper, 200, MatchView.of(service.match(caller, new MatchId(value)),
                caller.partnerId(), MARKET, clock.instant()));
    }

    private ApiResponse packages(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        int limit = request.pageLimit(DEFAULT_MATCHES_PAGE_SIZE, MAX_PAGE_SIZE);
        String laneId = request.pathParameter("laneId");
        if (!Ulid.isValid(laneId)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such capacity lane.");
        }
        LanePostingService.LanePackages found;
        try {
            found = service.packagesOfCapacityLane(caller, laneId, limit, request.query("cursor").orElse(null));
        } catch (InvalidCursorException e) {
            throw ProblemException.invalidField("#/query/cursor", e.getMessage());
        }
        return ApiResponse.json(mapper, 200, packagesView(found, clock.instant()));
    }

    /** A capacity lane's packages as its carrier (or the carrier's broker) reads them. */
    static LanePackagesView packagesView(LanePostingService.LanePackages found, Instant now) {
        return LanePackagesView.of(found.lane(), found.run(), found.packages(), MARKET.marketRatePerLoadedMile(), now);
    }

    /**
     * The type-ahead of the console's place fields. The query is required and at most 100 characters; one
     * with no letter or digit finds nothing (200, no items), as a name no place has does.
     */
    private ApiResponse places(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        String query = request.query("query").orElse("");
        if (query.isBlank()) {
            throw ProblemException.invalidField("#/query/query", "is required: the start of a place's name");
        }
        if (query.length() > MAX_PLACE_QUERY_LENGTH) {
            throw ProblemException.invalidField("#/query/query",
                    "must be at most " + MAX_PLACE_QUERY_LENGTH + " characters");
        }
        int limit = request.pageLimit(DEFAULT_PLACES, MAX_PLACES);
        return ApiResponse.json(mapper, 200, new Places(
                service.searchPlaces(caller, query, limit).stream().map(PlaceView::of).toList()));
    }

    private ApiResponse reloadPackage(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        String value = request.pathParameter("packageId");
        if (!ReloadPackageId.isValid(value)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such package.");
        }
        return ApiResponse.json(mapper, 200, PackageView.of(service.reloadPackage(caller, new ReloadPackageId(value)),
                MARKET.marketRatePerLoadedMile(), clock.instant()));
    }

    // ------------------------------------------------------------------ request bodies to commands

    private static PostCapacity capacityCommand(JsonNode body) {
        List<FieldViolation> errors = new ArrayList<>();
        var command = new PostCapacity(location(body.path("emptyAt"), "/emptyAt", errors),
                location(body.path("mustEndAt"), "/mustEndAt", errors),
                time(body.path("availableFrom"), "/availableFrom", errors),
                time(body.path("mustArriveBy"), "/mustArriveBy", errors),
                body.path("equipment").asText(), integer(body.path("weightCapacityLbs"), "/weightCapacityLbs", errors),
                integer(body.path("palletCapacity"), "/palletCapacity", errors),
                integer(body.path("maxOriginDeadheadMiles"), "/maxOriginDeadheadMiles", errors),
                integer(body.path("maxDestinationDeadheadMiles"), "/maxDestinationDeadheadMiles", errors),
                body.has("maxReloadDeadheadMiles")
                        ? integer(body.path("maxReloadDeadheadMiles"), "/maxReloadDeadheadMiles", errors)
                        : CapacityLane.DEFAULT_MAX_RELOAD_DEADHEAD_MILES,
                money(body, "minimumRatePerLoadedMile", errors));
        RequestValues.rejectIfAny(errors);
        return command;
    }

    private static PostLoad loadCommand(JsonNode body) {
        List<FieldViolation> errors = new ArrayList<>();
        JsonNode pickup = body.path("pickupWindow");
        JsonNode delivery = body.path("deliveryWindow");
        var command = new PostLoad(location(body.path("origin"), "/origin", errors),
                location(body.path("destination"), "/destination", errors),
                time(pickup.path("opensAt"), "/pickupWindow/opensAt", errors),
                time(pickup.path("closesAt"), "/pickupWindow/closesAt", errors),
                time(delivery.path("opensAt"), "/deliveryWindow/opensAt", errors),
                time(delivery.path("closesAt"), "/deliveryWindow/closesAt", errors),
                integer(body.path("weightLbs"), "/weightLbs", errors), integer(body.path("pallets"), "/pallets", errors),
                body.path("equipment").asText(), body.path("commodity").asText(), money(body, "budget", errors));
        RequestValues.rejectIfAny(errors);
        return command;
    }

    /** A location the schema has checked: a name (with an optional state or country) or coordinates. */
    private static LocationQuery location(JsonNode json, String pointer, List<FieldViolation> errors) {
        if (json.has("name")) {
            return new LocationQuery.Named(json.path("name").asText(),
                    json.hasNonNull("stateOrCountry") ? json.get("stateOrCountry").asText() : null);
        }
        Double latitude = RequestValues.collect(errors, () -> RequestValues.decimal(json.path("latitudeDegrees"),
                pointer + "/latitudeDegrees", -90, 90));
        Double longitude = RequestValues.collect(errors, () -> RequestValues.decimal(json.path("longitudeDegrees"),
                pointer + "/longitudeDegrees", -180, 180));
        return latitude == null || longitude == null ? null : new LocationQuery.AtCoordinates(latitude, longitude,
                json.hasNonNull("label") ? json.get("label").asText() : null);
    }

    /** The schema checked the shape; the calendar and the zone name are checked by the one parser. */
    private static ZonedDateTime time(JsonNode json, String pointer, List<FieldViolation> errors) {
        return RequestValues.collect(errors, () -> RequestValues.zonedTimestamp(json, pointer));
    }

    private static Money money(JsonNode parent, String field, List<FieldViolation> errors) {
        JsonNode json = parent.get(field);
        if (json == null || json.isNull()) {
            return null;
        }
        return RequestValues.collect(errors, () -> RequestValues.money(json, "/" + field));
    }

    /**
     * An exact whole number in int's range (never coerced); the posting rules, like the schema, hold the real
     * limits (LanePostingPolicies) and answer with their reason codes.
     */
    private static int integer(JsonNode json, String pointer, List<FieldViolation> errors) {
        Integer value = RequestValues.collect(errors,
                () -> RequestValues.wholeInt(json, pointer, Integer.MIN_VALUE, Integer.MAX_VALUE));
        return value == null ? 0 : value;
    }

    // ------------------------------------------------------------------ helpers

    /** Not a lane id at all answers like an unknown one. */
    private static String laneIdOf(ApiRequest request) {
        String value = request.pathParameter("laneId");
        if (!Ulid.isValid(value)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such lane.");
        }
        return value;
    }

    /** The places found for a query, best first. */
    record Places(List<PlaceView> items) {
    }

    /** A page of the caller's lanes, with the cursor of the next page when there is one. */
    record Lanes(List<LaneView> items, String nextCursor) {
    }
}
