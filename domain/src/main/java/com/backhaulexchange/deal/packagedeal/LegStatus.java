package com.backhaulexchange.deal.packagedeal;

/**
 * Where one load's negotiation within a package stands: whose offer is on the table, or how the shipper
 * answered. An ACCEPTED leg binds its shipper until the package books or fails: it cannot be taken back alone.
 */
public enum LegStatus {
    /** The carrier's offer is on the table: the shipper may accept, counter or decline. */
    AWAITING_SHIPPER,
    /** The shipper's counter-offer is on the table: the carrier may accept or counter it. */
    AWAITING_CARRIER,
    ACCEPTED,
    DECLINED
}
