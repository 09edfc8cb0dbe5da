package com.backhaulexchange.tracking;

/** The two stops of a booked load, in the order the truck serves them. */
public enum StopKind {
    PICKUP,
    DELIVERY
}
