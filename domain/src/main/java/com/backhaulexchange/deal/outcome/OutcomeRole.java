package com.backhaulexchange.deal.outcome;

/**
 * The role a partner played in a booking. A broker is no party to a booking: it reads a principal's figures
 * through a delegation in force.
 */
public enum OutcomeRole {
    /** Drove the truck: empty miles, the baseline, earnings (agreed amount − incremental cost). */
    CARRIER,
    /** Had the load moved: savings (its price without the exchange − agreed amount). */
    SHIPPER
}
