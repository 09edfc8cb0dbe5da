package com.backhaulexchange.lane;

import com.backhaulexchange.emissions.FleetFuelEconomy;
import com.backhaulexchange.partner.PartnerId;
import java.util.Optional;

/**
 * What lane posting needs of a carrier's profile: its fleet fuel economy, copied onto each capacity lane it posts
 * so that matching, packages, the optimiser and settlement price the truck's CO₂e with it without reading the
 * partner again (ADR 47).
 */
public interface CarrierFleets {

    /** The carrier's fleet fuel economy as its profile states it now; empty when it gave none (or is unknown). */
    Optional<FleetFuelEconomy> fuelEconomyOf(PartnerId carrier);
}
