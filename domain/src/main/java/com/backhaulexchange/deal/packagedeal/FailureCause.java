package com.backhaulexchange.deal.packagedeal;

/** Why a package failed; every party is told this much and no more. */
public enum FailureCause {
    /** A shipper declined its load's offer. */
    DECLINED,
    /** The carrier (or its broker) withdrew the package. */
    WITHDRAWN,
    /** An offer on the table lapsed before it was answered, or the package's deadline passed. */
    LAPSED,
    /** Another booking took one of the loads or the truck. */
    SUPERSEDED
}
