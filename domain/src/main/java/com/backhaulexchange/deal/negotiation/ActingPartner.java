package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRole;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated partner issuing a command, with what decides whether it may: its roles and the
 * delegations granted to it (the caller loads those whose broker is this partner; revoked ones may be
 * included, they do not count).
 */
public record ActingPartner(PartnerId id, Set<PartnerRole> roles, List<Delegation> delegationsHeld) {

    public ActingPartner {
        Objects.requireNonNull(id, "id");
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        delegationsHeld = delegationsHeld == null ? List.of() : List.copyOf(delegationsHeld);
        for (Delegation delegation : delegationsHeld) {
            if (!delegation.broker().equals(id)) {
                throw new IllegalArgumentException("a delegation held by " + id + " names it as the broker");
            }
        }
    }

    /** A party acting for itself, with no delegations. */
    public static ActingPartner party(PartnerId id, PartnerRole role) {
        return new ActingPartner(id, Set.of(role), List.of());
    }

    public static ActingPartner broker(PartnerId id, List<Delegation> delegationsHeld) {
        return new ActingPartner(id, Set.of(PartnerRole.BROKER), delegationsHeld);
    }

    public boolean hasRole(PartnerRole role) {
        return roles.contains(role);
    }
}
