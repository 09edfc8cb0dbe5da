package com.backhaulexchange.settlement.collaboration;

import com.backhaulexchange.partner.PartnerId;
import java.util.Objects;

/**
 * A partner's membership: its status, the first period it takes part in ({@code joinsAtPeriod}, set on
 * acceptance) and the last ({@code leavesAfterPeriod}, set on leaving). It takes part in period k when it
 * accepted and joinsAtPeriod ≤ k ≤ leavesAfterPeriod (no upper bound while ACTIVE).
 */
public record Member(PartnerId partner, MemberStatus status, Long joinsAtPeriod, Long leavesAfterPeriod) {

    public Member {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(status, "status");
    }

    static Member invited(PartnerId partner) {
        return new Member(partner, MemberStatus.INVITED, null, null);
    }

    public boolean isActiveIn(long period) {
        return (status == MemberStatus.ACTIVE || status == MemberStatus.LEFT) && joinsAtPeriod != null
                && joinsAtPeriod <= period && (leavesAfterPeriod == null || period <= leavesAfterPeriod);
    }
}
