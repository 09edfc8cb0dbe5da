package com.backhaulexchange.benchmarks.matching;

import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.util.List;
import java.util.Map;

/**
 * A generated book: its lanes in posting order (capacities and loads interleaved as they arrived), the
 * postings that arrive after it (the measured events) and each carrier's operating cost per mile.
 */
record Book(List<PostedLane> lanes, List<PostedLane> events, Map<PartnerId, Money> carrierCostsPerMile) {
    Book {
        lanes = List.copyOf(lanes);
        events = List.copyOf(events);
        carrierCostsPerMile = Map.copyOf(carrierCostsPerMile);
    }

    List<PostedLane.Capacity> capacities() {
        return lanes.stream().filter(PostedLane.Capacity.class::isInstance).map(PostedLane.Capacity.class::cast)
                .toList();
    }

    List<PostedLane.Load> loads() {
        return lanes.stream().filter(PostedLane.Load.class::isInstance).map(PostedLane.Load.class::cast).toList();
    }
}
