package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRole;
import com.backhaulexchange.kernel.policy.Decision;
import java.time.Instant;

/**
 * Whether a partner may act for one side of a negotiation: the side's party itself, or a partner with the
 * BROKER role holding a NEGOTIATE delegation from that party in force at {@code now}. Checked first by
 * every command, so that a caller who may not act learns nothing about the negotiation's state.
 *
 * <ul>
 * <li>{@code NOT_A_PARTY} (404): anyone who may not see the negotiation at all — neither a party nor holding a
 *     delegation in force from either party. They are answered exactly as for an id that does not exist, so
 *     that a stranger cannot tell a foreign negotiation from a missing one (the problem carries no
 *     reasonCode).</li>
 * <li>{@code NOT_YOUR_SIDE} (403): a party of the negotiation acting for the other side.</li>
 * <li>{@code NOT_A_BROKER} (403): a delegation from the side's party is held, but the holder has no BROKER
 *     role (for instance it lost it).</li>
 * <li>{@code DELEGATION_MISSING} (403): a partner delegated by the other party only, acting for this side —
 *     it may see the negotiation, so being told why is no leak.</li>
 * </ul>
 */
public final class MayActOnNegotiation {

    /** The detail of the 404 for an unknown negotiation id too: a stranger gets the very same answer. */
    public static final String NO_SUCH_NEGOTIATION = "No such negotiation.";

    private MayActOnNegotiation() {
    }

    public static Decision decide(PartnerId carrier, PartnerId shipper, Side side, ActingPartner acting,
            Instant now) {
        PartnerId party = side == Side.CARRIER ? carrier : shipper;
        PartnerId otherParty = side == Side.CARRIER ? shipper : carrier;
        if (acting.id().equals(party)) {
            return Decision.allowed();
        }
        if (acting.id().equals(otherParty)) {
            return rejected(ReasonCode.NOT_YOUR_SIDE, "You are the " + side.other().name().toLowerCase()
                    + " of this negotiation and cannot act for the " + side.name().toLowerCase() + ".");
        }
        boolean delegated = delegatedBy(party, acting, now);
        if (delegated) {
            return acting.hasRole(PartnerRole.BROKER)
                    ? Decision.allowed()
                    : rejected(ReasonCode.NOT_A_BROKER, "Only a partner with the BROKER role may act on a delegation.");
        }
        if (delegatedBy(otherParty, acting, now)) {
            return rejected(ReasonCode.DELEGATION_MISSING, "The " + side.name().toLowerCase()
                    + " of this negotiation has not delegated negotiation rights to you (or has revoked them).");
        }
        return rejected(ReasonCode.NOT_A_PARTY, NO_SUCH_NEGOTIATION);
    }

    /** The refusal for a rejected decision of this policy. */
    public static Refusal refusal(Decision.Rejected rejected) {
        return Refusal.of(ReasonCode.valueOf(rejected.reasonCode()), rejected.detail());
    }

    private static boolean delegatedBy(PartnerId party, ActingPartner acting, Instant now) {
        return acting.delegationsHeld().stream()
                .anyMatch(delegation -> delegation.letsNegotiate(party, acting.id(), now));
    }

    private static Decision rejected(ReasonCode reason, String detail) {
        return Decision.rejected(reason.code(), detail, null);
    }
}
