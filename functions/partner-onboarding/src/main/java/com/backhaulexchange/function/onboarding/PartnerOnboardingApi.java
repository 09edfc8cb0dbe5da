package com.backhaulexchange.function.onboarding;

import com.backhaulexchange.partner.access.Principal;
import com.backhaulexchange.partner.apikey.ApiKeyId;
import com.backhaulexchange.partner.apikey.IssuedApiKey;
import com.backhaulexchange.adapter.http.AccessGuards;
import com.backhaulexchange.adapter.http.IdempotentCreation;
import com.backhaulexchange.adapter.http.ApiRequest;
import com.backhaulexchange.adapter.http.ApiResponse;
import com.backhaulexchange.adapter.http.ApiRouter;
import com.backhaulexchange.adapter.http.JsonBodyReader;
import com.backhaulexchange.kernel.idempotency.IdempotencyKey;
import com.backhaulexchange.kernel.idempotency.IdempotencyStore;
import com.backhaulexchange.adapter.http.IdempotencyVault;
import com.backhaulexchange.adapter.json.ApiKeyView;
import com.backhaulexchange.adapter.json.PartnerJson;
import com.backhaulexchange.adapter.json.RequestValues;
import com.backhaulexchange.partner.apikey.ApiKeyPolicies;
import com.backhaulexchange.adapter.json.PartnerView;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerStatus;
import com.backhaulexchange.kernel.persistence.InvalidCursorException;
import com.backhaulexchange.adapter.http.problem.FieldError;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The onboarding routes: HTTP in, command to {@link PartnerOnboardingService}, HTTP out. */
final class PartnerOnboardingApi {
    static final String REGISTRATION_SCOPE = "POST /partners";
    private static final int DEFAULT_PAGE_SIZE = 25;
    private static final int MAX_PAGE_SIZE = 100;

    private final PartnerOnboardingService service;
    private final JsonBodyReader bodies;
    private final IdempotentCreation idempotentCreation;
    private final ObjectMapper mapper;
    private final Clock clock;

    private final WebhookApi webhooks;

    PartnerOnboardingApi(PartnerOnboardingService service, JsonBodyReader bodies, IdempotencyVault vault,
            IdempotencyStore idempotencyRecords, WebhookRegistrations webhookRegistrations, ObjectMapper mapper,
            Clock clock) {
        this.service = service;
        this.bodies = bodies;
        this.idempotentCreation = new IdempotentCreation(vault, idempotencyRecords);
        this.webhooks = new WebhookApi(webhookRegistrations, bodies, idempotentCreation, mapper);
        this.mapper = mapper;
        this.clock = clock;
    }

    ApiRouter routes() {
        return webhooks.addRoutesTo(new ApiRouter(mapper)
                .route("POST", "/partners", this::register)
                .route("GET", "/partners/me", this::getOwn)
                .route("PATCH", "/partners/me", this::updateOwn)
                .route("GET", "/partners/{partnerId}", this::getById)
                .route("GET", "/partners/me/api-keys", this::listKeys)
                .route("POST", "/partners/me/api-keys", this::createKey)
                .route("POST", "/partners/me/api-keys/{keyId}/rotate", this::rotateKey)
                .route("DELETE", "/partners/me/api-keys/{keyId}", this::revokeKey)
                .route("GET", "/operator/partners", this::operatorList)
                .route("POST", "/operator/partners/{partnerId}/suspend", this::operatorSuspend)
                .route("POST", "/operator/partners/{partnerId}/reinstate", this::operatorReinstate));
    }

    private ApiResponse register(ApiRequest request) {
        Optional<IdempotencyKey> idempotencyKey = IdempotentCreation.keyOf(request);
        JsonNode body = bodies.read(request, "RegisterPartnerRequest");
        var profile = PartnerJson.profileFrom(body);
        return idempotentCreation.<PartnerOnboardingService.Registration>create(idempotencyKey, REGISTRATION_SCOPE,
                body, sealed -> service.register(profile, sealed), this::registrationResponse);
    }

    private ApiResponse registrationResponse(PartnerOnboardingService.Registration registration) {
        var body = new Registered(PartnerView.of(registration.partner()),
                ApiKeyView.issued(registration.apiKey().key(), registration.apiKey().token(), clock.instant()));
        return ApiResponse.json(mapper, 201, body, Map.of(
                "Location", "/partners/" + registration.partner().id().value(),
                "ETag", etag(registration.partner())));
    }

    private ApiResponse getOwn(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        var partner = service.partner(caller.partnerId());
        return partnerResponse(200, partner);
    }

