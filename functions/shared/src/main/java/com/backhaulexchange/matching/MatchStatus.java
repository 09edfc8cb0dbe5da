package com.backhaulexchange.matching;

/** PROPOSED: both lanes open, the match is offered to both parties. RETRACTED: one lane was withdrawn. */
public enum MatchStatus {
    PROPOSED,
    RETRACTED
}
