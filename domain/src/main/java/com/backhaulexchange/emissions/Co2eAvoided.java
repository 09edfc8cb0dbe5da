package com.backhaulexchange.emissions;

import java.util.Objects;

/**
 * The figure an explanation or a report shows: CO₂e avoided, well-to-wheel and its tank-to-wheel part, in kg,
 * negative when the run adds emissions, with the method that produced it. What {@link EmissionsAvoided} reduces
 * to once the baseline and actual estimates are no longer needed (as stored).
 */
public record Co2eAvoided(double kgWellToWheel, double kgTankToWheel, EmissionsMethod method) {

    public Co2eAvoided {
        if (!Double.isFinite(kgWellToWheel) || !Double.isFinite(kgTankToWheel)) {
            throw new IllegalArgumentException("CO2e avoided must be finite, was " + kgWellToWheel + " well-to-wheel, "
                    + kgTankToWheel + " tank-to-wheel");
        }
        Objects.requireNonNull(method, "method");
    }

    public static Co2eAvoided of(EmissionsAvoided avoided) {
        return new Co2eAvoided(avoided.kgCo2eWellToWheelAvoided(), avoided.kgCo2eTankToWheelAvoided(),
                new EmissionsMethod(avoided.factorSetId(), avoided.factorSetVersion()));
    }

    public double kgWellToTank() {
        return kgWellToWheel - kgTankToWheel;
    }
}
