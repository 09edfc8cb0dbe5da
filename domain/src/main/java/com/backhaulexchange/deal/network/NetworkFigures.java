package com.backhaulexchange.deal.network;

import com.backhaulexchange.matching.MatchingRegion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The operator's network figures over a week range: one row per region and week that has counters, a total
 * per region and the network's total, each the plain sum of the rows below it (so every figure reconciles).
 * The ratios (empty-mile shares, match rate, conversion, mean time to first match) are computed from the
 * summed counters, never averaged from the rows' ratios.
 */
public record NetworkFigures(NetworkWeek from, NetworkWeek to, List<Row> rows, Map<MatchingRegion, NetworkCounters> byRegion,
        NetworkCounters total) {

    /** At most a year of ISO weeks (a week-based year has 52 or 53). */
    public static final int MAX_WEEKS = 53;

    public record Row(MatchingRegion region, NetworkWeek week, NetworkCounters counters) {
    }

    public NetworkFigures {
        rows = List.copyOf(rows);
        byRegion = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byRegion));
        Objects.requireNonNull(total, "total");
    }

    /** Sums the stored region-week counters of the range (entries outside it are ignored). */
    public static NetworkFigures of(NetworkWeek from, NetworkWeek to, List<NetworkEntry> stored) {
        List<Row> rows = new ArrayList<>();
        Map<MatchingRegion, NetworkCounters> byRegion = new TreeMap<>(Comparator.comparing(MatchingRegion::value));
        NetworkCounters total = NetworkCounters.ZERO;
        List<NetworkEntry> sorted = new ArrayList<>(stored);
        sorted.sort(Comparator.comparing((NetworkEntry e) -> e.region().value()).thenComparing(NetworkEntry::week));
        for (NetworkEntry entry : sorted) {
            if (entry.week().compareTo(from) < 0 || entry.week().compareTo(to) > 0) {
                continue;
            }
            rows.add(new Row(entry.region(), entry.week(), entry.counters()));
            byRegion.merge(entry.region(), entry.counters(), NetworkCounters::plus);
            total = total.plus(entry.counters());
        }
        return new NetworkFigures(from, to, rows, byRegion, total);
    }
}
