package com.backhaulexchange.partner;

import com.backhaulexchange.emissions.EmissionFactorSet;
import com.backhaulexchange.emissions.FleetFuelEconomy;
import com.backhaulexchange.kernel.policy.Decision;
import java.util.List;
import java.util.function.Function;

/**
 * The rules a partner profile must satisfy, beyond the shape the JSON Schema checks.
 * Each rule is named, and a rejection says which field is to blame.
 */
public final class PartnerProfilePolicies {

    /**
     * The plausible range of a class-8 tractor-trailer's fuel economy, empty or fully laden, in miles per US
     * gallon: the default truck's 8.1 mpg empty and 5.8 mpg full (ADR 24) sit well inside it, and so do the
     * 4-12 mpg fleets report; below 2 or above 20 is a unit mix-up (litres per 100 km, km per litre) or a typo,
     * and would make the CO₂e figures meaningless (ADR 47).
     */
    public static final int MIN_FLEET_MPG = 2;
    public static final int MAX_FLEET_MPG = 20;

    /** A carrier's cost per mile prices every out-of-route mile; matching cannot work without it. */
    public static final Function<PartnerProfile, Decision> CARRIER_DECLARES_OPERATING_COST = profile ->
            profile.hasRole(PartnerRole.CARRIER) && profile.operatingCostPerMile() == null
                    ? Decision.rejected("CARRIER_OPERATING_COST_REQUIRED",
                            "A carrier must declare its operating cost per mile.", "/operatingCostPerMile")
                    : Decision.allowed();

    public static final Function<PartnerProfile, Decision> CARRIER_DECLARES_FLEET_EQUIPMENT = profile ->
            profile.hasRole(PartnerRole.CARRIER) && profile.fleetEquipment().isEmpty()
                    ? Decision.rejected("CARRIER_FLEET_EQUIPMENT_REQUIRED",
                            "A carrier must list at least one equipment type of its fleet.", "/fleetEquipment")
                    : Decision.allowed();

    public static final Function<PartnerProfile, Decision> ONLY_CARRIERS_HAVE_A_FLEET = profile ->
            !profile.hasRole(PartnerRole.CARRIER) && !profile.fleetEquipment().isEmpty()
                    ? Decision.rejected("FLEET_EQUIPMENT_WITHOUT_CARRIER_ROLE",
                            "Only a partner with the CARRIER role has fleet equipment.", "/fleetEquipment")
                    : Decision.allowed();

    /** FMCSA issues DOT and MC numbers to motor carriers and to brokers, not to shippers. */
    public static final Function<PartnerProfile, Decision> DOT_NUMBER_NEEDS_CARRIER_OR_BROKER_ROLE =
            profile -> profile.dotNumber() != null && !hasOperatingAuthorityRole(profile)
                    ? Decision.rejected("DOT_NUMBER_WITHOUT_AUTHORITY_ROLE",
                            "A DOT number belongs to a CARRIER or BROKER.", "/dotNumber")
                    : Decision.allowed();

    public static final Function<PartnerProfile, Decision> MC_NUMBER_NEEDS_CARRIER_OR_BROKER_ROLE =
            profile -> profile.mcNumber() != null && !hasOperatingAuthorityRole(profile)
                    ? Decision.rejected("MC_NUMBER_WITHOUT_AUTHORITY_ROLE",
                            "An MC number belongs to a CARRIER or BROKER.", "/mcNumber")
                    : Decision.allowed();

    public static final Function<PartnerProfile, Decision> OPERATING_COST_IS_POSITIVE = profile ->
            profile.operatingCostPerMile() != null && profile.operatingCostPerMile().amountMinorUnits() <= 0
                    ? Decision.rejected("OPERATING_COST_NOT_POSITIVE",
                            "The operating cost per mile must be positive.", "/operatingCostPerMile/amountMinorUnits")
                    : Decision.allowed();

    /** The fuel economy describes the trucks a carrier posts; nobody else posts trucks. */
    public static final Function<PartnerProfile, Decision> ONLY_CARRIERS_HAVE_A_FLEET_FUEL_ECONOMY = profile ->
            !profile.hasRole(PartnerRole.CARRIER) && profile.fleetFuelEconomy() != null
                    ? Decision.rejected("FLEET_FUEL_ECONOMY_WITHOUT_CARRIER_ROLE",
                            "Only a partner with the CARRIER role has a fleet fuel economy.", "/fleetFuelEconomy")
                    : Decision.allowed();

