package com.backhaulexchange.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Figures worked by hand from the defaults: diesel 10.2 kg CO₂e/gal tank-to-wheel, 2.45 kg/gal well-to-tank
 * (12.65 kg/gal well-to-wheel), 8.1 mpg empty and 5.8 mpg full.
 */
class EmissionsCalculatorTest {

    private static final EmissionsCalculator CALCULATOR = EmissionsCalculator.DEFAULT;
    private static final double KG = 1e-3;

    @Test
    void hundredEmptyAndHundredFullMilesWithTheDefaults() {
        // empty: 100 / 8.1 = 12.345679 gal; full: 100 / 5.8 = 17.241379 gal; together 29.587058 gal
        // tank-to-wheel: 29.587058 × 10.2 = 301.787995 kg; well-to-wheel: 29.587058 × 12.65 = 374.276288 kg
        EmissionsEstimate estimate = CALCULATOR.estimate(
                List.of(TripLeg.empty(100), TripLeg.laden(100, LadenFraction.FULL)));

        assertThat(estimate.kgCo2eTankToWheel()).isCloseTo(301.787995, within(KG));
        assertThat(estimate.kgCo2eWellToWheel()).isCloseTo(374.276288, within(KG));
        assertThat(estimate.kgCo2eWellToTank()).isCloseTo(72.488293, within(KG)); // 29.587058 × 2.45
        assertThat(estimate.fuelEconomySource()).isEqualTo(FuelEconomySource.FACTOR_SET_DEFAULT);
        assertThat(estimate.factorSetId()).isEqualTo("GLEC-NA-2019+DESNZ-2024");
        assertThat(estimate.factorSetVersion()).isEqualTo("bhx-default-1");
    }

    @Test
    void aHalfLadenMileBurnsTheMeanOfEmptyAndFullFuelPerMile() {
        // (1/8.1 + 1/5.8) / 2 = 0.147935 gal/mi → 100 mi: 14.793529 gal × 10.2 = 150.894 kg
        EmissionsEstimate estimate = CALCULATOR.estimate(List.of(TripLeg.laden(100, LadenFraction.of(0.5))));

        assertThat(estimate.kgCo2eTankToWheel()).isCloseTo(150.893998, within(KG));
    }

    @Test
    void theDefaultTruckAtTheAverageLoadMatchesTheNacfeAverageTruck() {
        // At 2/3 laden the default should burn what a 6.4 mpg truck burns: 10.2 / 6.4 = 1.594 kg CO₂ per mile.
        EmissionIntensity average = EmissionFactorSet.DEFAULT.intensity(LadenFraction.of(2.0 / 3));

        assertThat(average.kgCo2eTankToWheelPerMile()).isCloseTo(10.2 / 6.4, within(0.01));
        assertThat(average.kgCo2eWellToWheelPerMile()).isCloseTo(1.24 * 10.2 / 6.4, within(0.015));
    }

    @Test
    void aPartnersAverageFuelEconomyOverridesTheDefault() {
        // 200 mi at 7.5 mpg whatever the load = 26.666667 gal; × 10.2 = 272.0 kg; × 12.65 = 337.333 kg
        EmissionsEstimate estimate = CALCULATOR.estimate(
                List.of(TripLeg.empty(100), TripLeg.laden(100, LadenFraction.FULL)),
                Optional.of(FleetFuelEconomy.average(Fuel.DIESEL, 7.5)));

        assertThat(estimate.kgCo2eTankToWheel()).isCloseTo(272.0, within(KG));
        assertThat(estimate.kgCo2eWellToWheel()).isCloseTo(337.333333, within(KG));
        assertThat(estimate.fuelEconomySource()).isEqualTo(FuelEconomySource.PARTNER_FLEET);
        assertThat(estimate.factorSetId()).isEqualTo(EmissionFactorSet.DEFAULT.id());
    }

    @Test
    void aPartnersLoadDependentFuelEconomyOverridesTheDefault() {
        // 100 mi empty at 9 mpg = 11.111111 gal, 100 mi full at 6 mpg = 16.666667 gal; 27.777778 gal
        // × 10.2 = 283.333 kg; × 12.65 = 351.389 kg
        EmissionsEstimate estimate = CALCULATOR.estimate(
                List.of(TripLeg.empty(100), TripLeg.laden(100, LadenFraction.FULL)),
                Optional.of(FleetFuelEconomy.byLoad(Fuel.DIESEL, 9, 6)));

        assertThat(estimate.kgCo2eTankToWheel()).isCloseTo(283.333333, within(KG));
        assertThat(estimate.kgCo2eWellToWheel()).isCloseTo(351.388889, within(KG));
        assertThat(estimate.fuelEconomySource()).isEqualTo(FuelEconomySource.PARTNER_FLEET);
    }

