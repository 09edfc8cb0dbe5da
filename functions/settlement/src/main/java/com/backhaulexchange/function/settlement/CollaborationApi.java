package com.backhaulexchange.function.settlement;

import com.backhaulexchange.adapter.json.CollaborationJson;
import com.backhaulexchange.adapter.json.CollaborationView;
import com.backhaulexchange.partner.access.Principal.PartnerPrincipal;
import com.backhaulexchange.settlement.collaboration.Agreement;
import com.backhaulexchange.settlement.collaboration.Collaboration;
import com.backhaulexchange.settlement.collaboration.CreatorRole;
import com.backhaulexchange.adapter.http.AccessGuards;
import com.backhaulexchange.adapter.http.ApiRequest;
import com.backhaulexchange.adapter.http.ApiResponse;
import com.backhaulexchange.adapter.http.ApiRouter;
import com.backhaulexchange.adapter.http.IdempotentCreation;
import com.backhaulexchange.adapter.http.JsonBodyReader;
import com.backhaulexchange.kernel.idempotency.IdempotencyKey;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.kernel.policy.InvalidInputException;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRole;
import com.backhaulexchange.adapter.http.problem.FieldError;
import com.backhaulexchange.adapter.http.problem.Problem;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The collaboration routes: HTTP in, a {@link CollaborationService} command, the collaboration's view out. */
final class CollaborationApi {
    static final String CREATE_SCHEMA = "CollaborationCreation";
    static final String AGREEMENT_SCHEMA = "AgreementTerms";

    private final CollaborationService collaborations;
    private final JsonBodyReader bodies;
    private final IdempotentCreation idempotentCreation;
    private final ObjectMapper mapper;
    private final Clock clock;

    CollaborationApi(CollaborationService collaborations, JsonBodyReader bodies,
            IdempotentCreation idempotentCreation, ObjectMapper mapper, Clock clock) {
        this.collaborations = collaborations;
        this.bodies = bodies;
        this.idempotentCreation = idempotentCreation;
        this.mapper = mapper;
        this.clock = clock;
    }

    ApiRouter addTo(ApiRouter router) {
        return router
                .route("POST", "/collaborations", this::create)
                .route("GET", "/collaborations", this::list)
                .route("GET", "/collaborations/{collaborationId}", request -> {
                    PartnerPrincipal caller = AccessGuards.requirePartner(request);
                    return view(200, caller, collaborations.read(caller.partnerId(), idOf(request)));
                })
                .route("POST", "/collaborations/{collaborationId}/invitations/accept", request -> {
                    PartnerPrincipal caller = AccessGuards.requirePartner(request);
                    return view(200, caller, collaborations.accept(caller.partnerId(), idOf(request)));
                })
                .route("POST", "/collaborations/{collaborationId}/invitations/decline", request -> {
                    PartnerPrincipal caller = AccessGuards.requirePartner(request);
                    return view(200, caller, collaborations.decline(caller.partnerId(), idOf(request)));
                })
                .route("POST", "/collaborations/{collaborationId}/leave", request -> {
                    PartnerPrincipal caller = AccessGuards.requirePartner(request);
                    return view(200, caller, collaborations.leave(caller.partnerId(), idOf(request)));
                })
                .route("POST", "/collaborations/{collaborationId}/agreement", this::proposeAgreement);
    }

