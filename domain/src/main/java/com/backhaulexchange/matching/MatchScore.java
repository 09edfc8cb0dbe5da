package com.backhaulexchange.matching;

import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.kernel.money.Money;
import java.util.Objects;

/** What a feasible pair is ranked by; see {@link MatchScorer#BEST_FIRST}. */
public record MatchScore(Money surplus, double emptyMilesAvoided, double outOfRouteMiles,
        CapacityLaneId capacityLaneId, LoadLaneId loadLaneId) {

    public MatchScore {
        Objects.requireNonNull(surplus, "surplus");
        Objects.requireNonNull(capacityLaneId, "capacityLaneId");
        Objects.requireNonNull(loadLaneId, "loadLaneId");
    }
}
