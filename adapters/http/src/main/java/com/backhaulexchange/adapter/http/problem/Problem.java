package com.backhaulexchange.adapter.http.problem;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI a client can switch on;
 * {@code errors} lists each bad field with a JSON Pointer; {@code reasonCode} (an extension member, null when
 * absent) names the business rule that refused the request, e.g. {@code OFFER_EXPIRED}, for clients that
 * switch on more than the type.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
        String reasonCode) {

    public static final String TYPE_BASE = "https://backhaul.exchange/problems/";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
        this(type, title, status, detail, errors, null);
    }

    public Problem withReasonCode(String code) {
        return new Problem(type, title, status, detail, errors, code);
    }

    public static Problem of(ProblemType problemType, String detail) {
        return new Problem(problemType.uri(), problemType.title(), problemType.status(), detail, List.of());
    }

    public static Problem of(ProblemType problemType, String detail, List<FieldError> errors) {
        return new Problem(problemType.uri(), problemType.title(), problemType.status(), detail, errors);
    }
}
