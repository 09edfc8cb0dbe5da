package com.backhaulexchange.deal.network;

import com.backhaulexchange.matching.MatchingRegion;
import java.util.Objects;

/** What one write adds to the counters of one region and week. */
public record NetworkEntry(MatchingRegion region, NetworkWeek week, NetworkCounters counters) {
    public NetworkEntry {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(counters, "counters");
    }
}
