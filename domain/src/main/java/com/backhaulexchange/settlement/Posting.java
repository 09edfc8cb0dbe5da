package com.backhaulexchange.settlement;

import java.util.List;
import java.util.Objects;

/**
 * A balanced set of ledger lines for one economic event: a delivered booking's gains, a risk event, or the
 * period's pool transfers. {@code reference} names the event (a booking id, or "pool"); {@code adjustment}
 * marks an event of an earlier, closed period settled in this one.
 */
public record Posting(String id, Kind kind, String reference, long originalPeriod, boolean adjustment,
        List<LedgerLine> lines) {

    public enum Kind {
        REALISED_GAIN,
        RISK_EVENT,
        POOL_TRANSFER
    }

    public Posting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        lines = List.copyOf(lines);
        long sum = 0;
        for (LedgerLine line : lines) {
            sum = Math.addExact(sum, line.amountMinorUnits());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("posting " + reference + " does not balance: " + sum);
        }
    }
}
