package com.backhaulexchange.partner.access;

import com.backhaulexchange.partner.apikey.ApiKeyId;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRole;
import java.util.Set;

/** Who is calling, as established by the authorizer. */
public sealed interface Principal {

    /** A partner company authenticated by one of its API keys. */
    record PartnerPrincipal(PartnerId partnerId, Set<PartnerRole> roles, ApiKeyId keyId) implements Principal {
        public PartnerPrincipal {
            roles = Set.copyOf(roles);
        }

        public boolean hasRole(PartnerRole role) {
            return roles.contains(role);
        }
    }

    /** The exchange's operator: administers partners, is party to no trade. */
    record OperatorPrincipal() implements Principal {
    }
}
