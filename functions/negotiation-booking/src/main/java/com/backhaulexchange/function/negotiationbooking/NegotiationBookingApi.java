package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.partner.access.Principal.PartnerPrincipal;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.adapter.http.AccessGuards;
import com.backhaulexchange.adapter.http.ApiRequest;
import com.backhaulexchange.adapter.http.ApiResponse;
import com.backhaulexchange.adapter.http.ApiRouter;
import com.backhaulexchange.adapter.http.IdempotentCreation;
import com.backhaulexchange.adapter.http.JsonBodyReader;
import com.backhaulexchange.kernel.idempotency.IdempotencyKey;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.FieldViolation;
import com.backhaulexchange.adapter.json.RequestValues;
import com.backhaulexchange.deal.negotiation.AccessorialTerms;
import com.backhaulexchange.deal.negotiation.NegotiationId;
import com.backhaulexchange.deal.negotiation.NegotiationStatus;
import com.backhaulexchange.deal.negotiation.OfferTerms;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.deal.packagedeal.MayActOnPackage;
import com.backhaulexchange.deal.packagedeal.PackageDealId;
import com.backhaulexchange.matching.chain.ReloadPackageId;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.kernel.persistence.InvalidCursorException;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.deal.outcome.OutcomeQuery;
import com.backhaulexchange.tracking.ReportedPosition;
import com.backhaulexchange.kernel.policy.InvalidInputException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The negotiation, delegation, auto-accept and booking routes: HTTP in, command to a service, HTTP out. */
final class NegotiationBookingApi {
    private static final int DEFAULT_PAGE_SIZE = 25;
    private static final int MAX_PAGE_SIZE = 100;
    /** The schema's DeliveryRecord.actualMiles maximum. */
    private static final double MAX_ACTUAL_MILES = 10_000;

    private final NegotiationService negotiations;
    private final PackageDealService packageDeals;
    private final BookingService bookings;
    private final DelegationService delegations;
    private final OutcomeService outcomes;
    private final TrackingService tracking;
    private final TrackingLinkService trackingLinks;
    private final DocumentService documents;
    private final DetentionService detention;
    private final JsonBodyReader bodies;
    private final IdempotentCreation idempotentCreation;
    private final DealViews views;
    private final ObjectMapper mapper;
    private final Clock clock;

    NegotiationBookingApi(NegotiationService negotiations, PackageDealService packageDeals, BookingService bookings,
            DelegationService delegations, OutcomeService outcomes, TrackingService tracking,
            TrackingLinkService trackingLinks, DocumentService documents, DetentionService detention,
            JsonBodyReader bodies,
            IdempotentCreation idempotentCreation, ObjectMapper mapper, Clock clock) {
        this.outcomes = outcomes;
        this.tracking = tracking;
        this.trackingLinks = trackingLinks;
        this.documents = documents;
        this.detention = detention;
        this.idempotentCreation = idempotentCreation;
        this.negotiations = negotiations;
        this.packageDeals = packageDeals;
        this.bookings = bookings;
        this.delegations = delegations;
        this.bodies = bodies;
        this.views = new DealViews();
        this.mapper = mapper;
        this.clock = clock;
    }

