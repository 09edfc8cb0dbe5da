package com.backhaulexchange.compliance;

import com.backhaulexchange.kernel.id.Ulid;

/** One declaration of an insurance certificate: a renewal is a new certificate with a new id. */
public record CertificateId(String value) {

    public CertificateId {
        if (value == null || !Ulid.isValid(value)) {
            throw new IllegalArgumentException("a certificate id is a ULID");
        }
    }
}
