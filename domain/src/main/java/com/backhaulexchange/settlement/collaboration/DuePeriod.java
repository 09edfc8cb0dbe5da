package com.backhaulexchange.settlement.collaboration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A period of a collaboration whose close has passed and that has not been settled: the fan-out's unit. */
public record DuePeriod(String collaborationId, SettlementPeriod period) {

    /**
     * Every due period at {@code now}, given each collaboration and the index of its last settled period
     * (−1: none), ordered by collaboration id then period: the schedule's fan-out list.
     */
    public static List<DuePeriod> at(Instant now, Map<Collaboration, Long> lastSettled) {
        List<DuePeriod> due = new ArrayList<>();
        lastSettled.entrySet().stream().sorted(Map.Entry.comparingByKey(
                java.util.Comparator.comparing(Collaboration::id))).forEach(entry -> entry.getKey()
                        .periodsDue(now, entry.getValue())
                        .forEach(period -> due.add(new DuePeriod(entry.getKey().id(), period))));
        return List.copyOf(due);
    }
}