    ApiRouter routes() {
        return new ApiRouter(mapper)
                .route("POST", "/matches/{matchId}/negotiations", this::open)
                .route("GET", "/negotiations", this::listNegotiations)
                .route("GET", "/negotiations/{negotiationId}", this::readNegotiation)
                .route("GET", "/negotiations/{negotiationId}/history", this::history)
                .route("POST", "/negotiations/{negotiationId}/counter", this::counter)
                .route("POST", "/negotiations/{negotiationId}/accept", request -> answer(request,
                        (caller, id, side) -> negotiations.accept(caller, id, side)))
                .route("POST", "/negotiations/{negotiationId}/reject", request -> answer(request,
                        (caller, id, side) -> negotiations.reject(caller, id, side)))
                .route("POST", "/negotiations/{negotiationId}/withdraw", request -> answer(request,
                        (caller, id, side) -> negotiations.withdraw(caller, id, side)))
                .route("POST", "/packages/{packageId}/deals", this::openPackageDeal)
                .route("GET", "/package-deals", this::listPackageDeals)
                .route("GET", "/package-deals/{dealId}", request -> packageDealResponse(
                        packageDeals.read(AccessGuards.requirePartner(request), packageDealIdOf(request))))
                .route("POST", "/package-deals/{dealId}/legs/{legIndex}/counter", this::counterLeg)
                .route("POST", "/package-deals/{dealId}/legs/{legIndex}/accept", request -> packageDealResponse(
                        packageDeals.accept(AccessGuards.requirePartner(request), packageDealIdOf(request),
                                legIndexOf(request), request.queryEnum("side", Side.class).orElse(null))))
                .route("POST", "/package-deals/{dealId}/legs/{legIndex}/decline", request -> packageDealResponse(
                        packageDeals.decline(AccessGuards.requirePartner(request), packageDealIdOf(request),
                                legIndexOf(request))))
                .route("POST", "/package-deals/{dealId}/withdraw", request -> packageDealResponse(
                        packageDeals.withdraw(AccessGuards.requirePartner(request), packageDealIdOf(request))))
                .route("GET", "/partners/me/delegations", this::listDelegations)
                .route("PUT", "/partners/me/delegations/{brokerId}", this::grant)
                .route("DELETE", "/partners/me/delegations/{brokerId}", this::revoke)
                .route("GET", "/lanes/{laneId}/auto-accept-price", this::readAutoAccept)
                .route("PUT", "/lanes/{laneId}/auto-accept-price", this::setAutoAccept)
                .route("DELETE", "/lanes/{laneId}/auto-accept-price", this::clearAutoAccept)
                .route("GET", "/bookings", this::listBookings)
                .route("GET", "/bookings/{bookingId}", request -> bookingResponse(200,
                        () -> bookings.read(AccessGuards.requirePartner(request), bookingIdOf(request))))
                .route("GET", "/bookings/{bookingId}/rate-confirmation", this::rateConfirmation)
                .route("POST", "/bookings/{bookingId}/pickup", this::pickup)
                .route("POST", "/bookings/{bookingId}/delivery", this::delivery)
                .route("POST", "/bookings/{bookingId}/cancellation", this::cancellation)
                .route("POST", "/bookings/{bookingId}/positions", this::positions)
                .route("GET", "/bookings/{bookingId}/tracking", this::readTracking)
                .route("POST", "/bookings/{bookingId}/tracking-links", this::createTrackingLink)
                .route("GET", "/bookings/{bookingId}/tracking-links", this::listTrackingLinks)
                .route("DELETE", "/bookings/{bookingId}/tracking-links/{linkId}", this::revokeTrackingLink)
                .route("POST", "/bookings/{bookingId}/documents", this::requestDocumentUpload)
                .route("GET", "/bookings/{bookingId}/documents", this::listDocuments)
                .route("GET", "/bookings/{bookingId}/documents/{documentId}", this::downloadDocument)
                .route("POST", "/bookings/{bookingId}/documents/{documentId}/confirmation", this::confirmDocument)
                .route("GET", "/bookings/{bookingId}/detention", this::readDetention)
                .route("POST", "/bookings/{bookingId}/detention/{stop}/claim", this::claimDetention)
                .route("POST", "/bookings/{bookingId}/detention/{stop}/confirmation", request -> answerDetention(
                        request, com.backhaulexchange.tracking.DetentionClaimPolicy.Answer.CONFIRM))
                .route("POST", "/bookings/{bookingId}/detention/{stop}/dispute", request -> answerDetention(
                        request, com.backhaulexchange.tracking.DetentionClaimPolicy.Answer.DISPUTE))
                .route("GET", "/partners/me/outcomes", this::outcomes);
    }

    // ---- negotiations

