package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.adapter.http.AccessGuards;
import com.backhaulexchange.adapter.http.ApiRequest;
import com.backhaulexchange.adapter.http.ApiResponse;
import com.backhaulexchange.adapter.http.ApiRouter;
import com.backhaulexchange.adapter.http.IdempotentCreation;
import com.backhaulexchange.adapter.http.JsonBodyReader;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.backhaulexchange.adapter.json.RequestValues;
import com.backhaulexchange.compliance.AuthorityStatus;
import com.backhaulexchange.compliance.CarrierRequirements;
import com.backhaulexchange.compliance.CompliancePolicy;
import com.backhaulexchange.deal.negotiation.NegotiationId;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.kernel.idempotency.IdempotencyKey;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.persistence.InvalidCursorException;
import com.backhaulexchange.kernel.policy.FieldViolation;
import com.backhaulexchange.partner.PartnerId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The compliance routes (ADR 37): HTTP in, command to {@link ComplianceService}, HTTP out. */
final class ComplianceApi {
    private static final int DEFAULT_PAGE_SIZE = 25;
    private static final int MAX_PAGE_SIZE = 100;
    private static final int DEFAULT_WITHIN_DAYS = 30;

    private final ComplianceService compliance;
    private final JsonBodyReader bodies;
    private final IdempotentCreation idempotentCreation;
    private final ObjectMapper mapper;
    private final Clock clock;

    ComplianceApi(ComplianceService compliance, JsonBodyReader bodies, IdempotentCreation idempotentCreation,
            ObjectMapper mapper, Clock clock) {
        this.compliance = compliance;
        this.bodies = bodies;
        this.idempotentCreation = idempotentCreation;
        this.mapper = mapper;
        this.clock = clock;
    }

    ApiRouter addTo(ApiRouter router) {
        return router
                .route("GET", "/partners/me/compliance", this::read)
                .route("POST", "/partners/me/compliance/insurance-certificates", this::declareInsurance)
                .route("PUT", "/partners/me/compliance/operating-authority", this::declareAuthority)
                .route("GET", "/partners/me/carrier-requirements", this::readRequirements)
                .route("PUT", "/partners/me/carrier-requirements", this::setRequirements)
                .route("GET", "/negotiations/{negotiationId}/carrier-compliance", this::summary)
                .route("GET", "/negotiations/{negotiationId}/carrier-compliance/certificate", this::certificate)
                .route("PUT", "/operator/carriers/{partnerId}/authority-status", this::setAuthorityStatus)
                .route("GET", "/operator/compliance/expiring-insurance", this::expiring);
    }

    private ApiResponse read(ApiRequest request) {
        var record = compliance.read(AccessGuards.requirePartner(request));
        return ApiResponse.json(mapper, 200, ComplianceViews.record(record, today()));
    }

    /** With an Idempotency-Key (scoped to the carrier) a retry gets the same certificate and upload URL back. */
    private ApiResponse declareInsurance(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        Optional<IdempotencyKey> idempotencyKey = IdempotentCreation.keyOf(request);
        JsonNode body = bodies.read(request, "InsuranceCertificateDeclaration");
        List<FieldViolation> errors = new ArrayList<>();
        Money auto = RequestValues.collect(errors, () -> RequestValues.money(body.get("autoLiabilityCoverage"),
                "/autoLiabilityCoverage"));
        Money cargo = RequestValues.collect(errors, () -> RequestValues.money(body.get("cargoCoverage"),
                "/cargoCoverage"));
        LocalDate effectiveOn = RequestValues.collect(errors, () -> RequestValues.date(body.get("effectiveOn"),
                "/effectiveOn"));
        LocalDate expiresOn = RequestValues.collect(errors, () -> RequestValues.date(body.get("expiresOn"),
                "/expiresOn"));
        RequestValues.rejectIfAny(errors);
        JsonNode file = body.get("file");
        var declaration = new CompliancePolicy.Declaration(body.get("insurer").asText(),
                body.get("policyNumber").asText(), auto, cargo, effectiveOn, expiresOn,
                file.get("contentType").asText(), file.get("sizeBytes").asLong());
        String scope = request.method() + " " + request.resource() + "\n" + caller.partnerId().value();
        return idempotentCreation.<ComplianceService.Granted>create(idempotencyKey, scope, body,
                sealed -> compliance.declareInsurance(caller, declaration, sealed),
                granted -> ApiResponse.json(mapper, 201, ComplianceViews.granted(granted, today()), Map.of(
                        "Location", "/partners/me/compliance", "Cache-Control", "no-store")));
    }

