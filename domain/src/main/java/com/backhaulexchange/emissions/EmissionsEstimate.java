package com.backhaulexchange.emissions;

import java.util.Objects;

/** CO₂e of a trip, with the factor set, version and fuel-economy source that produced it. */
public record EmissionsEstimate(double kgCo2eWellToWheel, double kgCo2eTankToWheel, String factorSetId,
        String factorSetVersion, FuelEconomySource fuelEconomySource) {

    public EmissionsEstimate {
        Objects.requireNonNull(factorSetId, "factorSetId");
        Objects.requireNonNull(factorSetVersion, "factorSetVersion");
        Objects.requireNonNull(fuelEconomySource, "fuelEconomySource");
    }

    public double kgCo2eWellToTank() {
        return kgCo2eWellToWheel - kgCo2eTankToWheel;
    }
}
