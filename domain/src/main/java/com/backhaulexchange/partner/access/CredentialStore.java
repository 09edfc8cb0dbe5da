package com.backhaulexchange.partner.access;

import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRole;
import com.backhaulexchange.partner.apikey.ApiKey;
import com.backhaulexchange.partner.apikey.ApiKeyId;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a key and its partner's standing together, so the authorizer decides on one consistent read. Narrow on
 * purpose: authenticating a request needs who the partner is, its roles and whether it is suspended, never its
 * profile, so the authorizer reads (and ships code for) nothing more.
 */
public interface CredentialStore {

    /** What authentication needs to know of a partner. */
    record PartnerStanding(PartnerId id, Set<PartnerRole> roles, boolean suspended) {
        public PartnerStanding {
            roles = Set.copyOf(roles);
        }

        public static PartnerStanding of(Partner partner) {
            return new PartnerStanding(partner.id(), partner.profile().roles(), partner.isSuspended());
        }
    }

    record StoredCredential(ApiKey key, PartnerStanding partner) {
    }

    Optional<StoredCredential> find(PartnerId partnerId, ApiKeyId keyId);
}
