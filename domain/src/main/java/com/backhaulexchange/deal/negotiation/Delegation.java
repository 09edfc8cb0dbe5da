package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A partner ({@code principal}) lets a broker act for it within {@code scope}, from {@code grantedAt} until
 * revoked ({@code revokedAt}, null while in force). Revocation is final; granting again makes a new
 * delegation, so the history of who could act when is kept.
 */
public record Delegation(PartnerId principal, PartnerId broker, DelegationScope scope, Instant grantedAt,
        Instant revokedAt) {

    public Delegation {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(grantedAt, "grantedAt");
        if (principal.equals(broker)) {
            throw new IllegalArgumentException("a partner does not delegate to itself");
        }
        if (revokedAt != null && revokedAt.isBefore(grantedAt)) {
            throw new IllegalArgumentException("a delegation is revoked after it is granted");
        }
    }

    public static Delegation granted(PartnerId principal, PartnerId broker, Instant now) {
        return new Delegation(principal, broker, DelegationScope.NEGOTIATE, now, null);
    }

    /** Revoked at {@code now}; revoking a revoked delegation keeps its first revocation time. */
    public Delegation revoked(Instant now) {
        return revokedAt != null ? this : new Delegation(principal, broker, scope, grantedAt, now);
    }

    public boolean isActiveAt(Instant now) {
        return !now.isBefore(grantedAt) && (revokedAt == null || now.isBefore(revokedAt));
    }

    /** Whether this delegation lets {@code broker} negotiate for {@code principal} at {@code now}. */
    public boolean letsNegotiate(PartnerId principal, PartnerId broker, Instant now) {
        return this.principal.equals(principal) && this.broker.equals(broker) && scope == DelegationScope.NEGOTIATE
                && isActiveAt(now);
    }
}