    /** With Idempotency-Key, scoped to the route and the partner (see {@link IdempotentCreation}). */
    private ApiResponse create(ApiRequest request) {
        PartnerPrincipal caller = AccessGuards.requirePartner(request);
        Optional<IdempotencyKey> idempotencyKey = IdempotentCreation.keyOf(request);
        JsonNode body = bodies.read(request, CREATE_SCHEMA);
        List<FieldError> errors = new ArrayList<>();
        Agreement agreement = agreement(body.path("agreement"), "/agreement", errors);
        List<PartnerId> invitees = new ArrayList<>();
        JsonNode list = body.path("invitees");
        for (int i = 0; i < list.size(); i++) {
            String id = list.get(i).asText();
            if (!PartnerId.isValid(id)) {
                errors.add(new FieldError("/invitees/" + i, "is not a partner id"));
            } else {
                invitees.add(new PartnerId(id));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The collaboration is not valid: " + errors.size() + " invalid field"
                    + (errors.size() == 1 ? "." : "s."), errors);
        }
        CreatorRole role = CreatorRole.valueOf(body.path("organiserRole").asText(CreatorRole.MEMBER.name()));
        if (role == CreatorRole.BROKER && !caller.hasRole(PartnerRole.BROKER)) {
            throw new ProblemException(Problem.of(ProblemType.FORBIDDEN, "Only a partner with the BROKER role"
                    + " organises a collaboration without being a member.").withReasonCode("NOT_A_BROKER"));
        }
        String scope = request.method() + " " + request.resource() + "\n" + caller.partnerId().value();
        return idempotentCreation.<Collaboration>create(idempotencyKey, scope, body,
                sealed -> collaborations.create(caller.partnerId(), body.path("name").asText(), role, agreement,
                        invitees, sealed),
                created -> view(201, caller, created).withHeader("Location", "/collaborations/" + created.id()));
    }

    private ApiResponse list(ApiRequest request) {
        PartnerPrincipal caller = AccessGuards.requirePartner(request);
        return ApiResponse.json(mapper, 200, new Collaborations(collaborations.list(caller.partnerId()).stream()
                .map(collaboration -> view(caller, collaboration)).toList()));
    }

    private ApiResponse proposeAgreement(ApiRequest request) {
        PartnerPrincipal caller = AccessGuards.requirePartner(request);
        String id = idOf(request);
        JsonNode body = bodies.read(request, AGREEMENT_SCHEMA);
        List<FieldError> errors = new ArrayList<>();
        Agreement proposed = agreement(body, "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The agreement is not valid.", errors);
        }
        return view(200, caller, collaborations.proposeAgreement(caller.partnerId(), id, proposed));
    }

    /**
     * What the schema cannot check: a cap exactly when the terms are capped, then every value through
     * {@link com.backhaulexchange.adapter.json.RequestValues} (currencies ISO 4217 knows, real dates, exact numbers).
     */
    static Agreement agreement(JsonNode json, String pointer, List<FieldError> errors) {
        JsonNode risk = json.path("riskTerms");
        boolean capped = CollaborationJson.AT_FAULT_CAPPED.equals(risk.path("kind").asText());
        JsonNode cap = risk.path("perMemberCapPerPeriod");
        if (capped && cap.isMissingNode()) {
            errors.add(new FieldError(pointer + "/riskTerms/perMemberCapPerPeriod", "is required with AT_FAULT_CAPPED"));
            return null;
        } else if (!capped && !cap.isMissingNode()) {
            errors.add(new FieldError(pointer + "/riskTerms/perMemberCapPerPeriod", "applies only to AT_FAULT_CAPPED"));
            return null;
        }
        try {
            return CollaborationJson.agreementFrom(json, pointer);
        } catch (InvalidInputException e) {
            e.violations().forEach(violation -> errors.add(new FieldError(violation.field(), violation.detail())));
            return null;
        }
    }

    private ApiResponse view(int status, PartnerPrincipal caller, Collaboration collaboration) {
        return ApiResponse.json(mapper, status, view(caller, collaboration));
    }

    /** The collaboration as stored, with the caller's own standing and the period now running. */
    CollaborationView view(PartnerPrincipal caller, Collaboration collaboration) {
        return CollaborationView.seenBy(collaboration, caller.partnerId(), clock.instant());
    }

    /** The caller's collaborations. */
    record Collaborations(List<CollaborationView> items) {
    }

    /** A collaboration id that is not a ULID names nothing: the same 404 as an unknown one. */
    static String idOf(ApiRequest request) {
        String id = request.pathParameter("collaborationId");
        if (!Ulid.isValid(id)) {
            throw CollaborationService.notFound();
        }
        return id;
    }
}
