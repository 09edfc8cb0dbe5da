package com.backhaulexchange.matching;

import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.kernel.money.Money;
import java.util.Objects;

/**
 * Everything the feasibility rules judge a pair on: the two lanes, the carrier's cost per mile, the
 * route's miles, the drive plan (legs: to the pickup, to the delivery, to the end point) and the economics
 * (null when the two sides price in different currencies).
 */
public record MatchFacts(CapacityLane capacity, LoadLane load, Money carrierCostPerMile, RouteMiles miles,
        DrivePlan plan, MatchEconomics economics) {

    public MatchFacts {
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(carrierCostPerMile, "carrierCostPerMile");
        Objects.requireNonNull(miles, "miles");
        Objects.requireNonNull(plan, "plan");
        if (plan.stops().size() != 3) {
            throw new IllegalArgumentException("a match plan has three stops: pickup, delivery, end point");
        }
    }

    public DrivePlan.StopTimes pickup() {
        return plan.stops().get(0);
    }

    public DrivePlan.StopTimes delivery() {
        return plan.stops().get(1);
    }

    public DrivePlan.StopTimes end() {
        return plan.stops().get(2);
    }
}
