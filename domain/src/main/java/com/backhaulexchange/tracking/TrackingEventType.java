package com.backhaulexchange.tracking;

/**
 * What tracking tells the parties, after the in-transit visibility status events of the NMFTA DSDC standard in our
 * own words: the truck arrived at a stop, departed from it, its ETA at the next stop moved, or it will be late.
 */
public enum TrackingEventType {
    ARRIVED,
    DEPARTED,
    ETA_CHANGED,
    DELAYED
}
