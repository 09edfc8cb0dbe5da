package com.backhaulexchange.partner.access;

/** The authorizer's verdict on a credential. */
public sealed interface AuthenticationResult {

    record Authenticated(Principal principal) implements AuthenticationResult {
    }

    /** No valid credential: unknown, malformed, revoked or expired key (HTTP 401). */
    record Unauthenticated(String reason) implements AuthenticationResult {
    }

    /** A valid credential whose owner may not use the API now, e.g. a suspended partner (HTTP 403). */
    record Denied(String reasonCode, Principal principal) implements AuthenticationResult {
    }
}
