package com.backhaulexchange.deal.outcome;

import com.backhaulexchange.partner.PartnerId;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One partner's counters for one day and one lane pair, per role: one small stored item, apart from the day's
 * item so that a delivery's write stays small however many lane pairs and counterparties the day has (ADR 45).
 */
public record LanePairDay(LocalDate day, LanePair lanePair, Map<OutcomeRole, OutcomeFigures> figures) {

    public LanePairDay {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(lanePair, "lanePair");
        figures = Map.copyOf(figures);
    }

    /** The lane-pair days of one partner made of deliveries (what the store's ADD counters amount to). */
    public static List<LanePairDay> of(PartnerId partner, List<DeliveredOutcome> outcomes) {
        record Key(LocalDate day, LanePair lanePair) {
        }
        Map<Key, Map<OutcomeRole, OutcomeFigures>> items = new LinkedHashMap<>();
        for (DeliveredOutcome outcome : outcomes) {
            for (LedgerEntry entry : outcome.entries()) {
                if (entry.partner().equals(partner)) {
                    items.computeIfAbsent(new Key(entry.day(), outcome.lanePair()),
                            key -> new EnumMap<>(OutcomeRole.class)).merge(entry.role(), entry.figures(), OutcomeFigures::plus);
                }
            }
        }
        return items.entrySet().stream()
                .map(item -> new LanePairDay(item.getKey().day(), item.getKey().lanePair(), item.getValue()))
                .toList();
    }
}
