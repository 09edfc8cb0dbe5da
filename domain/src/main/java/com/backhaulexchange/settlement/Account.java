package com.backhaulexchange.settlement;

/**
 * The ledger's accounts. Member accounts are kept per member; {@link #CLEARING} is the collaboration's own
 * account, the counter-entry of what the members realised and lost. A positive amount is a credit (it adds
 * to the holder's result), a negative one a debit.
 */
public enum Account {
    /** A member's realised gain on a delivered booking (credit; a debit when the booking lost money). */
    REALISED_GAIN,
    /** A member's share of the pool: credit when it receives, debit when it pays. Sums to zero per period. */
    POOL_TRANSFER,
    /** The loss a member suffered through another's cancellation (debit). */
    RISK_LOSS,
    /** The same loss made good to the member that suffered it (credit). */
    RISK_RECOVERY,
    /** What a member bears of a risk cost under the risk terms (debit). */
    RISK_CHARGE,
    /** The collaboration's clearing account. */
    CLEARING
}