    private ApiResponse updateOwn(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        JsonNode patch = bodies.read(request, "UpdatePartnerRequest", JsonBodyReader.MERGE_PATCH_MEDIA_TYPES);
        var current = service.partner(caller.partnerId());
        long expectedVersion = request.header("If-Match").map(PartnerOnboardingApi::versionFromEtag)
                .orElse(current.version());
        JsonNode merged = MergePatch.apply(PartnerJson.profileToJson(current.profile()), patch);
        List<FieldError> violations = bodies.schemaViolations("RegisterPartnerRequest", merged);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The profile would be invalid after this patch.", violations);
        }
        var updated = service.updateProfile(caller.partnerId(), expectedVersion, PartnerJson.profileFrom(merged));
        return partnerResponse(200, updated);
    }

    private ApiResponse getById(ApiRequest request) {
        String requested = request.pathParameter("partnerId");
        var partner = switch (request.principal()) {
            case Principal.OperatorPrincipal operator -> PartnerId.isValid(requested)
                    ? service.partner(new PartnerId(requested)) : null;
            case Principal.PartnerPrincipal caller -> caller.partnerId().value().equals(requested)
                    ? service.partner(caller.partnerId()) : null;
            case null -> throw new ProblemException(ProblemType.UNAUTHORIZED, "An API key is required.");
        };
        if (partner == null) {
            // Someone else's partner id answers exactly like an unknown one: no existence oracle.
            throw new ProblemException(ProblemType.NOT_FOUND, "No such partner.");
        }
        return partnerResponse(200, partner);
    }

    private ApiResponse listKeys(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        var now = clock.instant();
        return ApiResponse.json(mapper, 200,
                new Items<>(service.apiKeys(caller.partnerId()).stream().map(key -> ApiKeyView.of(key, now)).toList(),
                        null));
    }

    /** With Idempotency-Key, scoped to the route and the partner: a retry gets the same key, not a second one. */
    private ApiResponse createKey(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        Optional<IdempotencyKey> idempotencyKey = IdempotentCreation.keyOf(request);
        String scope = request.method() + " " + request.resource() + "\n" + caller.partnerId().value();
        return idempotentCreation.<IssuedApiKey>create(idempotencyKey, scope, NullNode.getInstance(),
                sealed -> service.createApiKey(caller.partnerId(), sealed),
                issued -> ApiResponse.json(mapper, 201, ApiKeyView.issued(issued.key(), issued.token(),
                        issued.key().createdAt())));
    }

    /**
     * With Idempotency-Key, scoped to the partner and the key rotated (the path, not only the route: the same
     * Idempotency-Key on another key is another request).
     */
    private ApiResponse rotateKey(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        var keyId = keyIdOf(request);
        Optional<IdempotencyKey> idempotencyKey = IdempotentCreation.keyOf(request);
        Duration grace = null;
        JsonNode body = NullNode.getInstance();
        if (request.hasBody()) {
            body = bodies.read(request, "RotateApiKeyRequest");
            if (body.has("gracePeriodSeconds")) {
                grace = Duration.ofSeconds(RequestValues.wholeNumber(body.get("gracePeriodSeconds"),
                        "/gracePeriodSeconds", 0, ApiKeyPolicies.MAX_ROTATION_GRACE.toSeconds()));
            }
        }
        Duration requestedGrace = grace;
        String scope = request.method() + " " + request.resource() + "\n" + caller.partnerId().value() + "\n"
                + keyId.value();
        return idempotentCreation.<PartnerOnboardingService.Rotation>create(idempotencyKey, scope, body,
                sealed -> service.rotateApiKey(caller.partnerId(), keyId, requestedGrace, sealed),
                rotation -> {
                    var at = rotation.apiKey().key().createdAt();
                    return ApiResponse.json(mapper, 201, new Rotated(
                            ApiKeyView.issued(rotation.apiKey().key(), rotation.apiKey().token(), at),
                            ApiKeyView.of(rotation.replacedKey(), at)));
                });
    }

    private ApiResponse revokeKey(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        service.revokeApiKey(caller.partnerId(), keyIdOf(request));
        return ApiResponse.noContent();
    }

    private ApiResponse operatorList(ApiRequest request) {
        AccessGuards.requireOperator(request);
        PartnerStatus status = request.queryEnum("status", PartnerStatus.class).orElse(PartnerStatus.ACTIVE);
        int limit = request.pageLimit(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        try {
            var page = service.partnersWithStatus(status, limit, request.query("cursor").orElse(null));
            return ApiResponse.json(mapper, 200,
                    new Items<>(page.items().stream().map(PartnerView::of).toList(), page.nextCursor()));
        } catch (InvalidCursorException e) {
            throw ProblemException.invalidField("#/query/cursor", e.getMessage());
        }
    }

    private ApiResponse operatorSuspend(ApiRequest request) {
        AccessGuards.requireOperator(request);
        var partnerId = partnerIdOf(request);
        JsonNode body = bodies.read(request, "SuspendPartnerRequest");
        return partnerResponse(200, service.suspend(partnerId, body.get("reason").asText()));
    }

    private ApiResponse operatorReinstate(ApiRequest request) {
        AccessGuards.requireOperator(request);
        return partnerResponse(200, service.reinstate(partnerIdOf(request)));
    }

    private ApiResponse partnerResponse(int status, Partner partner) {
        return ApiResponse.json(mapper, status, PartnerView.of(partner), Map.of("ETag", etag(partner)));
    }

    private static PartnerId partnerIdOf(ApiRequest request) {
        String value = request.pathParameter("partnerId");
        if (!PartnerId.isValid(value)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such partner.");
        }
        return new PartnerId(value);
    }

    private static ApiKeyId keyIdOf(ApiRequest request) {
        String value = request.pathParameter("keyId");
        if (!ApiKeyId.isValid(value)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such API key.");
        }
        return new ApiKeyId(value);
    }

    /** The response to a registration: the partner and its first key, issued. */
    record Registered(PartnerView partner, ApiKeyView apiKey) {
    }

    /** The response to a rotation: the new key, issued, and the one it replaces. */
    record Rotated(ApiKeyView apiKey, ApiKeyView replacedKey) {
    }

    /** A list, with the cursor of the next page when there is one. */
    record Items<T>(List<T> items, String nextCursor) {
    }

    static String etag(Partner partner) {
        return "\"v" + partner.version() + "\"";
    }

    private static long versionFromEtag(String ifMatch) {
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.matches("\"v[0-9]{1,18}\"")) {
            return Long.parseLong(value.substring(2, value.length() - 1));
        }
        throw ProblemException.invalidField("#/header/If-Match", "must be an ETag this API returned, like \"v3\"");
    }
}
