package com.backhaulexchange.emissions;

import java.util.Objects;
import java.util.Optional;

/**
 * The figure an explanation or a report shows: CO₂e avoided, well-to-wheel and its tank-to-wheel part, in kg,
 * negative when the run adds emissions, with the method that produced it and, when the carrier gave one, the
 * fleet fuel economy it was computed with (null: the factor set's default truck). What {@link EmissionsAvoided}
 * reduces to once the baseline and actual estimates are no longer needed (as stored); the fleet economy is kept
 * so that the figure can be recomputed from its miles, as settlement does (ADR 35, ADR 47).
 */
public record Co2eAvoided(double kgWellToWheel, double kgTankToWheel, EmissionsMethod method,
        FleetFuelEconomy fleetFuelEconomy) {

    public Co2eAvoided {
        if (!Double.isFinite(kgWellToWheel) || !Double.isFinite(kgTankToWheel)) {
            throw new IllegalArgumentException("CO2e avoided must be finite, was " + kgWellToWheel + " well-to-wheel, "
                    + kgTankToWheel + " tank-to-wheel");
        }
        Objects.requireNonNull(method, "method");
    }

    /** A figure computed with the factor set's default truck. */
    public Co2eAvoided(double kgWellToWheel, double kgTankToWheel, EmissionsMethod method) {
        this(kgWellToWheel, kgTankToWheel, method, null);
    }

    /** With the default truck; see {@link #of(EmissionsAvoided, Optional)}. */
    public static Co2eAvoided of(EmissionsAvoided avoided) {
        return of(avoided, Optional.empty());
    }

    /** {@code avoided} as computed with {@code fleet} (empty: the default truck). */
    public static Co2eAvoided of(EmissionsAvoided avoided, Optional<FleetFuelEconomy> fleet) {
        if (avoided.fuelEconomySource() != (fleet.isPresent() ? FuelEconomySource.PARTNER_FLEET
                : FuelEconomySource.FACTOR_SET_DEFAULT)) {
            throw new IllegalArgumentException("the figure was computed with " + avoided.fuelEconomySource()
                    + ", not with the fleet given");
        }
        return new Co2eAvoided(avoided.kgCo2eWellToWheelAvoided(), avoided.kgCo2eTankToWheelAvoided(),
                new EmissionsMethod(avoided.factorSetId(), avoided.factorSetVersion()), fleet.orElse(null));
    }

    public double kgWellToTank() {
        return kgWellToWheel - kgTankToWheel;
    }

    /** Whose fuel economy the figure used. */
    public FuelEconomySource fuelEconomySource() {
        return fleetFuelEconomy == null ? FuelEconomySource.FACTOR_SET_DEFAULT : FuelEconomySource.PARTNER_FLEET;
    }

    /** The carrier's fleet fuel economy the figure used, empty when it used the default truck. */
    public Optional<FleetFuelEconomy> fleet() {
        return Optional.ofNullable(fleetFuelEconomy);
    }
}
