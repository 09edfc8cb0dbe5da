package com.backhaulexchange.access;

import com.backhaulexchange.apikey.ApiKey;
import com.backhaulexchange.apikey.ApiKeyId;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerId;
import java.util.Optional;

/** Reads a key and its partner together, so the authorizer decides on one consistent read. */
public interface CredentialStore {

    record StoredCredential(ApiKey key, Partner partner) {
    }

    Optional<StoredCredential> find(PartnerId partnerId, ApiKeyId keyId);
}
