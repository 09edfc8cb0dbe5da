package com.backhaulexchange.lane;

/** The two sides of the exchange: a carrier's empty leg, or a shipper's load. */
public enum LaneKind {
    CAPACITY,
    LOAD
}