    /**
     * Opens a negotiation. A match has at most one open negotiation, so a retried open never makes a second
     * one; with an Idempotency-Key (scoped to the partner and the match) the retry also gets the first answer
     * back instead of a 409.
     */
    private ApiResponse open(ApiRequest request) {
        PartnerPrincipal caller = AccessGuards.requirePartner(request);
        Optional<IdempotencyKey> idempotencyKey = IdempotentCreation.keyOf(request);
        JsonNode body = bodies.read(request, "NegotiationOffer");
        MatchId matchId = matchIdOf(request);
        String scope = request.method() + " " + request.resource() + "\n" + caller.partnerId().value() + "\n"
                + matchId.value();
        return idempotentCreation.<NegotiationService.Done>create(idempotencyKey, scope, body,
                sealed -> negotiations.open(caller, matchId, sideOf(body), offerTerms(body), sealed),
                done -> ApiResponse.json(mapper, 201, views.negotiation(done.view(), clock.instant()),
                        Map.of("Location", "/negotiations/" + done.view().negotiation().id().value())));
    }

    private ApiResponse counter(ApiRequest request) {
        PartnerPrincipal caller = AccessGuards.requirePartner(request);
        JsonNode body = bodies.read(request, "NegotiationOffer");
        var done = negotiations.counter(caller, negotiationIdOf(request), sideOf(body), offerTerms(body));
        return ApiResponse.json(mapper, 200, views.negotiation(done.view(), clock.instant()));
    }

    @FunctionalInterface
    private interface Answer {
        NegotiationService.Done apply(PartnerPrincipal caller, NegotiationId id, Side side);
    }

    private ApiResponse answer(ApiRequest request, Answer answer) {
        PartnerPrincipal caller = AccessGuards.requirePartner(request);
        Side side = request.queryEnum("side", Side.class).orElse(null);
        var done = answer.apply(caller, negotiationIdOf(request), side);
        return ApiResponse.json(mapper, 200, views.negotiation(done.view(), clock.instant()));
    }

    private ApiResponse readNegotiation(ApiRequest request) {
        var view = negotiations.read(AccessGuards.requirePartner(request), negotiationIdOf(request));
        return ApiResponse.json(mapper, 200, views.negotiation(view, clock.instant()));
    }

    private ApiResponse history(ApiRequest request) {
        var view = negotiations.read(AccessGuards.requirePartner(request), negotiationIdOf(request));
        return ApiResponse.json(mapper, 200, views.history(view.negotiation()));
    }

    private ApiResponse listNegotiations(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        var status = request.queryEnum("status", NegotiationStatus.class).orElse(null);
        PartnerId onBehalfOf = request.query("onBehalfOf").map(value -> partnerId(value, "#/query/onBehalfOf"))
                .orElse(null);
        int limit = request.pageLimit(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        try {
            var page = negotiations.list(caller, onBehalfOf, status, limit, request.query("cursor").orElse(null));
            PartnerId party = onBehalfOf != null ? onBehalfOf : caller.partnerId();
            return ApiResponse.json(mapper, 200, views.negotiationPage(page, party, clock.instant()));
        } catch (InvalidCursorException e) {
            throw ProblemException.invalidField("#/query/cursor", e.getMessage());
        }
    }

    // ---- package deals (ADR 32)

    /**
     * The carrier's side opens a deal on a package with one offer per load. A package has at most one open deal,
     * so a retry never opens a second; with an Idempotency-Key (scoped to the partner and the package) the retry
     * gets the first answer back instead of a 409.
     */
    private ApiResponse openPackageDeal(ApiRequest request) {
        PartnerPrincipal caller = AccessGuards.requirePartner(request);
        Optional<IdempotencyKey> idempotencyKey = IdempotentCreation.keyOf(request);
        JsonNode body = bodies.read(request, "PackageDealOpening");
        String packageId = request.pathParameter("packageId");
        if (packageId == null || !packageId.matches("[0-9a-f]{32}")) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such package.");
        }
        List<FieldViolation> errors = new ArrayList<>();
        List<OfferTerms> offers = new ArrayList<>();
        JsonNode list = body.get("offers");
        for (int index = 0; index < list.size(); index++) {
            int at = index;
            offers.add(RequestValues.collect(errors, () -> offerTerms(list.get(at), "/offers/" + at)));
        }
        RequestValues.rejectIfAny(errors);
        String scope = request.method() + " " + request.resource() + "\n" + caller.partnerId().value() + "\n"
                + packageId;
        return idempotentCreation.<PackageDealService.Seen>create(idempotencyKey, scope, body,
                sealed -> packageDeals.open(caller, new ReloadPackageId(packageId), offers, sealed),
                seen -> ApiResponse.json(mapper, 201, PackageDealViews.of(seen, clock.instant()),
                        Map.of("Location", "/package-deals/" + seen.deal().id().value())));
    }

