package com.backhaulexchange.settlement.collaboration;

/**
 * How the creator takes part: as a MEMBER (a shipper or carrier pooling its own lanes) or as the BROKER that
 * organises the collaboration for its clients without being a member (its lanes are not pooled).
 */
public enum CreatorRole {
    MEMBER,
    BROKER
}
