package com.backhaulexchange.matching.chain;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.matching.DrivePlan;
import java.util.List;
import java.util.Objects;

/**
 * Everything the chain rules judge a chain on: the lane, the ordered loads, the carrier's cost per mile and
 * reload preferences, the market rate that prices a load without a budget, the miles, the drive plan (legs:
 * to pickup 1, to delivery 1, to pickup 2, …, to the end point), the economics (null when the prices are in
 * different currencies) and the single-load comparison.
 */
public record ChainFacts(CapacityLane capacity, List<LoadLane> loads, Money carrierCostPerMile,
        ReloadPreferences preferences, Money marketRatePerLoadedMile, ChainMiles miles, DrivePlan plan,
        ChainEconomics economics, ChainExplanation.SingleLoadComparison singleLoads) {

    public ChainFacts {
        Objects.requireNonNull(capacity, "capacity");
        loads = List.copyOf(loads);
        Objects.requireNonNull(carrierCostPerMile, "carrierCostPerMile");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(marketRatePerLoadedMile, "marketRatePerLoadedMile");
        Objects.requireNonNull(miles, "miles");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(singleLoads, "singleLoads");
        if (plan.stops().size() != 2 * loads.size() + 1 || miles.loads().size() != loads.size()) {
            throw new IllegalArgumentException("a chain plan has a pickup and a delivery per load and the end point");
        }
    }

    public DrivePlan.StopTimes pickup(int loadIndex) {
        return plan.stops().get(2 * loadIndex);
    }

    public DrivePlan.StopTimes delivery(int loadIndex) {
        return plan.stops().get(2 * loadIndex + 1);
    }

    public DrivePlan.StopTimes end() {
        return plan.stops().getLast();
    }

    public int lastIndex() {
        return loads.size() - 1;
    }
}