    /** The caller's package deals, newest first, each as its side sees it (issue 13: the console's inbox). */
    private ApiResponse listPackageDeals(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        int limit = request.pageLimit(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        try {
            var page = packageDeals.list(caller, limit, request.query("cursor").orElse(null));
            Instant now = clock.instant();
            return ApiResponse.json(mapper, 200, new PackageDealViews.PackageDealPageView(
                    page.items().stream().map(seen -> PackageDealViews.of(seen, now)).toList(), page.nextCursor()));
        } catch (InvalidCursorException e) {
            throw ProblemException.invalidField("#/query/cursor", e.getMessage());
        }
    }

    private ApiResponse counterLeg(ApiRequest request) {
        PartnerPrincipal caller = AccessGuards.requirePartner(request);
        JsonNode body = bodies.read(request, "NegotiationOffer");
        return packageDealResponse(packageDeals.counter(caller, packageDealIdOf(request), legIndexOf(request),
                sideOf(body), offerTerms(body)));
    }

    private ApiResponse packageDealResponse(PackageDealService.Seen seen) {
        return ApiResponse.json(mapper, 200, PackageDealViews.of(seen, clock.instant()));
    }

    private static PackageDealId packageDealIdOf(ApiRequest request) {
        String value = request.pathParameter("dealId");
        if (!Ulid.isValid(value)) {
            throw new ProblemException(ProblemType.NOT_FOUND, MayActOnPackage.NO_SUCH_PACKAGE_DEAL);
        }
        return new PackageDealId(value);
    }

    /** A leg that cannot exist reads as an unknown deal, as one the caller may not see does. */
    private static int legIndexOf(ApiRequest request) {
        String value = request.pathParameter("legIndex");
        if (value == null || !value.matches("[0-2]")) {
            throw new ProblemException(ProblemType.NOT_FOUND, MayActOnPackage.NO_SUCH_PACKAGE_DEAL);
        }
        return Integer.parseInt(value);
    }

    // ---- outcomes

    /**
     * The caller's outcomes, or with {@code partnerId} a principal's through a delegation in force: JSON, or CSV
     * with {@code Accept: text/csv} or {@code format=csv}. Reads one ledger item per day of the range.
     */
    private ApiResponse outcomes(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        Optional<PartnerId> of = request.query("partnerId").map(value -> partnerId(value, "#/query/partnerId"));
        LocalDate from = dateOf(request, "from");
        LocalDate to = dateOf(request, "to");
        var granularity = request.queryEnum("granularity", OutcomeQuery.Granularity.class)
                .orElse(OutcomeQuery.Granularity.DAY);
        OutcomeQuery query;
        try {
            query = new OutcomeQuery(from, to, granularity);
        } catch (InvalidInputException e) {
            var violation = e.violations().getFirst();
            throw ProblemException.invalidField("#/query" + violation.field(), violation.detail());
        }
        var report = outcomes.report(caller, of, query);
        if (wantsCsv(request)) {
            return new ApiResponse(200, Map.of("Content-Type", "text/csv; charset=utf-8", "Content-Disposition",
                    "attachment; filename=\"outcomes-" + report.partner().value() + "-" + from + "-" + to + ".csv\""),
                    OutcomeViews.csv(report));
        }
        return ApiResponse.json(mapper, 200, OutcomeViews.of(report));
    }

    private static LocalDate dateOf(ApiRequest request, String name) {
        String value = request.query(name).orElseThrow(() -> ProblemException.invalidField("#/query/" + name,
                "required: a date YYYY-MM-DD (UTC)"));
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("#/query/" + name, "must be a date YYYY-MM-DD, was " + value);
        }
    }

