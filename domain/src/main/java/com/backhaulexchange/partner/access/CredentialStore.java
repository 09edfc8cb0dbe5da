package com.backhaulexchange.partner.access;

import com.backhaulexchange.partner.apikey.ApiKey;
import com.backhaulexchange.partner.apikey.ApiKeyId;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerId;
import java.util.Optional;

/** Reads a key and its partner together, so the authorizer decides on one consistent read. */
public interface CredentialStore {

    record StoredCredential(ApiKey key, Partner partner) {
    }

    Optional<StoredCredential> find(PartnerId partnerId, ApiKeyId keyId);
}
