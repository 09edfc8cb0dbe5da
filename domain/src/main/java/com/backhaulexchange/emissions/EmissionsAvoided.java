package com.backhaulexchange.emissions;

import java.util.Objects;

/**
 * CO₂e avoided: the baseline's estimate minus the actual run's, both from the same factor set and fuel
 * economy so that the difference comes from the miles and loads alone. Negative when the run adds emissions.
 */
public record EmissionsAvoided(EmissionsEstimate baseline, EmissionsEstimate actual) {
    public EmissionsAvoided {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(actual, "actual");
        if (!baseline.factorSetId().equals(actual.factorSetId())
                || !baseline.factorSetVersion().equals(actual.factorSetVersion())
                || baseline.fuelEconomySource() != actual.fuelEconomySource()) {
            throw new IllegalArgumentException("baseline and actual must come from the same factors");
        }
    }

    public double kgCo2eWellToWheelAvoided() {
        return baseline.kgCo2eWellToWheel() - actual.kgCo2eWellToWheel();
    }

    public double kgCo2eTankToWheelAvoided() {
        return baseline.kgCo2eTankToWheel() - actual.kgCo2eTankToWheel();
    }

    public String factorSetId() {
        return actual.factorSetId();
    }

    public String factorSetVersion() {
        return actual.factorSetVersion();
    }

    public FuelEconomySource fuelEconomySource() {
        return actual.fuelEconomySource();
    }
}