    private static boolean wantsCsv(ApiRequest request) {
        if (request.query("format").map(format -> format.equalsIgnoreCase("csv")).orElse(false)) {
            return true;
        }
        return request.header("Accept").map(accept -> accept.toLowerCase(Locale.ROOT).contains("text/csv"))
                .orElse(false);
    }

    // ---- delegations

    private ApiResponse listDelegations(ApiRequest request) {
        var found = delegations.list(AccessGuards.requirePartner(request));
        return ApiResponse.json(mapper, 200, views.delegations(found.granted(), found.held(), clock.instant()));
    }

    private ApiResponse grant(ApiRequest request) {
        var delegation = delegations.grant(AccessGuards.requirePartner(request),
                partnerId(request.pathParameter("brokerId"), "#/path/brokerId"));
        return ApiResponse.json(mapper, 200, views.delegation(delegation, clock.instant()));
    }

    private ApiResponse revoke(ApiRequest request) {
        var delegation = delegations.revoke(AccessGuards.requirePartner(request),
                partnerId(request.pathParameter("brokerId"), "#/path/brokerId"));
        return ApiResponse.json(mapper, 200, views.delegation(delegation, clock.instant()));
    }

    // ---- auto-accept prices

    private ApiResponse readAutoAccept(ApiRequest request) {
        String laneId = laneIdOf(request);
        var price = negotiations.autoAcceptPrice(AccessGuards.requirePartner(request), laneId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "This lane has no auto-accept price."));
        return ApiResponse.json(mapper, 200, views.autoAcceptPrice(laneId, price));
    }

    private ApiResponse setAutoAccept(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        JsonNode body = bodies.read(request, "AutoAcceptPrice");
        String laneId = laneIdOf(request);
        Money price = negotiations.setAutoAcceptPrice(caller, laneId, RequestValues.money(body.get("amount"), "/amount"));
        return ApiResponse.json(mapper, 200, views.autoAcceptPrice(laneId, price));
    }

    private ApiResponse clearAutoAccept(ApiRequest request) {
        negotiations.clearAutoAcceptPrice(AccessGuards.requirePartner(request), laneIdOf(request));
        return ApiResponse.noContent();
    }

    // ---- bookings

    /** The caller's bookings or, with {@code onBehalfOf}, a principal's for a broker it delegated to (ADR 40). */
    private ApiResponse listBookings(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        var status = request.queryEnum("status", BookingStatus.class).orElse(null);
        PartnerId onBehalfOf = request.query("onBehalfOf").map(value -> partnerId(value, "#/query/onBehalfOf"))
                .orElse(null);
        int limit = request.pageLimit(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        PartnerId party = negotiations.partyListedFor(caller, onBehalfOf);
        try {
            var page = bookings.list(party, status, limit, request.query("cursor").orElse(null));
            return ApiResponse.json(mapper, 200, views.bookingPage(page));
        } catch (InvalidCursorException e) {
            throw ProblemException.invalidField("#/query/cursor", e.getMessage());
        }
    }

    private ApiResponse rateConfirmation(ApiRequest request) {
        var confirmation = bookings.rateConfirmation(AccessGuards.requirePartner(request), bookingIdOf(request));
        return ApiResponse.json(mapper, 200, views.rateConfirmation(confirmation));
    }

    private ApiResponse pickup(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        JsonNode body = bodies.read(request, "PickupRecord");
        Instant actualTime = RequestValues.instant(body.get("actualTime"), "/actualTime");
        return bookingResponse(200, () -> bookings.recordPickup(caller, bookingIdOf(request), actualTime));
    }

    private ApiResponse delivery(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        JsonNode body = bodies.read(request, "DeliveryRecord");
        Double miles = body.hasNonNull("actualMiles")
                ? RequestValues.decimal(body.get("actualMiles"), "/actualMiles", 0, MAX_ACTUAL_MILES)
                : null;
        Instant actualTime = RequestValues.instant(body.get("actualTime"), "/actualTime");
        return bookingResponse(200, () -> bookings.recordDelivery(caller, bookingIdOf(request), actualTime, miles));
    }

    private ApiResponse cancellation(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        JsonNode body = bodies.read(request, "BookingCancellation");
        return bookingResponse(200, () -> bookings.cancel(caller, bookingIdOf(request), body.get("reason").asText()));
    }

    /** Position reports of the truck (ADR 30): the carrier only; idempotent, so no Idempotency-Key. */
    private ApiResponse positions(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        JsonNode body = bodies.read(request, "PositionReports");
        List<ReportedPosition> positions = new ArrayList<>();
        JsonNode list = body.get("positions");
        for (int index = 0; index < list.size(); index++) {
            JsonNode position = list.get(index);
            String at = "/positions/" + index;
            positions.add(new ReportedPosition(RequestValues.instant(position.get("reportedAt"), at + "/reportedAt"),
                    position.get("latitudeDegrees").asDouble(), position.get("longitudeDegrees").asDouble(),
                    position.hasNonNull("speedMph") ? position.get("speedMph").asDouble() : null,
                    position.hasNonNull("odometerMiles") ? position.get("odometerMiles").asDouble() : null));
        }
        var done = tracking.report(caller, bookingIdOf(request), positions);
        return ApiResponse.json(mapper, 200, TrackingViews.of(done));
    }

    private ApiResponse readTracking(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        int limit = request.pageLimit(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        try {
            var read = tracking.read(caller, bookingIdOf(request), limit, request.query("cursor").orElse(null));
            return ApiResponse.json(mapper, 200, TrackingViews.of(read));
        } catch (InvalidCursorException e) {
            throw ProblemException.invalidField("#/query/cursor", e.getMessage());
        }
    }

    // ---- tracking links (ADR 33)

    /**
     * With an Idempotency-Key (scoped to the partner and the booking) a retry gets the same link and token back,
     * sealed in the idempotency record as a registration's API key is (ADR 3).
     */
    private ApiResponse createTrackingLink(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        Optional<IdempotencyKey> idempotencyKey = IdempotentCreation.keyOf(request);
        JsonNode body = bodies.read(request, "TrackingLinkRequest");
        Instant expiresAt = RequestValues.instant(body.get("expiresAt"), "/expiresAt");
        BookingId bookingId = bookingIdOf(request);
        String scope = request.method() + " " + request.resource() + "\n" + caller.partnerId().value() + "\n"
                + bookingId.value();
        return idempotentCreation.<com.backhaulexchange.tracking.TrackingLinkPolicy.Creation.Created>create(
                idempotencyKey, scope, body, sealed -> trackingLinks.create(caller, bookingId, expiresAt, sealed),
                created -> ApiResponse.json(mapper, 201, TrackingLinkViews.created(created, clock.instant()), Map.of(
                        "Location", "/bookings/" + bookingId.value() + "/tracking-links/"
                                + created.link().id().value(),
                        "Cache-Control", "no-store")));
    }

    private ApiResponse listTrackingLinks(ApiRequest request) {
        var links = trackingLinks.list(AccessGuards.requirePartner(request), bookingIdOf(request));
        return ApiResponse.json(mapper, 200, TrackingLinkViews.list(links, clock.instant()));
    }

    private ApiResponse revokeTrackingLink(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        BookingId bookingId = bookingIdOf(request);
        String linkId = request.pathParameter("linkId");
        if (!Ulid.isValid(linkId)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such tracking link.");
        }
        trackingLinks.revoke(caller, bookingId, new com.backhaulexchange.tracking.TrackingLinkId(linkId));
        return ApiResponse.noContent();
    }

    // ---- documents (ADR 33)

    /** With an Idempotency-Key a retry gets the same document and upload URL back. */
    private ApiResponse requestDocumentUpload(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        Optional<IdempotencyKey> idempotencyKey = IdempotentCreation.keyOf(request);
        JsonNode body = bodies.read(request, "DocumentUploadRequest");
        var upload = new com.backhaulexchange.deal.document.DocumentPolicy.UploadRequest(
                com.backhaulexchange.deal.document.DocumentKind.valueOf(body.get("kind").asText()),
                body.get("contentType").asText(), body.get("sizeBytes").asLong());
        BookingId bookingId = bookingIdOf(request);
        String scope = request.method() + " " + request.resource() + "\n" + caller.partnerId().value() + "\n"
                + bookingId.value();
        return idempotentCreation.<DocumentService.Granted>create(idempotencyKey, scope, body,
                sealed -> documents.requestUpload(caller, bookingId, upload, sealed),
                granted -> ApiResponse.json(mapper, 201, DocumentViews.granted(granted), Map.of(
                        "Location", "/bookings/" + bookingId.value() + "/documents/" + granted.document().id().value(),
                        "Cache-Control", "no-store")));
    }

    private ApiResponse listDocuments(ApiRequest request) {
        var list = documents.list(AccessGuards.requirePartner(request), bookingIdOf(request));
        return ApiResponse.json(mapper, 200, DocumentViews.list(list));
    }

    private ApiResponse downloadDocument(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        BookingId bookingId = bookingIdOf(request);
        String documentId = request.pathParameter("documentId");
        if (!Ulid.isValid(documentId)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such document.");
        }
        var download = documents.download(caller, bookingId,
                new com.backhaulexchange.deal.document.DocumentId(documentId));
        return ApiResponse.json(mapper, 200, DocumentViews.download(download), Map.of("Cache-Control", "no-store"));
    }

    /** The carrier's upload finished (ADR 38): verified by HEAD; idempotent, so no Idempotency-Key. */
    private ApiResponse confirmDocument(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        BookingId bookingId = bookingIdOf(request);
        String documentId = request.pathParameter("documentId");
        if (!Ulid.isValid(documentId)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such document.");
        }
        var confirmed = documents.confirm(caller, bookingId,
                new com.backhaulexchange.deal.document.DocumentId(documentId));
        return ApiResponse.json(mapper, 200, DocumentViews.confirmed(confirmed));
    }

    // ---- detention (ADR 38)

    private ApiResponse readDetention(ApiRequest request) {
        return ApiResponse.json(mapper, 200, detention.read(AccessGuards.requirePartner(request),
                bookingIdOf(request)));
    }

    private ApiResponse claimDetention(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        return ApiResponse.json(mapper, 200, detention.claim(caller, bookingIdOf(request), stopOf(request)));
    }

    private ApiResponse answerDetention(ApiRequest request,
            com.backhaulexchange.tracking.DetentionClaimPolicy.Answer answer) {
        var caller = AccessGuards.requirePartner(request);
        String reason = null;
        if (answer == com.backhaulexchange.tracking.DetentionClaimPolicy.Answer.DISPUTE) {
            reason = bodies.read(request, "DetentionDispute").get("reason").asText();
        }
        return ApiResponse.json(mapper, 200, detention.answer(caller, bookingIdOf(request), stopOf(request), answer,
                reason));
    }

    /** {@code pickup} or {@code delivery}; the document's pattern refused anything else already. */
    private static com.backhaulexchange.tracking.StopKind stopOf(ApiRequest request) {
        return switch (request.pathParameter("stop")) {
            case "pickup" -> com.backhaulexchange.tracking.StopKind.PICKUP;
            case "delivery" -> com.backhaulexchange.tracking.StopKind.DELIVERY;
            default -> throw ProblemException.invalidField("#/path/stop", "A stop is pickup or delivery.");
        };
    }

    private ApiResponse bookingResponse(int status, Supplier<com.backhaulexchange.deal.booking.Booking> booking) {
        return ApiResponse.json(mapper, status, views.booking(booking.get()));
    }

    // ---- request parts

    private static Side sideOf(JsonNode body) {
        return body.hasNonNull("side") ? Side.valueOf(body.get("side").asText()) : null;
    }

    /** Every value the schema cannot fully check, through the one parser; each bad field reported at once. */
    private static OfferTerms offerTerms(JsonNode body) {
        return offerTerms(body, "");
    }

    /** {@code at}: the pointer of the offer in the body ("" for the whole body, "/offers/1" in a package opening). */
    private static OfferTerms offerTerms(JsonNode body, String at) {
        List<FieldViolation> errors = new ArrayList<>();
        Money amount = RequestValues.collect(errors, () -> RequestValues.money(body.get("amount"), at + "/amount"));
        JsonNode accessorials = body.get("accessorials");
        AccessorialTerms terms = null;
        if (accessorials != null) {
            Integer freeHours = RequestValues.collect(errors, () -> RequestValues.wholeInt(
                    accessorials.get("detentionFreeHours"), at + "/accessorials/detentionFreeHours", Integer.MIN_VALUE,
                    Integer.MAX_VALUE));
            Money rate = RequestValues.collect(errors, () -> RequestValues.money(
                    accessorials.get("detentionRatePerHour"), at + "/accessorials/detentionRatePerHour"));
            Money tonuFee = RequestValues.collect(errors, () -> RequestValues.money(accessorials.get("tonuFee"),
                    at + "/accessorials/tonuFee"));
            Integer tonuWindow = RequestValues.collect(errors, () -> RequestValues.wholeInt(
                    accessorials.get("tonuCancellationWindowHours"), at + "/accessorials/tonuCancellationWindowHours",
                    Integer.MIN_VALUE, Integer.MAX_VALUE));
            if (freeHours != null && rate != null && tonuFee != null && tonuWindow != null) {
                terms = new AccessorialTerms(freeHours, rate, tonuFee, tonuWindow);
            }
        }
        Instant expiresAt = RequestValues.collect(errors, () -> RequestValues.instant(body.get("expiresAt"),
                at + "/expiresAt"));
        RequestValues.rejectIfAny(errors);
        return new OfferTerms(amount, accessorials == null ? defaultAccessorials(amount) : terms, expiresAt,
                body.hasNonNull("note") ? body.get("note").asText() : null);
    }

    /** Without accessorial terms an offer carries the common US spot terms, in the offer's currency. */
    private static AccessorialTerms defaultAccessorials(Money amount) {
        var usual = AccessorialTerms.usualUsd();
        String currency = amount.currency().getCurrencyCode();
        return new AccessorialTerms(usual.detentionFreeHours(),
                Money.of(usual.detentionRatePerHour().amountMinorUnits(), currency),
                Money.of(usual.tonuFee().amountMinorUnits(), currency), usual.tonuCancellationWindowHours());
    }

    private static NegotiationId negotiationIdOf(ApiRequest request) {
        String value = request.pathParameter("negotiationId");
        if (!Ulid.isValid(value)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such negotiation.");
        }
        return new NegotiationId(value);
    }

    private static BookingId bookingIdOf(ApiRequest request) {
        String value = request.pathParameter("bookingId");
        if (!Ulid.isValid(value)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such booking.");
        }
        return new BookingId(value);
    }

    private static MatchId matchIdOf(ApiRequest request) {
        String value = request.pathParameter("matchId");
        if (!value.matches("[0-9a-f]{32}")) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such match.");
        }
        return new MatchId(value);
    }

    private static String laneIdOf(ApiRequest request) {
        String value = request.pathParameter("laneId");
        if (!Ulid.isValid(value)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such lane.");
        }
        return value;
    }

    private static PartnerId partnerId(String value, String pointer) {
        if (value == null || !Ulid.isValid(value)) {
            throw ProblemException.invalidField(pointer, "A partner id is a ULID.");
        }
        return new PartnerId(value);
    }
}
