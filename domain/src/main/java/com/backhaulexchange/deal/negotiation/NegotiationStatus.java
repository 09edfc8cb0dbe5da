package com.backhaulexchange.deal.negotiation;

/**
 * Where a negotiation stands. OPEN while an offer is on the table; every other status is final:
 * AGREED (an offer was accepted, by a party or its auto-accept price: the lanes are to be booked),
 * REJECTED (the receiving side turned an offer down), WITHDRAWN (the author took its offer back),
 * EXPIRED (the offer on the table lapsed), ROUNDS_EXHAUSTED (the last offer the rounds limit allows was
 * rejected: the parties ran out of rounds), SUPERSEDED (one of the lanes was booked through another
 * negotiation).
 */
public enum NegotiationStatus {
    OPEN,
    AGREED,
    REJECTED,
    WITHDRAWN,
    EXPIRED,
    ROUNDS_EXHAUSTED,
    SUPERSEDED;

    public boolean isClosed() {
        return this != OPEN;
    }
}
