package com.backhaulexchange.emissions;

import java.util.Objects;

/**
 * A versioned set of emission factors for a heavy (class-8) truck: the fuel's CO₂e per gallon and a default
 * load-dependent fuel economy. Every estimate names the set's id and version, so a figure reported today can
 * be reproduced, or told apart, after the factors are replaced.
 *
 * <p>{@link #DEFAULT} is this project's own derivation from public figures (ADR 24,
 * docs/reference/freight-conventions.md "Emission factors (ISO 14083 / GLEC)"), to be replaced by a licensed
 * factor table:
 * <ul>
 * <li>tank-to-wheel {@value #DEFAULT_KG_CO2E_TANK_TO_WHEEL_PER_GALLON} kg per gallon of diesel (US EPA CO₂;
 *     the exhaust's CH₄ and N₂O are not added);</li>
 * <li>well-to-tank {@value #DEFAULT_KG_CO2E_WELL_TO_TANK_PER_GALLON} kg per gallon: 0.24 × tank-to-wheel, the
 *     project's assumption;</li>
 * <li>{@value #DEFAULT_EMPTY_MPG} mpg empty, {@value #DEFAULT_FULL_MPG} mpg full: NACFE's 6.4 mpg average
 *     placed at a laden fraction of 2/3 (ATRI's 83.3 % loaded miles × about 0.8 of payload, which GLEC's
 *     0.073 kg/t-km implies), with fuel per mile 1.4 times higher full than empty (the project's assumption,
 *     after DESNZ's markedly different 0 % and 100 % laden factors).</li>
 * </ul>
 */
public record EmissionFactorSet(String id, String version, FuelEmissionFactor fuelFactor,
        FuelEconomy defaultFuelEconomy) {

    public static final double DEFAULT_KG_CO2E_TANK_TO_WHEEL_PER_GALLON = 10.2;
    public static final double DEFAULT_KG_CO2E_WELL_TO_TANK_PER_GALLON = 2.45;
    public static final double DEFAULT_EMPTY_MPG = 8.1;
    public static final double DEFAULT_FULL_MPG = 5.8;

    public static final EmissionFactorSet DEFAULT = new EmissionFactorSet(
            "GLEC-NA-2019+DESNZ-2024",
            "bhx-default-1",
            new FuelEmissionFactor(Fuel.DIESEL, DEFAULT_KG_CO2E_WELL_TO_TANK_PER_GALLON,
                    DEFAULT_KG_CO2E_TANK_TO_WHEEL_PER_GALLON),
            new FuelEconomy(DEFAULT_EMPTY_MPG, DEFAULT_FULL_MPG));

    public EmissionFactorSet {
        requireText("id", id);
        requireText("version", version);
        Objects.requireNonNull(fuelFactor, "fuelFactor");
        Objects.requireNonNull(defaultFuelEconomy, "defaultFuelEconomy");
    }

    /** The id and version that every figure computed with this set carries. */
    public EmissionsMethod method() {
        return new EmissionsMethod(id, version);
    }

    public Fuel fuel() {
        return fuelFactor.fuel();
    }

    /** The default truck's CO₂e per mile at a laden fraction. */
    public EmissionIntensity intensity(LadenFraction laden) {
        return intensity(defaultFuelEconomy, laden);
    }

    EmissionIntensity intensity(FuelEconomy economy, LadenFraction laden) {
        double gallonsPerMile = economy.gallonsPerMile(laden);
        return new EmissionIntensity(gallonsPerMile * fuelFactor.kgCo2eWellToTankPerGallon(),
                gallonsPerMile * fuelFactor.kgCo2eTankToWheelPerGallon());
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
