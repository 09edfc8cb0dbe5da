package com.backhaulexchange.emissions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The legs a match or chain actually drives and the legs of its baseline, what would be driven without it:
 * the carrier's truck runs home empty, and each load goes on a dedicated truck that returns empty.
 */
public record RunComparison(List<TripLeg> baseline, List<TripLeg> actual) {
    public RunComparison {
        baseline = List.copyOf(Objects.requireNonNull(baseline, "baseline"));
        actual = List.copyOf(Objects.requireNonNull(actual, "actual"));
    }

    /**
     * One load: empty point → pickup (origin deadhead) → delivery → end point (destination deadhead), against
     * the straight empty run from the empty point to the end point (the baseline of {@code RouteMiles}) plus the
     * load's dedicated truck there and back.
     */
    public static RunComparison ofMatch(double originDeadheadMiles, CarriedLoad load, double destinationDeadheadMiles,
            double baselineEmptyMiles) {
        return ofChain(baselineEmptyMiles, List.of(originDeadheadMiles), List.of(load), destinationDeadheadMiles);
    }

    /**
     * Loads carried one after another: {@code emptyMilesIntoPickups.get(i)} is the empty hop into load i's pickup
     * (from the empty point for the first), then the loads, then the destination deadhead to the end point.
     */
    public static RunComparison ofChain(double baselineEmptyMiles, List<Double> emptyMilesIntoPickups,
            List<CarriedLoad> loads, double destinationDeadheadMiles) {
        if (loads.isEmpty() || emptyMilesIntoPickups.size() != loads.size()) {
            throw new IllegalArgumentException("one empty hop per load is needed, and at least one load: "
                    + emptyMilesIntoPickups.size() + " hops for " + loads.size() + " loads");
        }
        List<TripLeg> baseline = new ArrayList<>();
        baseline.add(TripLeg.empty(baselineEmptyMiles));
        List<TripLeg> actual = new ArrayList<>();
        for (int i = 0; i < loads.size(); i++) {
            CarriedLoad load = loads.get(i);
            baseline.add(TripLeg.laden(load.loadedMiles(), load.ladenFraction()));
            baseline.add(TripLeg.empty(load.loadedMiles()));
            actual.add(TripLeg.empty(emptyMilesIntoPickups.get(i)));
            actual.add(TripLeg.laden(load.loadedMiles(), load.ladenFraction()));
        }
        actual.add(TripLeg.empty(destinationDeadheadMiles));
        return new RunComparison(baseline, actual);
    }

    /**
     * The exchange's reported baseline (ADR 26): without the match or chain the carrier's truck runs straight
     * home empty ({@code baselineEmptyMiles}, as {@code RouteMiles}); with it the truck drives {@code
     * emptyMilesDriven} empty (the hops into each pickup and the destination deadhead). The loads move laden on
     * either side, on some truck, so their legs are identical and left out of both: what is avoided is the empty
     * miles avoided at the empty truck's rate, the figure that reconciles with the empty miles reported beside
     * it. No dedicated truck's empty return is counted (that is {@link #ofChain}'s baseline).
     */
    public static RunComparison againstRunHome(double baselineEmptyMiles, List<Double> emptyMilesDriven) {
        return new RunComparison(List.of(TripLeg.empty(baselineEmptyMiles)),
                emptyMilesDriven.stream().map(TripLeg::empty).toList());
    }
}
