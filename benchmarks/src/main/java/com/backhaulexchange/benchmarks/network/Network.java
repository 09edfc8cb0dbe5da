package com.backhaulexchange.benchmarks.network;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.partner.PartnerId;
import java.util.List;
import java.util.Map;

/**
 * A freight network at one moment: the trucks that are empty somewhere and must get home (capacity lanes),
 * the loads waiting to move, and each carrier's operating cost per mile. Trucks and loads are referred to by
 * their index in these lists everywhere in this package.
 */
record Network(List<CapacityLane> trucks, List<LoadLane> loads, Map<PartnerId, Money> carrierCostsPerMile) {
    Network {
        trucks = List.copyOf(trucks);
        loads = List.copyOf(loads);
        carrierCostsPerMile = Map.copyOf(carrierCostsPerMile);
    }

    int lanes() {
        return trucks.size() + loads.size();
    }

    Money costOf(CapacityLane truck) {
        return carrierCostsPerMile.get(truck.carrier());
    }
}
