package com.backhaulexchange.matching;

/**
 * PROPOSED: both lanes open, the match is offered to both parties. RETRACTED: one lane was withdrawn or booked
 * with another partner. BOOKED: the parties agreed on this pair; its lanes are booked.
 */
public enum MatchStatus {
    PROPOSED,
    RETRACTED,
    BOOKED
}
