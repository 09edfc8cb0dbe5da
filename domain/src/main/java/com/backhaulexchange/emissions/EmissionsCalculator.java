package com.backhaulexchange.emissions;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * CO₂e of trips and CO₂e avoided, from one factor set. A pure function: the same legs, factors and fleet
 * always give the same estimate.
 */
public record EmissionsCalculator(EmissionFactorSet factors) {

    public static final EmissionsCalculator DEFAULT = new EmissionsCalculator(EmissionFactorSet.DEFAULT);

    public EmissionsCalculator {
        Objects.requireNonNull(factors, "factors");
    }

    /** With the factor set's default truck. */
    public EmissionsEstimate estimate(List<TripLeg> legs) {
        return estimate(legs, Optional.empty());
    }

    /** With the partner's fleet fuel economy when present, else the factor set's default truck. */
    public EmissionsEstimate estimate(List<TripLeg> legs, Optional<FleetFuelEconomy> fleet) {
        Objects.requireNonNull(legs, "legs");
        FuelEconomy economy = economy(fleet);
        double wellToTank = 0;
        double tankToWheel = 0;
        for (TripLeg leg : legs) {
            EmissionIntensity intensity = factors.intensity(economy, leg.ladenFraction());
            wellToTank += leg.miles() * intensity.kgCo2eWellToTankPerMile();
            tankToWheel += leg.miles() * intensity.kgCo2eTankToWheelPerMile();
        }
        return new EmissionsEstimate(wellToTank + tankToWheel, tankToWheel, factors.id(), factors.version(),
                fleet.isPresent() ? FuelEconomySource.PARTNER_FLEET : FuelEconomySource.FACTOR_SET_DEFAULT);
    }

    /**
     * Baseline minus actual, both with the same fuel economy: the trucks of the baseline are taken to be like the
     * partner's, so that a fleet more efficient than average neither adds to nor takes from what the match avoids.
     */
    public EmissionsAvoided avoided(RunComparison run, Optional<FleetFuelEconomy> fleet) {
        Objects.requireNonNull(run, "run");
        return new EmissionsAvoided(estimate(run.baseline(), fleet), estimate(run.actual(), fleet));
    }

    public EmissionsAvoided avoided(RunComparison run) {
        return avoided(run, Optional.empty());
    }

    /**
     * For callers that hold plain figures (a match's {@code RouteMiles} and its load's weight against the truck's
     * payload), with the default truck.
     */
    public EmissionsAvoided avoidedByMatch(double originDeadheadMiles, double loadedMiles, double ladenFraction,
            double destinationDeadheadMiles, double baselineEmptyMiles) {
        return avoided(RunComparison.ofMatch(originDeadheadMiles,
                new CarriedLoad(loadedMiles, LadenFraction.of(ladenFraction)), destinationDeadheadMiles,
                baselineEmptyMiles));
    }

    /** CO₂e avoided against the run home empty ({@link RunComparison#againstRunHome}), as reported. */
    public Co2eAvoided avoidedAgainstRunHome(double baselineEmptyMiles, List<Double> emptyMilesDriven) {
        return avoidedAgainstRunHome(baselineEmptyMiles, emptyMilesDriven, Optional.empty());
    }

    /**
     * As {@link #avoidedAgainstRunHome(double, List)}, with the carrier's fleet fuel economy when it gave one
     * (ADR 47): only empty miles differ between the two runs, so only the fleet's empty figure counts.
     */
    public Co2eAvoided avoidedAgainstRunHome(double baselineEmptyMiles, List<Double> emptyMilesDriven,
            Optional<FleetFuelEconomy> fleet) {
        return Co2eAvoided.of(avoided(RunComparison.againstRunHome(baselineEmptyMiles, emptyMilesDriven), fleet),
                fleet);
    }

    private FuelEconomy economy(Optional<FleetFuelEconomy> fleet) {
        Objects.requireNonNull(fleet, "fleet");
        if (fleet.isEmpty()) {
            return factors.defaultFuelEconomy();
        }
        if (fleet.get().fuel() != factors.fuel()) {
            throw new IllegalArgumentException("the fleet burns " + fleet.get().fuel() + " but factor set "
                    + factors.id() + " is for " + factors.fuel());
        }
        return fleet.get().economy();
    }
}