    @Test
    void aMatchAvoidsTheRunHomeAndTheDedicatedTrucksEmptyReturnLessItsDeadhead() {
        // Empty → pickup 50, loaded 400 full, delivery → end 100; straight run home 500.
        // Baseline: 500 empty + 400 full + 400 empty (dedicated truck back); actual: 150 empty + 400 full.
        // Avoided: 750 empty miles = 92.592593 gal; × 10.2 = 944.444 kg; × 12.65 = 1171.296 kg.
        EmissionsAvoided avoided = CALCULATOR.avoidedByMatch(50, 400, 1.0, 100, 500);

        assertThat(avoided.kgCo2eTankToWheelAvoided()).isCloseTo(944.444444, within(KG));
        assertThat(avoided.kgCo2eWellToWheelAvoided()).isCloseTo(1171.296296, within(KG));
        assertThat(avoided.factorSetId()).isEqualTo("GLEC-NA-2019+DESNZ-2024");
        assertThat(avoided.factorSetVersion()).isEqualTo("bhx-default-1");
        assertThat(avoided.baseline().factorSetVersion()).isEqualTo("bhx-default-1");
    }

    @Test
    void aChainComparesWithEveryLoadsDedicatedTruck() {
        // A round trip: baseline run home 0; hops 30 and 20, loads 300 mi full and 200 mi half, back 40.
        // Baseline: 300 full + 300 empty + 200 half + 200 empty. Actual: 90 empty + 300 full + 200 half.
        // Avoided: 500 − 90 = 410 empty miles = 50.617284 gal × 10.2 = 516.296 kg TTW.
        RunComparison run = RunComparison.ofChain(0, List.of(30.0, 20.0),
                List.of(new CarriedLoad(300, LadenFraction.FULL), new CarriedLoad(200, LadenFraction.of(0.5))), 40);

        EmissionsAvoided avoided = CALCULATOR.avoided(run);

        assertThat(run.actual()).hasSize(5);
        assertThat(run.baseline()).hasSize(5);
        assertThat(avoided.kgCo2eTankToWheelAvoided()).isCloseTo(516.296296, within(KG));
    }

    @Test
    void aDetourAvoidsNegativeEmissions() {
        // 200 + 200 deadhead against a 100-mile run home and a 50-mile load: 400 empty miles actual against
        // 100 + 50 (the dedicated truck back) in the baseline; −250 empty miles = −30.864198 gal × 12.65 = −390.432 kg.
        EmissionsAvoided avoided = CALCULATOR.avoidedByMatch(200, 50, 1.0, 200, 100);

        assertThat(avoided.kgCo2eWellToWheelAvoided()).isCloseTo(-390.432099, within(KG));
    }

