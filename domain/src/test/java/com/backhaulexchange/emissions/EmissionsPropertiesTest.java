package com.backhaulexchange.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Properties of the emissions model over random legs, loads and fleets. */
class EmissionsPropertiesTest {

    private static final double EPSILON = 1e-9;

    @Property(tries = 1000)
    @Label("a fuller truck emits at least as much per mile, well-to-wheel and tank-to-wheel")
    void moreLadenEmitsMore(@ForAll @DoubleRange(min = 0, max = 1) double a, @ForAll @DoubleRange(min = 0, max = 1) double b,
            @ForAll("fleets") Optional<FleetFuelEconomy> fleet) {
        double lighter = Math.min(a, b);
        double heavier = Math.max(a, b);
        EmissionsEstimate light = EmissionsCalculator.DEFAULT.estimate(List.of(TripLeg.laden(100, LadenFraction.of(lighter))), fleet);
        EmissionsEstimate heavy = EmissionsCalculator.DEFAULT.estimate(List.of(TripLeg.laden(100, LadenFraction.of(heavier))), fleet);

        assertThat(heavy.kgCo2eWellToWheel()).isGreaterThanOrEqualTo(light.kgCo2eWellToWheel() - EPSILON);
        assertThat(heavy.kgCo2eTankToWheel()).isGreaterThanOrEqualTo(light.kgCo2eTankToWheel() - EPSILON);
    }

    @Property(tries = 1000)
    @Label("with the default truck, a full mile emits strictly more than an empty one")
    void theDefaultTruckIsLoadDependent(@ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double lighter) {
        EmissionIntensity light = EmissionFactorSet.DEFAULT.intensity(LadenFraction.of(lighter));
        EmissionIntensity full = EmissionFactorSet.DEFAULT.intensity(LadenFraction.FULL);

        assertThat(full.kgCo2eWellToWheelPerMile()).isGreaterThan(light.kgCo2eWellToWheelPerMile());
    }

    @Property(tries = 1000)
    @Label("a longer trip emits more: adding a leg of positive miles raises the estimate")
    void moreMilesEmitMore(@ForAll("legs") List<TripLeg> legs, @ForAll("leg") TripLeg extra,
            @ForAll("fleets") Optional<FleetFuelEconomy> fleet) {
        EmissionsEstimate before = EmissionsCalculator.DEFAULT.estimate(legs, fleet);
        List<TripLeg> longer = new ArrayList<>(legs);
        longer.add(extra);
        EmissionsEstimate after = EmissionsCalculator.DEFAULT.estimate(longer, fleet);

        if (extra.miles() > 0) {
            assertThat(after.kgCo2eWellToWheel()).isGreaterThan(before.kgCo2eWellToWheel());
            assertThat(after.kgCo2eTankToWheel()).isGreaterThan(before.kgCo2eTankToWheel());
        } else {
            assertThat(after.kgCo2eWellToWheel()).isEqualTo(before.kgCo2eWellToWheel());
        }
    }

    @Property(tries = 1000)
    @Label("well-to-wheel is never below tank-to-wheel, and neither is negative")
    void wellToWheelCoversTankToWheel(@ForAll("legs") List<TripLeg> legs, @ForAll("fleets") Optional<FleetFuelEconomy> fleet) {
        EmissionsEstimate estimate = EmissionsCalculator.DEFAULT.estimate(legs, fleet);

        assertThat(estimate.kgCo2eTankToWheel()).isGreaterThanOrEqualTo(0);
        assertThat(estimate.kgCo2eWellToWheel()).isGreaterThanOrEqualTo(estimate.kgCo2eTankToWheel());
        assertThat(estimate.kgCo2eWellToTank()).isGreaterThanOrEqualTo(-EPSILON);
    }

    @Property(tries = 1000)
    @Label("when the actual legs are some of the baseline's, the CO2e avoided is never negative")
    void aSubsetOfTheBaselineNeverAddsEmissions(@ForAll("legs") List<TripLeg> baseline, @ForAll long seed,
            @ForAll("fleets") Optional<FleetFuelEconomy> fleet) {
        java.util.Random random = new java.util.Random(seed);
        List<TripLeg> actual = baseline.stream().filter(leg -> random.nextBoolean()).toList();

        EmissionsAvoided avoided = EmissionsCalculator.DEFAULT.avoided(new RunComparison(baseline, actual), fleet);

        assertThat(avoided.kgCo2eWellToWheelAvoided()).isGreaterThanOrEqualTo(-EPSILON);
        assertThat(avoided.kgCo2eTankToWheelAvoided()).isGreaterThanOrEqualTo(-EPSILON);
    }

