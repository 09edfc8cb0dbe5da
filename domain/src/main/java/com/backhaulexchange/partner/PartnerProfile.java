package com.backhaulexchange.partner;

import com.backhaulexchange.emissions.FleetFuelEconomy;
import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.money.Money;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a partner company says about itself. The operating cost per mile is what a carrier's
 * truck costs to move one mile; the match engine prices out-of-route miles with it.
 * DOT and MC numbers are US FMCSA identifiers of carriers and brokers. A carrier's fleet fuel economy (optional,
 * null when not given) replaces the emission factor set's default truck in the CO₂e figures of the trucks it
 * posts from then on (ADR 47).
 */
public record PartnerProfile(
        String legalName,
        Set<PartnerRole> roles,
        Contact contact,
        Place homeBase,
        Money operatingCostPerMile,
        Set<EquipmentType> fleetEquipment,
        String dotNumber,
        String mcNumber,
        FleetFuelEconomy fleetFuelEconomy) {

    public PartnerProfile {
        Objects.requireNonNull(legalName, "legalName");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(homeBase, "homeBase");
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        fleetEquipment = fleetEquipment == null || fleetEquipment.isEmpty()
                ? Set.of()
                : Set.copyOf(EnumSet.copyOf(fleetEquipment));
    }

    /** A profile without a fleet fuel economy. */
    public PartnerProfile(String legalName, Set<PartnerRole> roles, Contact contact, Place homeBase,
            Money operatingCostPerMile, Set<EquipmentType> fleetEquipment, String dotNumber, String mcNumber) {
        this(legalName, roles, contact, homeBase, operatingCostPerMile, fleetEquipment, dotNumber, mcNumber, null);
    }

    public PartnerProfile withFleetFuelEconomy(FleetFuelEconomy economy) {
        return new PartnerProfile(legalName, roles, contact, homeBase, operatingCostPerMile, fleetEquipment, dotNumber,
                mcNumber, economy);
    }

    public boolean hasRole(PartnerRole role) {
        return roles.contains(role);
    }
}
