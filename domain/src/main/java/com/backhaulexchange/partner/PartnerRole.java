package com.backhaulexchange.partner;

/** What a partner company does on the exchange; a company may hold several roles. */
public enum PartnerRole {
    SHIPPER,
    CARRIER,
    BROKER
}
