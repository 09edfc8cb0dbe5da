package com.backhaulexchange.matching.chain;

import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import java.util.ArrayList;
import java.util.List;

/**
 * The road miles of a chain and of the carrier's baseline. Each load has the empty hop into its pickup (from
 * the lane's start for the first, from the previous delivery for the others) and its loaded miles; then the
 * destination deadhead from the last delivery to the lane's end. The baseline is what
 * {@link com.backhaulexchange.matching.RouteMiles} calls it: the empty drive from the lane's start straight to
 * its end (zero for a round trip).
 */
public record ChainMiles(List<LoadMiles> loads, double destinationDeadheadMiles, double baselineEmptyMiles) {

    /** The empty hop into one load's pickup and the load's own loaded miles. */
    public record LoadMiles(double deadheadToPickupMiles, double loadedMiles) {
        public LoadMiles {
            requireMiles(deadheadToPickupMiles);
            requireMiles(loadedMiles);
        }
    }

    public ChainMiles {
        loads = List.copyOf(loads);
        if (loads.isEmpty()) {
            throw new IllegalArgumentException("a chain has loads");
        }
        requireMiles(destinationDeadheadMiles);
        requireMiles(baselineEmptyMiles);
    }

    public static ChainMiles of(CapacityLane capacity, List<LoadLane> loads, RoadDistanceModel roads) {
        List<LoadMiles> legs = new ArrayList<>(loads.size());
        var from = capacity.emptyAt().coordinates();
        for (LoadLane load : loads) {
            legs.add(new LoadMiles(roads.roadMiles(from, load.origin().coordinates()),
                    roads.roadMiles(load.origin().coordinates(), load.destination().coordinates())));
            from = load.destination().coordinates();
        }
        return new ChainMiles(legs, roads.roadMiles(from, capacity.mustEndAt().coordinates()),
                roads.roadMiles(capacity.emptyAt().coordinates(), capacity.mustEndAt().coordinates()));
    }

    /** The first hop, from where the truck is empty to the first pickup. */
    public double originDeadheadMiles() {
        return loads.getFirst().deadheadToPickupMiles();
    }

    /** The hops between a delivery and the next pickup. */
    public double reloadDeadheadMiles() {
        return loads.stream().skip(1).mapToDouble(LoadMiles::deadheadToPickupMiles).sum();
    }

    public double loadedMiles() {
        return loads.stream().mapToDouble(LoadMiles::loadedMiles).sum();
    }

    public double totalDeadheadMiles() {
        return loads.stream().mapToDouble(LoadMiles::deadheadToPickupMiles).sum() + destinationDeadheadMiles;
    }

    public double routeMiles() {
        return totalDeadheadMiles() + loadedMiles();
    }

    /** The route's miles beyond the baseline, clamped at zero against rounding as in {@code RouteMiles}. */
    public double outOfRouteMiles() {
        return Math.max(0, routeMiles() - baselineEmptyMiles);
    }

    /** Baseline minus the chain's empty miles; negative when the chain adds empty miles. Never above the baseline. */
    public double emptyMilesAvoided() {
        return baselineEmptyMiles - totalDeadheadMiles();
    }

    /**
     * The miles load {@code index} is charged for (ADR 22): the hop into its pickup and its loaded miles, and
     * for the last load also the run to the lane's end. They add up to the route's miles.
     */
    public double attributableMiles(int index) {
        LoadMiles load = loads.get(index);
        return load.deadheadToPickupMiles() + load.loadedMiles()
                + (index == loads.size() - 1 ? destinationDeadheadMiles : 0);
    }

    private static void requireMiles(double miles) {
        if (!(miles >= 0) || Double.isInfinite(miles)) {
            throw new IllegalArgumentException("miles must be finite and non-negative, was " + miles);
        }
    }
}