    @Test
    void ladenFractionIsByWeightAgainstPayloadCapacity() {
        assertThat(LadenFraction.ofWeight(22_500, 45_000).value()).isEqualTo(0.5);
        assertThatThrownBy(() -> LadenFraction.ofWeight(45_001, 45_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LadenFraction.ofWeight(-1, 45_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LadenFraction.ofWeight(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.0001, 1.0001, -1, 2, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void ladenFractionsOutsideZeroToOneAreRejected(double value) {
        assertThatThrownBy(() -> LadenFraction.of(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("laden fraction");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY})
    void legMilesMustBeFiniteAndNonNegative(double miles) {
        assertThatThrownBy(() -> TripLeg.empty(miles)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTruckThatBurnsLessFullThanEmptyIsRefused() {
        assertThatThrownBy(() -> new FuelEconomy(6, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FleetFuelEconomy.average(Fuel.DIESEL, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FleetFuelEconomy.average(Fuel.DIESEL, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFactorSetNeedsAnIdAndAVersion() {
        FuelEmissionFactor diesel = EmissionFactorSet.DEFAULT.fuelFactor();
        FuelEconomy economy = EmissionFactorSet.DEFAULT.defaultFuelEconomy();
        assertThatThrownBy(() -> new EmissionFactorSet(" ", "1", diesel, economy))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmissionFactorSet("X", null, diesel, economy))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChainNeedsOneHopPerLoad() {
        assertThatThrownBy(() -> RunComparison.ofChain(0, List.of(1.0), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void againstTheRunHomeTheEmptyMilesAvoidedCountAtTheEmptyRate() {
        // 100 empty in and 100 empty out against 600 empty home: 400 empty miles avoided. By hand: 400 mi ÷ 8.1 mpg
        // = 49.383 gal; × (10.2 + 2.45) = 624.691 kg well-to-wheel, × 10.2 = 503.704 kg tank-to-wheel.
        Co2eAvoided avoided = CALCULATOR.avoidedAgainstRunHome(600, List.of(100.0, 100.0));

        assertThat(avoided.kgWellToWheel()).isCloseTo(624.691, within(KG));
        assertThat(avoided.kgTankToWheel()).isCloseTo(503.704, within(KG));
        assertThat(avoided.kgWellToTank()).isCloseTo(120.988, within(KG));
        assertThat(avoided.method()).isEqualTo(new EmissionsMethod("GLEC-NA-2019+DESNZ-2024", "bhx-default-1"));
        assertThat(avoided.method()).isEqualTo(EmissionFactorSet.DEFAULT.method());
    }

    @Test
    void aRunThatAddsEmptyMilesAvoidsNegativeCo2e() {
        // 200 + 200 empty against 100 home: 300 more empty miles, 300 ÷ 8.1 × 12.65 = 468.519 kg added.
        assertThat(CALCULATOR.avoidedAgainstRunHome(100, List.of(200.0, 200.0)).kgWellToWheel())
                .isCloseTo(-468.519, within(KG));
    }

    @Test
    void aChainAgainstTheRunHomeCountsEveryEmptyHop() {
        // 50 + 30 + 20 empty against 500 home: 400 avoided, as for the single match above.
        assertThat(CALCULATOR.avoidedAgainstRunHome(500, List.of(50.0, 30.0, 20.0)).kgWellToWheel())
                .isCloseTo(624.691, within(KG));
    }

    @Test
    void aPartnersOwnFleetOrAnotherFactorSetIsNamedInTheFigure() {
        var other = new EmissionFactorSet("TEST", "v9", EmissionFactorSet.DEFAULT.fuelFactor(), new FuelEconomy(10, 6));
        Co2eAvoided avoided = new EmissionsCalculator(other).avoidedAgainstRunHome(600, List.of(100.0, 100.0));

        assertThat(avoided.kgWellToWheel()).isCloseTo(400 / 10.0 * 12.65, within(KG));
        assertThat(avoided.method()).isEqualTo(new EmissionsMethod("TEST", "v9"));
    }

    @Test
    void againstTheRunHomeACarriersOwnFleetCountsAtItsEmptyFigureAndSaysSo() {
        // The same 400 empty miles avoided at the fleet's 7.2 mpg empty: 55.556 gal × 12.65 = 702.778 kg. The
        // fully laden figure does not show: no laden mile differs between the two runs (ADR 26, ADR 47).
        var fleet = FleetFuelEconomy.byLoad(Fuel.DIESEL, 7.2, 5.1);
        Co2eAvoided avoided = CALCULATOR.avoidedAgainstRunHome(600, List.of(100.0, 100.0), Optional.of(fleet));

        assertThat(avoided.kgWellToWheel()).isCloseTo(702.778, within(KG));
        assertThat(avoided.kgTankToWheel()).isCloseTo(566.667, within(KG));
        assertThat(avoided.fuelEconomySource()).isEqualTo(FuelEconomySource.PARTNER_FLEET);
        assertThat(avoided.fleet()).contains(fleet);
        assertThat(avoided.method()).isEqualTo(EmissionFactorSet.DEFAULT.method());
        assertThat(CALCULATOR.avoidedAgainstRunHome(600, List.of(100.0, 100.0),
                Optional.of(FleetFuelEconomy.byLoad(Fuel.DIESEL, 7.2, 4.0))).kgWellToWheel())
                .isCloseTo(702.778, within(KG));
        assertThat(CALCULATOR.avoidedAgainstRunHome(600, List.of(100.0, 100.0)).fuelEconomySource())
                .isEqualTo(FuelEconomySource.FACTOR_SET_DEFAULT);
    }

    @Test
    void aFigureSaysTheFleetItWasComputedWithOrNone() {
        var avoided = CALCULATOR.avoided(RunComparison.againstRunHome(600, List.of(100.0, 100.0)));

        assertThatThrownBy(() -> Co2eAvoided.of(avoided,
                Optional.of(FleetFuelEconomy.average(Fuel.DIESEL, 6.9)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Co2eAvoided(1, 1, EmissionsMethod.DEFAULT).fuelEconomySource())
                .isEqualTo(FuelEconomySource.FACTOR_SET_DEFAULT);
    }
}
