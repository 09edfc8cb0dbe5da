package com.backhaulexchange.adapter.http.problem;

/** The catalogue of problem types this API returns; each has a stable URI, title and HTTP status. */
public enum ProblemType {
    VALIDATION_FAILED("validation-failed", "Request validation failed", 400),
    MALFORMED_JSON("malformed-json", "Malformed JSON body", 400),
    MISSING_HEADER("missing-header", "Required header missing", 400),
    UNAUTHORIZED("unauthorized", "Unauthorized", 401),
    FORBIDDEN("forbidden", "Forbidden", 403),
    NOT_FOUND("not-found", "Not Found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    CONFLICT("conflict", "Conflict", 409),
    PRECONDITION_FAILED("precondition-failed", "Precondition failed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency key reused with a different request", 422),
    BUSINESS_RULE_VIOLATED("business-rule-violated", "Business rule violated", 422),
    INTERNAL_ERROR("internal-error", "Internal server error", 500),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503);

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return Problem.TYPE_BASE + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
