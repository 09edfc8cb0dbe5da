package com.backhaulexchange.matching;

import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;

/**
 * The road miles of a matched route and of the carrier's baseline, and what follows from them. The
 * route is empty point → pickup (origin deadhead) → delivery (loaded) → end point (destination deadhead);
 * the baseline is the empty drive from the empty point straight to the end point.
 */
public record RouteMiles(double originDeadheadMiles, double loadedMiles, double destinationDeadheadMiles,
        double baselineEmptyMiles) {

    public RouteMiles {
        for (double miles : new double[] {originDeadheadMiles, loadedMiles, destinationDeadheadMiles,
                baselineEmptyMiles}) {
            if (!(miles >= 0) || Double.isInfinite(miles)) {
                throw new IllegalArgumentException("miles must be finite and non-negative, was " + miles);
            }
        }
    }

    public static RouteMiles of(CapacityLane capacity, LoadLane load, RoadDistanceModel roads) {
        return new RouteMiles(
                roads.roadMiles(capacity.emptyAt().coordinates(), load.origin().coordinates()),
                roads.roadMiles(load.origin().coordinates(), load.destination().coordinates()),
                roads.roadMiles(load.destination().coordinates(), capacity.mustEndAt().coordinates()),
                roads.roadMiles(capacity.emptyAt().coordinates(), capacity.mustEndAt().coordinates()));
    }

    public double routeMiles() {
        return originDeadheadMiles + loadedMiles + destinationDeadheadMiles;
    }

    /**
     * The route's miles beyond the baseline. Never negative: with distances proportional to great-circle
     * ones the triangle inequality holds, so only rounding could make it so, and it is clamped at zero.
     */
    public double outOfRouteMiles() {
        return Math.max(0, routeMiles() - baselineEmptyMiles);
    }

    /** Baseline minus the empty miles of the route; negative when the match adds empty miles. */
    public double emptyMilesAvoided() {
        return baselineEmptyMiles - (originDeadheadMiles + destinationDeadheadMiles);
    }

    public double totalDeadheadMiles() {
        return originDeadheadMiles + destinationDeadheadMiles;
    }
}
