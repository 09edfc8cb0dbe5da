package com.backhaulexchange.compliance;

/** An operating authority's standing, as the exchange's operator last set it. */
public enum AuthorityStatus {
    ACTIVE,
    /** The operator found the authority revoked (FMCSA out-of-service, revocation): no booking until reinstated. */
    REVOKED
}
