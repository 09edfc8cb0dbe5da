package com.backhaulexchange.settlement;

import com.backhaulexchange.partner.PartnerId;
import java.util.Objects;

/**
 * One line of a posting: {@code amountMinorUnits} on {@code account} of {@code member} (null for
 * {@link Account#CLEARING}); positive = credit, negative = debit. {@code originalPeriod} is the period the
 * underlying event belongs to (the settled period, or an earlier one for an adjustment). The id is derived
 * from (collaboration, period, posting, line number), so re-settling produces the same ids.
 */
public record LedgerLine(String id, int lineNumber, Account account, PartnerId member, long amountMinorUnits,
        long originalPeriod) {

    public LedgerLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        if ((account == Account.CLEARING) != (member == null)) {
            throw new IllegalArgumentException("the clearing account has no member, every other account one");
        }
    }
}
