package com.backhaulexchange.partner;

import com.backhaulexchange.kernel.policy.Decision;
import java.util.List;
import java.util.function.Function;

/**
 * The rules a partner profile must satisfy, beyond the shape the JSON Schema checks.
 * Each rule is named, and a rejection says which field is to blame.
 */
public final class PartnerProfilePolicies {

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
            OPERATING_COST_IS_POSITIVE);

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

    private static boolean hasOperatingAuthorityRole(PartnerProfile profile) {
        return profile.hasRole(PartnerRole.CARRIER) || profile.hasRole(PartnerRole.BROKER);
    }
}