    private ApiResponse declareAuthority(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        JsonNode body = bodies.read(request, "OperatingAuthorityDeclaration");
        var record = compliance.declareAuthority(caller, body.get("usdotNumber").asText(),
                body.get("mcNumber").asText());
        return ApiResponse.json(mapper, 200, ComplianceViews.record(record, today()));
    }

    private ApiResponse readRequirements(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        return ApiResponse.json(mapper, 200, ComplianceViews.requirements(compliance.requirements(caller),
                !compliance.hasOwnRequirements(caller)));
    }

    private ApiResponse setRequirements(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        JsonNode body = bodies.read(request, "CarrierRequirements");
        List<FieldViolation> errors = new ArrayList<>();
        Money auto = RequestValues.collect(errors, () -> RequestValues.money(body.get("minimumAutoLiability"),
                "/minimumAutoLiability"));
        Money cargo = RequestValues.collect(errors, () -> RequestValues.money(body.get("minimumCargo"),
                "/minimumCargo"));
        RequestValues.rejectIfAny(errors);
        var requirements = compliance.setRequirements(caller, new CarrierRequirements(auto, cargo));
        return ApiResponse.json(mapper, 200, ComplianceViews.requirements(requirements, false));
    }

    private ApiResponse summary(ApiRequest request) {
        var summary = compliance.summary(AccessGuards.requirePartner(request), negotiationIdOf(request));
        return ApiResponse.json(mapper, 200, ComplianceViews.summary(summary, today()));
    }

    private ApiResponse certificate(ApiRequest request) {
        var download = compliance.certificate(AccessGuards.requirePartner(request), negotiationIdOf(request));
        return ApiResponse.json(mapper, 200, ComplianceViews.download(download), Map.of("Cache-Control", "no-store"));
    }

    private ApiResponse setAuthorityStatus(ApiRequest request) {
        AccessGuards.requireOperator(request);
        String partnerId = request.pathParameter("partnerId");
        if (!Ulid.isValid(partnerId)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such carrier with a declared operating authority.");
        }
        JsonNode body = bodies.read(request, "AuthorityStatusChange");
        var record = compliance.setAuthorityStatus(new PartnerId(partnerId),
                AuthorityStatus.valueOf(body.get("status").asText()), body.get("reason").asText());
        return ApiResponse.json(mapper, 200, ComplianceViews.record(record, today()));
    }

    private ApiResponse expiring(ApiRequest request) {
        AccessGuards.requireOperator(request);
        int withinDays = request.query("withinDays").map(value -> {
            try {
                int days = Integer.parseInt(value);
                if (days >= 0 && days <= ComplianceService.MAX_EXPIRING_WITHIN_DAYS) {
                    return days;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw ProblemException.invalidField("#/query/withinDays", "A whole number of days from 0 to "
                    + ComplianceService.MAX_EXPIRING_WITHIN_DAYS + ".");
        }).orElse(DEFAULT_WITHIN_DAYS);
        int limit = request.pageLimit(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        try {
            var page = compliance.expiring(withinDays, limit, request.query("cursor").orElse(null));
            return ApiResponse.json(mapper, 200, ComplianceViews.expiring(page, today()));
        } catch (InvalidCursorException e) {
            throw ProblemException.invalidField("#/query/cursor", e.getMessage());
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }

    private static NegotiationId negotiationIdOf(ApiRequest request) {
        String value = request.pathParameter("negotiationId");
        if (!Ulid.isValid(value)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such negotiation.");
        }
        return new NegotiationId(value);
    }
}
