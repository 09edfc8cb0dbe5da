package com.backhaulexchange.partner.access;

import com.backhaulexchange.partner.access.AuthenticationResult.Authenticated;
import com.backhaulexchange.partner.access.AuthenticationResult.Denied;
import com.backhaulexchange.partner.access.AuthenticationResult.Unauthenticated;
import com.backhaulexchange.partner.apikey.ApiKeyToken;
import com.backhaulexchange.kernel.id.SecretHashing;
import java.time.Clock;
import java.util.Locale;

/**
 * Decides who an {@code Authorization: Bearer <key>} header belongs to. Every failure says why
 * in {@code reason} for the logs; the client only learns 401 or 403.
 */
public final class ApiKeyAuthenticator {
    private static final String BEARER = "bearer ";

    private final CredentialStore credentialStore;
    private final OperatorCredential operatorCredential;
    private final Clock clock;

    public ApiKeyAuthenticator(CredentialStore credentialStore, OperatorCredential operatorCredential, Clock clock) {
        this.credentialStore = credentialStore;
        this.operatorCredential = operatorCredential;
        this.clock = clock;
    }

    public AuthenticationResult authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.length() <= BEARER.length()
                || !authorizationHeader.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return new Unauthenticated("MISSING_BEARER_TOKEN");
        }
        String token = authorizationHeader.substring(BEARER.length()).trim();
        if (OperatorCredential.looksLikeOperatorToken(token)) {
            return operatorCredential.matches(token)
                    ? new Authenticated(new Principal.OperatorPrincipal())
                    : new Unauthenticated("UNKNOWN_OPERATOR_KEY");
        }
        var parsed = ApiKeyToken.parse(token);
        if (parsed.isEmpty()) {
            return new Unauthenticated("MALFORMED_KEY");
        }
        var presented = parsed.get();
        var stored = credentialStore.find(presented.partnerId(), presented.keyId());
        if (stored.isEmpty()) {
            return new Unauthenticated("UNKNOWN_KEY");
        }
        var key = stored.get().key();
        var partner = stored.get().partner();
        if (!SecretHashing.constantTimeEquals(key.secretSha256Hex(), SecretHashing.sha256Hex(presented.secret()))) {
            return new Unauthenticated("WRONG_SECRET");
        }
        if (!key.isUsableAt(clock.instant())) {
            return new Unauthenticated("KEY_" + key.effectiveStatusAt(clock.instant()));
        }
        var principal = new Principal.PartnerPrincipal(partner.id(), partner.roles(), key.keyId());
        if (partner.suspended()) {
            return new Denied("PARTNER_SUSPENDED", principal);
        }
        return new Authenticated(principal);
    }
}
