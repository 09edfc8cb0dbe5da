package com.backhaulexchange.adapter.http;

import com.backhaulexchange.partner.access.Principal;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;

/** Who may call a route, checked before anything is read or written. */
public final class AccessGuards {
    private AccessGuards() {
    }

    public static Principal.PartnerPrincipal requirePartner(ApiRequest request) {
        return switch (request.principal()) {
            case Principal.PartnerPrincipal partner -> partner;
            case Principal.OperatorPrincipal operator -> throw new ProblemException(ProblemType.FORBIDDEN,
                    "This route acts on behalf of a partner; the operator key cannot use it.");
            case null -> throw new ProblemException(ProblemType.UNAUTHORIZED, "A partner API key is required.");
        };
    }

    public static Principal.OperatorPrincipal requireOperator(ApiRequest request) {
        return switch (request.principal()) {
            case Principal.OperatorPrincipal operator -> operator;
            case Principal.PartnerPrincipal partner -> throw new ProblemException(ProblemType.FORBIDDEN,
                    "Only the exchange operator may use this route.");
            case null -> throw new ProblemException(ProblemType.UNAUTHORIZED, "The operator key is required.");
        };
    }
}
