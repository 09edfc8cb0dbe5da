package com.backhaulexchange.deal.network;

import com.backhaulexchange.matching.MatchingRegion;
import java.util.Collection;
import java.util.List;

/**
 * The network counters as stored, one item per ISO week and region (ADR 41). Every read is bounded by the
 * range asked for, never by the history: at most {@link NetworkFigures#MAX_WEEKS} weeks.
 */
public interface NetworkLedger {

    /** Every region's counters in the weeks {@code from}..{@code to}: one query per week. */
    List<NetworkEntry> allRegions(NetworkWeek from, NetworkWeek to);

    /** The counters of the given regions in the weeks {@code from}..{@code to}: one item per region and week. */
    List<NetworkEntry> regions(Collection<MatchingRegion> regions, NetworkWeek from, NetworkWeek to);
}
