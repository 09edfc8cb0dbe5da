package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.deal.negotiation.Outcome;
import com.backhaulexchange.deal.negotiation.Refusal;
import com.backhaulexchange.adapter.http.problem.FieldError;
import com.backhaulexchange.adapter.http.problem.Problem;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import java.util.List;

/**
 * A domain refusal as an RFC 9457 problem: its kind gives the status, its code the {@code reasonCode}. A
 * not-found refusal (NOT_A_PARTY) carries no reasonCode: it must read exactly like the 404 for an id that
 * does not exist, or a stranger could tell a foreign object from a missing one.
 */
final class Refusals {
    private Refusals() {
    }

    static ProblemException toProblem(Outcome.Refused<?, ?> refused) {
        Refusal first = refused.first();
        ProblemType type = switch (first.kind()) {
            case INVALID_INPUT -> ProblemType.VALIDATION_FAILED;
            case FORBIDDEN -> ProblemType.FORBIDDEN;
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case CONFLICT -> ProblemType.CONFLICT;
        };
        List<FieldError> errors = refused.refusals().stream().filter(refusal -> refusal.field() != null)
                .map(refusal -> new FieldError(refusal.field(), refusal.detail() + " (" + refusal.reason().code() + ")"))
                .toList();
        String detail = refused.refusals().size() == 1 ? first.detail()
                : "The request has " + refused.refusals().size() + " problems; see errors.";
        Problem problem = Problem.of(type, detail, errors);
        return new ProblemException(type == ProblemType.NOT_FOUND ? problem
                : problem.withReasonCode(first.reason().code()));
    }
}
