package com.backhaulexchange.function.optimiser;

import com.backhaulexchange.gazetteer.Gazetteer;
import com.backhaulexchange.gazetteer.GazetteerEntry;
import com.backhaulexchange.matching.MatchingRegion;
import java.util.List;

/**
 * The regions the schedule optimises: every region holding a city of the gazetteer, where postings by name
 * land and nearly all postings by coordinates too. The operator route optimises any region on request.
 */
final class OptimiserRegions {
    private OptimiserRegions() {
    }

    static List<MatchingRegion> ofGazetteer(Gazetteer gazetteer) {
        return gazetteer.entries().stream().map(GazetteerEntry::coordinates).map(MatchingRegion::of).distinct()
                .sorted(java.util.Comparator.comparing(MatchingRegion::value)).toList();
    }
}
