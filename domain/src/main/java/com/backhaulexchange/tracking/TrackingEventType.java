package com.backhaulexchange.tracking;

/**
 * What tracking tells the parties, after the in-transit visibility status events of the NMFTA DSDC standard in our
 * own words: the truck arrived at a stop, departed from it, its ETA at the next stop moved, it will be late, or the
 * consignee's signed proof of delivery is in storage and verified (ADR 38).
 */
public enum TrackingEventType {
    ARRIVED,
    DEPARTED,
    ETA_CHANGED,
    DELAYED,
    PROOF_OF_DELIVERY
}
