package com.backhaulexchange.partner;

public enum PartnerStatus {
    ACTIVE,
    /** Set by an operator: every API key of the partner stops working at once. */
    SUSPENDED
}
