package com.backhaulexchange.deal.negotiation;

/** The two sides of a match: the carrier with the truck and the shipper with the load. */
public enum Side {
    CARRIER,
    SHIPPER;

    public Side other() {
        return this == CARRIER ? SHIPPER : CARRIER;
    }
}
