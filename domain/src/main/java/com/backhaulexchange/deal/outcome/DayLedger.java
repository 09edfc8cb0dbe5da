package com.backhaulexchange.deal.outcome;

import com.backhaulexchange.partner.PartnerId;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One partner's counters for one day, per role, in total and per counterparty: one stored item. */
public record DayLedger(LocalDate day, Map<OutcomeRole, OutcomeFigures> totals,
        Map<OutcomeRole, Map<PartnerId, OutcomeFigures>> byCounterparty) {

    public DayLedger {
        Objects.requireNonNull(day, "day");
        totals = Map.copyOf(totals);
        Map<OutcomeRole, Map<PartnerId, OutcomeFigures>> copy = new EnumMap<>(OutcomeRole.class);
        byCounterparty.forEach((role, parties) -> copy.put(role, Map.copyOf(parties)));
        byCounterparty = Map.copyOf(copy);
    }

    /** The day's ledger of one partner made of entries (what the store's ADD counters amount to). */
    public static DayLedger of(LocalDate day, List<LedgerEntry> entries) {
        Map<OutcomeRole, OutcomeFigures> totals = new EnumMap<>(OutcomeRole.class);
        Map<OutcomeRole, Map<PartnerId, OutcomeFigures>> parties = new EnumMap<>(OutcomeRole.class);
        for (LedgerEntry entry : entries) {
            if (!entry.day().equals(day)) {
                throw new IllegalArgumentException("entry of " + entry.day() + " in the ledger of " + day);
            }
            totals.merge(entry.role(), entry.figures(), OutcomeFigures::plus);
            parties.computeIfAbsent(entry.role(), role -> new LinkedHashMap<>())
                    .merge(entry.counterparty(), entry.figures(), OutcomeFigures::plus);
        }
        return new DayLedger(day, totals, parties);
    }
}