    /** Its burn is priced with the factor set's fuel factor, which exists for the set's own fuel only. */
    public static final Function<PartnerProfile, Decision> FLEET_FUEL_IS_THE_FACTOR_SETS = profile ->
            profile.fleetFuelEconomy() != null && profile.fleetFuelEconomy().fuel() != EmissionFactorSet.DEFAULT.fuel()
                    ? Decision.rejected("FLEET_FUEL_NOT_IN_FACTOR_SET",
                            "The emission factor set " + EmissionFactorSet.DEFAULT.id() + " has factors for "
                                    + EmissionFactorSet.DEFAULT.fuel() + " only.", "/fleetFuelEconomy/fuel")
                    : Decision.allowed();

    public static final Function<PartnerProfile, Decision> FLEET_FUEL_ECONOMY_IS_PLAUSIBLE = profile -> {
        FleetFuelEconomy fleet = profile.fleetFuelEconomy();
        if (fleet == null) {
            return Decision.allowed();
        }
        String detail = "must be within " + MIN_FLEET_MPG + " and " + MAX_FLEET_MPG
                + " miles per US gallon, a class-8 truck's range.";
        return switch (fleet) {
            case FleetFuelEconomy.Average average -> plausible(average.mpg())
                    ? Decision.allowed()
                    : Decision.rejected("FLEET_FUEL_ECONOMY_IMPLAUSIBLE", "averageMpg " + detail,
                            "/fleetFuelEconomy/averageMpg");
            case FleetFuelEconomy.ByLoad byLoad -> !plausible(byLoad.economy().emptyMpg())
                    ? Decision.rejected("FLEET_FUEL_ECONOMY_IMPLAUSIBLE", "emptyMpg " + detail,
                            "/fleetFuelEconomy/emptyMpg")
                    : !plausible(byLoad.economy().fullMpg())
                            ? Decision.rejected("FLEET_FUEL_ECONOMY_IMPLAUSIBLE", "fullyLadenMpg " + detail,
                                    "/fleetFuelEconomy/fullyLadenMpg")
                            : Decision.allowed();
        };
    };

    public static final Function<PartnerProfile, Decision> HAS_A_ROLE = profile ->
            profile.roles().isEmpty()
                    ? Decision.rejected("NO_ROLE", "A partner needs at least one role.", "/roles")
                    : Decision.allowed();

    private static final List<Function<PartnerProfile, Decision>> ALL = List.of(
            HAS_A_ROLE,
            CARRIER_DECLARES_OPERATING_COST,
            CARRIER_DECLARES_FLEET_EQUIPMENT,
            ONLY_CARRIERS_HAVE_A_FLEET,
            DOT_NUMBER_NEEDS_CARRIER_OR_BROKER_ROLE,
            MC_NUMBER_NEEDS_CARRIER_OR_BROKER_ROLE,
            OPERATING_COST_IS_POSITIVE,
            ONLY_CARRIERS_HAVE_A_FLEET_FUEL_ECONOMY,
            FLEET_FUEL_IS_THE_FACTOR_SETS,
            FLEET_FUEL_ECONOMY_IS_PLAUSIBLE);

    private PartnerProfilePolicies() {
    }

    /** Every rejection the profile earns; empty when it is acceptable. */
    public static List<Decision.Rejected> rejections(PartnerProfile profile) {
        return ALL.stream()
                .map(policy -> policy.apply(profile))
                .filter(Decision.Rejected.class::isInstance)
                .map(Decision.Rejected.class::cast)
                .toList();
    }

    private static boolean plausible(double mpg) {
        return mpg >= MIN_FLEET_MPG && mpg <= MAX_FLEET_MPG;
    }

    private static boolean hasOperatingAuthorityRole(PartnerProfile profile) {
        return profile.hasRole(PartnerRole.CARRIER) || profile.hasRole(PartnerRole.BROKER);
    }
}
