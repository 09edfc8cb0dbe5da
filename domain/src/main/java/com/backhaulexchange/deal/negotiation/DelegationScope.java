package com.backhaulexchange.deal.negotiation;

/** What a delegation lets a broker do for its principal. Only negotiating, for now: not booking records. */
public enum DelegationScope {
    NEGOTIATE
}
