package com.backhaulexchange.benchmarks.allocation;

import com.backhaulexchange.settlement.allocation.AssignmentMarket;
import com.backhaulexchange.gazetteer.GazetteerEntry;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One collaboration's period book: its members (ascending partner ids; member i is player i of the market),
 * the trucks and loads each posted in the period, every feasible (truck, load) pair with its surplus as the
 * match engine's {@code MatchEvaluator} prices it, and each member's cost per mile as a carrier.
 */
record AllocationBook(GazetteerEntry hub, List<PartnerId> members, List<CapacityLane> capacities,
        List<LoadLane> loads, List<Pair> pairs, Map<PartnerId, Money> carrierCostsPerMile) {

    /**
     * A feasible pair: row (capacity index), column (load index), surplus = shipper price − carrier
     * incremental cost (minor units, > 0), and the figures a booking of it would realise.
     */
    record Pair(int capacity, int load, long surplus, long shipperPrice, long carrierIncrementalCost,
            Instant pickupAt) {
    }

    AllocationBook {
        members = List.copyOf(members);
        capacities = List.copyOf(capacities);
        loads = List.copyOf(loads);
        pairs = List.copyOf(pairs);
        carrierCostsPerMile = Map.copyOf(carrierCostsPerMile);
    }

    int size() {
        return members.size();
    }

    int capacityOwner(int capacity) {
        return members.indexOf(capacities.get(capacity).carrier());
    }

    int loadOwner(int load) {
        return members.indexOf(loads.get(load).shipper());
    }

    /** The assignment game: v(S) = the best matching over the lanes of S's members. */
    AssignmentMarket market() {
        AssignmentMarket.Builder market = AssignmentMarket.builder(members.size());
        for (int i = 0; i < capacities.size(); i++) {
            market.capacityLane(capacityOwner(i));
        }
        for (int j = 0; j < loads.size(); j++) {
            market.loadLane(loadOwner(j));
        }
        for (Pair pair : pairs) {
            market.surplus(pair.capacity(), pair.load(), pair.surplus());
        }
        return market.build();
    }
}
