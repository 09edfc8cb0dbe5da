package com.backhaulexchange.emissions;

import java.util.Objects;

/**
 * CO₂e per US gallon of a fuel: well-to-tank (producing and delivering it) and tank-to-wheel (burning it).
 * Well-to-wheel is their sum.
 */
public record FuelEmissionFactor(Fuel fuel, double kgCo2eWellToTankPerGallon, double kgCo2eTankToWheelPerGallon) {
    public FuelEmissionFactor {
        Objects.requireNonNull(fuel, "fuel");
        if (!(kgCo2eWellToTankPerGallon >= 0) || Double.isInfinite(kgCo2eWellToTankPerGallon)) {
            throw new IllegalArgumentException(
                    "kgCo2eWellToTankPerGallon must be finite and non-negative, was " + kgCo2eWellToTankPerGallon);
        }
        FuelEconomy.requirePositive("kgCo2eTankToWheelPerGallon", kgCo2eTankToWheelPerGallon);
    }

    public double kgCo2eWellToWheelPerGallon() {
        return kgCo2eWellToTankPerGallon + kgCo2eTankToWheelPerGallon;
    }
}
