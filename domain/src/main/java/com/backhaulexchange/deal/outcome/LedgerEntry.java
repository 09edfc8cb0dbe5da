package com.backhaulexchange.deal.outcome;

import com.backhaulexchange.partner.PartnerId;
import java.time.LocalDate;
import java.util.Objects;

/** What one delivery adds to one partner's counters for a day, in one role, against one counterparty. */
public record LedgerEntry(PartnerId partner, LocalDate day, OutcomeRole role, PartnerId counterparty,
        OutcomeFigures figures) {
    public LedgerEntry {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(counterparty, "counterparty");
        Objects.requireNonNull(figures, "figures");
    }
}
