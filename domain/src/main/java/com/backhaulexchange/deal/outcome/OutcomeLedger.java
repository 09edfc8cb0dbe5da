package com.backhaulexchange.deal.outcome;

import com.backhaulexchange.partner.PartnerId;
import java.time.LocalDate;
import java.util.List;

/** The per-partner daily counters, as stored. */
public interface OutcomeLedger {

    /**
     * The partner's day ledgers from {@code from} to {@code to} inclusive, days without deliveries left out: one
     * item per day, so at most {@link OutcomeQuery#MAX_DAYS} reads however long the history.
     */
    List<DayLedger> days(PartnerId partner, LocalDate from, LocalDate to);

    /**
     * The partner's lane-pair days from {@code from} to {@code to} inclusive (ADR 45): one small item per day and
     * lane pair with deliveries, so at most one per delivery and never more than the range's days times the
     * partner's lane pairs. Deliveries recorded before lane pairs were counted have none.
     */
    List<LanePairDay> lanePairDays(PartnerId partner, LocalDate from, LocalDate to);
}
