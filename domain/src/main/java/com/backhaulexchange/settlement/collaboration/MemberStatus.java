package com.backhaulexchange.settlement.collaboration;

/** INVITED → ACTIVE (accepted) or DECLINED; ACTIVE → LEFT. A DECLINED or LEFT partner may be invited again. */
public enum MemberStatus {
    INVITED,
    ACTIVE,
    DECLINED,
    LEFT
}
