package com.backhaulexchange.partner;

import static com.backhaulexchange.partner.PartnerExamples.carrierProfile;
import static com.backhaulexchange.partner.PartnerExamples.minimalShipperProfile;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.emissions.EmissionFactorSet;
import com.backhaulexchange.emissions.FleetFuelEconomy;
import com.backhaulexchange.emissions.Fuel;
import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.Decision;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PartnerProfilePoliciesTest {

    /** A copy of {@code base} with some fields changed. */
    private static PartnerProfile with(PartnerProfile base, Set<PartnerRole> roles, Money cost,
            Set<EquipmentType> fleet, String dot, String mc) {
        return new PartnerProfile(base.legalName(), roles, base.contact(), base.homeBase(), cost, fleet, dot, mc);
    }

    private static PartnerProfile carrier() {
        return carrierProfile();
    }

    private static void assertRejected(Function<PartnerProfile, Decision> policy, PartnerProfile profile,
            String reasonCode, String pointer) {
        assertThat(policy.apply(profile)).isInstanceOfSatisfying(Decision.Rejected.class, rejected -> {
            assertThat(rejected.reasonCode()).isEqualTo(reasonCode);
            assertThat(rejected.field()).isEqualTo(pointer);
            assertThat(rejected.detail()).isNotBlank();
        });
    }

    private static void assertAllowed(Function<PartnerProfile, Decision> policy, PartnerProfile profile) {
        assertThat(policy.apply(profile)).isInstanceOf(Decision.Allowed.class);
    }

    @Nested
    @DisplayName("a partner has a role")
    class HasARole {
        @Test
        void aProfileWithoutRolesIsRejectedWithPointerToRoles() {
            var noRoles = with(minimalShipperProfile(), Set.of(), null, Set.of(), null, null);
            assertRejected(PartnerProfilePolicies.HAS_A_ROLE, noRoles, "NO_ROLE", "/roles");
        }

        @Test
        void aProfileWithARoleIsAllowed() {
            assertAllowed(PartnerProfilePolicies.HAS_A_ROLE, minimalShipperProfile());
        }
    }

    @Nested
    @DisplayName("a carrier declares its operating cost")
    class CarrierDeclaresOperatingCost {
        @Test
        void carrierWithoutOperatingCostIsRejectedWithPointerToTheField() {
            var c = carrier();
            var noCost = with(c, c.roles(), null, c.fleetEquipment(), c.dotNumber(), c.mcNumber());
            assertRejected(PartnerProfilePolicies.CARRIER_DECLARES_OPERATING_COST, noCost,
                    "CARRIER_OPERATING_COST_REQUIRED", "/operatingCostPerMile");
        }

        @Test
        void carrierWithOperatingCostIsAllowed() {
            assertAllowed(PartnerProfilePolicies.CARRIER_DECLARES_OPERATING_COST, carrier());
        }

        @Test
        void shipperNeedsNoOperatingCost() {
            assertAllowed(PartnerProfilePolicies.CARRIER_DECLARES_OPERATING_COST, minimalShipperProfile());
        }
    }

    @Nested
    @DisplayName("a carrier lists its fleet equipment")
    class CarrierDeclaresFleetEquipment {
        @Test
        void carrierWithoutEquipmentIsRejectedWithPointerToTheField() {
            var c = carrier();
            var noFleet = with(c, c.roles(), c.operatingCostPerMile(), Set.of(), c.dotNumber(), c.mcNumber());
            assertRejected(PartnerProfilePolicies.CARRIER_DECLARES_FLEET_EQUIPMENT, noFleet,
                    "CARRIER_FLEET_EQUIPMENT_REQUIRED", "/fleetEquipment");
        }

        @Test
        void carrierWithEquipmentIsAllowed() {
            assertAllowed(PartnerProfilePolicies.CARRIER_DECLARES_FLEET_EQUIPMENT, carrier());
        }
    }

    @Nested
    @DisplayName("only carriers have a fleet")
    class OnlyCarriersHaveAFleet {
        @Test
        void shipperWithEquipmentIsRejectedWithPointerToTheField() {
            var shipperWithFleet = with(minimalShipperProfile(), Set.of(PartnerRole.SHIPPER, PartnerRole.BROKER),
                    null, EnumSet.of(EquipmentType.FLATBED), null, null);
            assertRejected(PartnerProfilePolicies.ONLY_CARRIERS_HAVE_A_FLEET, shipperWithFleet,
                    "FLEET_EQUIPMENT_WITHOUT_CARRIER_ROLE", "/fleetEquipment");
        }

        @Test
        void carrierWithEquipmentIsAllowed() {
            assertAllowed(PartnerProfilePolicies.ONLY_CARRIERS_HAVE_A_FLEET, carrier());
        }

        @Test
        void shipperWithoutEquipmentIsAllowed() {
            assertAllowed(PartnerProfilePolicies.ONLY_CARRIERS_HAVE_A_FLEET, minimalShipperProfile());
        }
    }

    @Nested
    @DisplayName("DOT and MC numbers belong to carriers and brokers")
    class OperatingAuthority {
        @Test
        void shipperWithADotNumberIsRejectedWithPointerToTheField() {
            var shipper = with(minimalShipperProfile(), Set.of(PartnerRole.SHIPPER), null, Set.of(), "1234567", null);
            assertRejected(PartnerProfilePolicies.DOT_NUMBER_NEEDS_CARRIER_OR_BROKER_ROLE, shipper,
                    "DOT_NUMBER_WITHOUT_AUTHORITY_ROLE", "/dotNumber");
        }

        @Test
        void shipperWithAnMcNumberIsRejectedWithPointerToTheField() {
            var shipper = with(minimalShipperProfile(), Set.of(PartnerRole.SHIPPER), null, Set.of(), null, "MC-1");
            assertRejected(PartnerProfilePolicies.MC_NUMBER_NEEDS_CARRIER_OR_BROKER_ROLE, shipper,
                    "MC_NUMBER_WITHOUT_AUTHORITY_ROLE", "/mcNumber");
        }

        @Test
        void brokerWithDotAndMcNumbersIsAllowed() {
            var broker = with(minimalShipperProfile(), Set.of(PartnerRole.BROKER), null, Set.of(), "1234567", "MC-1");
            assertAllowed(PartnerProfilePolicies.DOT_NUMBER_NEEDS_CARRIER_OR_BROKER_ROLE, broker);
            assertAllowed(PartnerProfilePolicies.MC_NUMBER_NEEDS_CARRIER_OR_BROKER_ROLE, broker);
        }

        @Test
        void carrierWithDotAndMcNumbersIsAllowed() {
            assertAllowed(PartnerProfilePolicies.DOT_NUMBER_NEEDS_CARRIER_OR_BROKER_ROLE, carrier());
            assertAllowed(PartnerProfilePolicies.MC_NUMBER_NEEDS_CARRIER_OR_BROKER_ROLE, carrier());
        }

        @Test
        void shipperWithoutNumbersIsAllowed() {
            assertAllowed(PartnerProfilePolicies.DOT_NUMBER_NEEDS_CARRIER_OR_BROKER_ROLE, minimalShipperProfile());
            assertAllowed(PartnerProfilePolicies.MC_NUMBER_NEEDS_CARRIER_OR_BROKER_ROLE, minimalShipperProfile());
        }
    }

    @Nested
    @DisplayName("the operating cost is positive")
    class OperatingCostIsPositive {
        @Test
        void aZeroCostIsRejectedWithPointerToTheAmount() {
            var c = carrier();
            var free = with(c, c.roles(), Money.of(0, "USD"), c.fleetEquipment(), c.dotNumber(), c.mcNumber());
            assertRejected(PartnerProfilePolicies.OPERATING_COST_IS_POSITIVE, free,
                    "OPERATING_COST_NOT_POSITIVE", "/operatingCostPerMile/amountMinorUnits");
        }

        @Test
        void aNegativeCostIsRejected() {
            var c = carrier();
            var paid = with(c, c.roles(), Money.of(-1, "USD"), c.fleetEquipment(), c.dotNumber(), c.mcNumber());
            assertRejected(PartnerProfilePolicies.OPERATING_COST_IS_POSITIVE, paid,
                    "OPERATING_COST_NOT_POSITIVE", "/operatingCostPerMile/amountMinorUnits");
        }

        @Test
        void oneCentIsAllowed() {
            var c = carrier();
            var cheap = with(c, c.roles(), Money.of(1, "USD"), c.fleetEquipment(), c.dotNumber(), c.mcNumber());
            assertAllowed(PartnerProfilePolicies.OPERATING_COST_IS_POSITIVE, cheap);
        }

        @Test
        void noCostAtAllIsNotThisRulesConcern() {
            assertAllowed(PartnerProfilePolicies.OPERATING_COST_IS_POSITIVE, minimalShipperProfile());
        }
    }

    @Nested
    @DisplayName("all rules together")
    class AllRules {
        @Test
        void acceptableProfilesEarnNoRejection() {
            assertThat(PartnerProfilePolicies.rejections(carrier())).isEmpty();
            assertThat(PartnerProfilePolicies.rejections(minimalShipperProfile())).isEmpty();
        }

        @Test
        void everyBrokenRuleIsReportedOnceInTheOrderOfTheRules() {
            var c = carrier();
            var carrierWithNothing = with(c, Set.of(PartnerRole.CARRIER), Money.of(0, "USD"), Set.of(), null, null);
            assertThat(PartnerProfilePolicies.rejections(carrierWithNothing))
                    .extracting(Decision.Rejected::reasonCode)
                    .containsExactly("CARRIER_FLEET_EQUIPMENT_REQUIRED", "OPERATING_COST_NOT_POSITIVE");

            var shipperWithEverything = with(c, Set.of(PartnerRole.SHIPPER), Money.of(100, "USD"),
                    Set.of(EquipmentType.TANKER), "1", "2");
            assertThat(PartnerProfilePolicies.rejections(shipperWithEverything))
                    .extracting(Decision.Rejected::field)
                    .containsExactly("/fleetEquipment", "/dotNumber", "/mcNumber");
        }
    }

    @Nested
    @DisplayName("a carrier's fleet fuel economy (ADR 47)")
    class FleetFuelEconomyRules {
        private final PartnerProfile byLoad = carrier()
                .withFleetFuelEconomy(FleetFuelEconomy.byLoad(Fuel.DIESEL, 8.4, 5.9));

        @Test
        void aCarrierMayStateOneAverageOrOneFigureEmptyAndOneFull() {
            assertThat(PartnerProfilePolicies.rejections(byLoad)).isEmpty();
            assertThat(PartnerProfilePolicies.rejections(carrier()
                    .withFleetFuelEconomy(FleetFuelEconomy.average(Fuel.DIESEL, 6.9)))).isEmpty();
        }

        @Test
        void aShipperHasNoneLikeItHasNoFleetEquipment() {
            var shipper = minimalShipperProfile().withFleetFuelEconomy(FleetFuelEconomy.average(Fuel.DIESEL, 6.9));
            assertRejected(PartnerProfilePolicies.ONLY_CARRIERS_HAVE_A_FLEET_FUEL_ECONOMY, shipper,
                    "FLEET_FUEL_ECONOMY_WITHOUT_CARRIER_ROLE", "/fleetFuelEconomy");
            assertAllowed(PartnerProfilePolicies.ONLY_CARRIERS_HAVE_A_FLEET_FUEL_ECONOMY, byLoad);
        }

        @Test
        void eachFigureMustBeWithinAClass8TrucksRangeNamingTheFigure() {
            assertRejected(PartnerProfilePolicies.FLEET_FUEL_ECONOMY_IS_PLAUSIBLE,
                    carrier().withFleetFuelEconomy(FleetFuelEconomy.average(Fuel.DIESEL, 1.9)),
                    "FLEET_FUEL_ECONOMY_IMPLAUSIBLE", "/fleetFuelEconomy/averageMpg");
            assertRejected(PartnerProfilePolicies.FLEET_FUEL_ECONOMY_IS_PLAUSIBLE,
                    carrier().withFleetFuelEconomy(FleetFuelEconomy.byLoad(Fuel.DIESEL, 23.5, 6)),
                    "FLEET_FUEL_ECONOMY_IMPLAUSIBLE", "/fleetFuelEconomy/emptyMpg");
            assertRejected(PartnerProfilePolicies.FLEET_FUEL_ECONOMY_IS_PLAUSIBLE,
                    carrier().withFleetFuelEconomy(FleetFuelEconomy.byLoad(Fuel.DIESEL, 8, 1.5)),
                    "FLEET_FUEL_ECONOMY_IMPLAUSIBLE", "/fleetFuelEconomy/fullyLadenMpg");
            assertAllowed(PartnerProfilePolicies.FLEET_FUEL_ECONOMY_IS_PLAUSIBLE,
                    carrier().withFleetFuelEconomy(FleetFuelEconomy.byLoad(Fuel.DIESEL,
                            PartnerProfilePolicies.MAX_FLEET_MPG, PartnerProfilePolicies.MIN_FLEET_MPG)));
        }

        @Test
        void theFuelIsTheFactorSets() {
            assertAllowed(PartnerProfilePolicies.FLEET_FUEL_IS_THE_FACTOR_SETS, byLoad);
            assertThat(EmissionFactorSet.DEFAULT.fuel()).isEqualTo(Fuel.DIESEL);
        }
    }
}
