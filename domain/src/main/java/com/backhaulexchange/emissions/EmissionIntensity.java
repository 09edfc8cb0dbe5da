package com.backhaulexchange.emissions;

/** CO₂e per mile of a truck at one laden fraction. */
public record EmissionIntensity(double kgCo2eWellToTankPerMile, double kgCo2eTankToWheelPerMile) {
    public double kgCo2eWellToWheelPerMile() {
        return kgCo2eWellToTankPerMile + kgCo2eTankToWheelPerMile;
    }
}
