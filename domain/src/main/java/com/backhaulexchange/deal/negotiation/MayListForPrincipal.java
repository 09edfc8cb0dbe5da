package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRole;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a caller may list a partner's negotiations and bookings ({@code onBehalfOf}, ADR 40): the partner itself
 * always; another partner only as a broker holding that partner's delegation in force at {@code now}.
 *
 * <ul>
 * <li>{@code DELEGATION_MISSING} (403): no delegation from that partner, or one revoked. The caller named the
 *     partner itself, so being told is no leak; the answer is the same for a partner id that names nobody.</li>
 * <li>{@code NOT_A_BROKER} (403): a delegation is held, but the holder has no BROKER role (any more).</li>
 * </ul>
 */
public final class MayListForPrincipal {
    public static final String NOT_DELEGATED = "That partner has not delegated negotiation rights to you (or has "
            + "revoked them).";

    private MayListForPrincipal() {
    }

    public static Decision decide(PartnerId caller, Set<PartnerRole> callerRoles, PartnerId principal,
            Optional<Delegation> delegationFromPrincipal, Instant now) {
        if (caller.equals(principal)) {
            return Decision.allowed();
        }
        boolean delegated = delegationFromPrincipal
                .filter(delegation -> delegation.letsNegotiate(principal, caller, now)).isPresent();
        if (!delegated) {
            return Decision.rejected(ReasonCode.DELEGATION_MISSING.code(), NOT_DELEGATED, null);
        }
        return callerRoles.contains(PartnerRole.BROKER) ? Decision.allowed()
                : Decision.rejected(ReasonCode.NOT_A_BROKER.code(),
                        "Only a partner with the BROKER role may act on a delegation.", null);
    }
}