    @Property(tries = 1000)
    @Label("a match avoids its empty miles avoided plus the dedicated truck's return, at the empty rate")
    void aMatchAvoidsItsEmptyMilesAtTheEmptyRate(@ForAll @DoubleRange(min = 0, max = 500) double originDeadhead,
            @ForAll @DoubleRange(min = 0, max = 3000) double loaded, @ForAll @DoubleRange(min = 0, max = 1) double laden,
            @ForAll @DoubleRange(min = 0, max = 500) double destinationDeadhead,
            @ForAll @DoubleRange(min = 0, max = 3000) double baselineEmpty) {
        EmissionsAvoided avoided = EmissionsCalculator.DEFAULT.avoidedByMatch(originDeadhead, loaded, laden,
                destinationDeadhead, baselineEmpty);

        double emptyMilesAvoided = baselineEmpty + loaded - originDeadhead - destinationDeadhead;
        double emptyRate = EmissionFactorSet.DEFAULT.intensity(LadenFraction.EMPTY).kgCo2eWellToWheelPerMile();
        assertThat(avoided.kgCo2eWellToWheelAvoided())
                .isCloseTo(emptyMilesAvoided * emptyRate, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Property(tries = 500)
    @Label("every estimate carries the id and version of the factor set that produced it")
    void theFactorSetIsCarriedIntoEveryEstimate(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String id,
            @ForAll @AlphaChars @StringLength(min = 1, max = 10) String version, @ForAll("legs") List<TripLeg> legs,
            @ForAll("fleets") Optional<FleetFuelEconomy> fleet) {
        EmissionFactorSet set = new EmissionFactorSet(id, version, EmissionFactorSet.DEFAULT.fuelFactor(),
                EmissionFactorSet.DEFAULT.defaultFuelEconomy());
        EmissionsCalculator calculator = new EmissionsCalculator(set);

        EmissionsEstimate estimate = calculator.estimate(legs, fleet);
        EmissionsAvoided avoided = calculator.avoided(new RunComparison(legs, List.of()), fleet);

        for (var result : List.of(estimate, avoided.baseline(), avoided.actual())) {
            assertThat(result.factorSetId()).isEqualTo(id);
            assertThat(result.factorSetVersion()).isEqualTo(version);
            assertThat(result.fuelEconomySource()).isEqualTo(
                    fleet.isPresent() ? FuelEconomySource.PARTNER_FLEET : FuelEconomySource.FACTOR_SET_DEFAULT);
        }
        assertThat(avoided.factorSetId()).isEqualTo(id);
        assertThat(avoided.factorSetVersion()).isEqualTo(version);
    }

    @Property(tries = 500)
    @Label("a partner's fleet figure replaces the default: fuel burned × the fuel's well-to-wheel factor")
    void aFleetsFuelIsPricedWithTheSetsFuelFactor(@ForAll("legs") List<TripLeg> legs,
            @ForAll @DoubleRange(min = 3, max = 12) double mpg) {
        EmissionsEstimate estimate = EmissionsCalculator.DEFAULT.estimate(legs,
                Optional.of(FleetFuelEconomy.average(Fuel.DIESEL, mpg)));

        double gallons = legs.stream().mapToDouble(TripLeg::miles).sum() / mpg;
        assertThat(estimate.kgCo2eWellToWheel()).isCloseTo(gallons * (10.2 + 2.45), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(estimate.kgCo2eTankToWheel()).isCloseTo(gallons * 10.2, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Provide
    Arbitrary<TripLeg> leg() {
        return Combinators.combine(Arbitraries.doubles().between(0, 3000), Arbitraries.doubles().between(0, 1))
                .as((miles, laden) -> new TripLeg(miles, LadenFraction.of(laden)));
    }

    @Provide
    Arbitrary<List<TripLeg>> legs() {
        return leg().list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Optional<FleetFuelEconomy>> fleets() {
        Arbitrary<FleetFuelEconomy> average = Arbitraries.doubles().between(3, 12)
                .map(mpg -> FleetFuelEconomy.average(Fuel.DIESEL, mpg));
        Arbitrary<FleetFuelEconomy> byLoad = Combinators.combine(Arbitraries.doubles().between(5, 12),
                        Arbitraries.doubles().between(0.5, 1))
                .as((empty, ratio) -> FleetFuelEconomy.byLoad(Fuel.DIESEL, empty, empty * ratio));
        return Arbitraries.oneOf(average, byLoad).optional(0.6);
    }
}
