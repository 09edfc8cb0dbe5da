package com.backhaulexchange.settlement;

import com.backhaulexchange.partner.PartnerId;
import java.util.List;

/**
 * Whether the final results are stable: no coalition S of members got less in total than v(S), what its own
 * lanes alone would have earned. {@code exhaustive}: every coalition was checked (up to 12 members);
 * above, only the single members and the coalitions of all but one ({@code coalitionsChecked} of them).
 * {@code blocking} lists the largest gaps first (at most 20), {@code blockingCount} counts them all.
 */
public record Stability(boolean exhaustive, long coalitionsChecked, int blockingCount, List<Blocking> blocking) {

    public Stability {
        blocking = List.copyOf(blocking);
    }

    public boolean stable() {
        return blockingCount == 0;
    }

    /** A coalition whose members got {@code allocated} in total, less than its value: {@code gap} > 0. */
    public record Blocking(List<PartnerId> members, double value, double allocated, double gap) {
        public Blocking {
            members = List.copyOf(members);
        }
    }
}
