package com.backhaulexchange.deal.negotiation;

/**
 * Why a command was refused, in the categories an HTTP layer maps to a status: the request itself is bad
 * (400), the caller may not do it (403), the caller is not party to it and must not learn it exists (404),
 * or the state of the negotiation or booking does not allow it now (409).
 */
public enum RefusalKind {
    INVALID_INPUT(400),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409);

    private final int httpStatus;

    RefusalKind(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status this kind suggests; the HTTP layer owns the final mapping. */
    public int httpStatus() {
        return httpStatus;
    }
}
