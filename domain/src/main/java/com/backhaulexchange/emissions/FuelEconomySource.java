package com.backhaulexchange.emissions;

/** Whose fuel economy an estimate used. */
public enum FuelEconomySource {
    /** The factor set's default heavy truck. */
    FACTOR_SET_DEFAULT,
    /** The partner's own fleet figure ({@link FleetFuelEconomy}). */
    PARTNER_FLEET
}
