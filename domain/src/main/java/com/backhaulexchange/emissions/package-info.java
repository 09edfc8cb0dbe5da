/**
 * Greenhouse-gas emissions of truck trips, after ISO 14083:2023 and the GLEC Framework: well-to-wheel CO₂e,
 * split into well-to-tank and tank-to-wheel, from a versioned {@link com.backhaulexchange.emissions.EmissionFactorSet}.
 *
 * <ul>
 * <li>{@link com.backhaulexchange.emissions.EmissionsCalculator} prices a trip's legs
 *     ({@link com.backhaulexchange.emissions.TripLeg}: miles and {@link com.backhaulexchange.emissions.LadenFraction})
 *     and the CO₂e a match or chain avoids against its baseline
 *     ({@link com.backhaulexchange.emissions.RunComparison}).</li>
 * <li>A partner's {@link com.backhaulexchange.emissions.FleetFuelEconomy} replaces the set's default truck when
 *     known; every {@link com.backhaulexchange.emissions.EmissionsEstimate} names its factor set, version and
 *     fuel-economy source.</li>
 * </ul>
 *
 * <p>A capability of its own: it depends on nothing but the JDK, so matching, chains and settlement may all use
 * it without depending on each other (ADR 24).
 */
package com.backhaulexchange.emissions;
