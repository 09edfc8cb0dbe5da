package com.backhaulexchange.matching;

import static com.backhaulexchange.lane.LaneExamples.CHICAGO;
import static com.backhaulexchange.lane.LaneExamples.MONDAY_6AM;
import static com.backhaulexchange.lane.LaneExamples.at;
import static com.backhaulexchange.lane.LaneExamples.capacity;
import static com.backhaulexchange.lane.LaneExamples.capacityBuilder;
import static com.backhaulexchange.lane.LaneExamples.load;
import static com.backhaulexchange.lane.LaneExamples.loadBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import com.backhaulexchange.emissions.EmissionsMethod;
import com.backhaulexchange.emissions.FleetFuelEconomy;
import com.backhaulexchange.emissions.Fuel;
import com.backhaulexchange.emissions.FuelEconomySource;
import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.TimeWindow;
import com.backhaulexchange.matching.DrivePlan.Activity;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.Decision;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The example pair, computed by hand: a truck empty at mile 0 (Monday 06:00 Chicago time) that must be at
 * mile 600 by Tuesday 18:00 takes a load from mile 100 (pickup Mon 08:00–12:00) to mile 700 (delivery Tue
 * 06:00–14:00), all on one road north. Deadheads 100 and 100, loaded 600, baseline 600.
 */
class MatchEvaluatorTest {

    private static final Money TWO_DOLLARS_A_MILE = Money.of(200, "USD");

    private static MatchEvaluation evaluate(CapacityLane capacity, LoadLane load) {
        return MatchEvaluator.evaluate(capacity, TWO_DOLLARS_A_MILE, load, MatchingConfig.DEFAULT);
    }

    private static MatchExplanation feasible(CapacityLane capacity, LoadLane load) {
        MatchEvaluation evaluation = evaluate(capacity, load);
        assertThat(evaluation).isInstanceOf(MatchEvaluation.Feasible.class);
        return evaluation.explanation();
    }

    private static ZonedDateTime chicago(int dayOffset, int hour, int minute) {
        return at(dayOffset, hour, minute).atZone(CHICAGO);
    }

    @Nested
    class AFeasiblePairIsExplained {
        private final MatchExplanation explanation = feasible(capacity(), load());

        @Test
        void inMiles() {
            assertThat(explanation.originDeadheadMiles()).isCloseTo(100, within(1e-6));
            assertThat(explanation.loadedMiles()).isCloseTo(600, within(1e-6));
            assertThat(explanation.destinationDeadheadMiles()).isCloseTo(100, within(1e-6));
            assertThat(explanation.baselineEmptyMiles()).isCloseTo(600, within(1e-6));
            assertThat(explanation.outOfRouteMiles()).isCloseTo(200, within(1e-6));
            assertThat(explanation.emptyMilesAvoided()).isCloseTo(400, within(1e-6));
        }

        @Test
        void inMoneyAndCo2() {
            assertThat(explanation.economics().shipperPrice()).isEqualTo(Money.of(150_000, "USD"));
            assertThat(explanation.economics().carrierIncrementalCost()).isEqualTo(Money.of(40_000, "USD"));
            assertThat(explanation.economics().surplus()).isEqualTo(Money.of(110_000, "USD"));
            // 400 empty miles avoided at the empty truck's 8.1 mpg × 12.65 kg CO₂e per gallon well-to-wheel.
            assertThat(explanation.co2eAvoidedKg()).isCloseTo(400 / 8.1 * 12.65, within(1e-6));
            assertThat(explanation.co2eAvoided().kgTankToWheel()).isCloseTo(400 / 8.1 * 10.2, within(1e-6));
            assertThat(explanation.co2eAvoided().method())
                    .isEqualTo(new EmissionsMethod("GLEC-NA-2019+DESNZ-2024", "bhx-default-1"));
        }

        @Test
        void withTheFactorSetsDefaultTruckWhenTheLaneCarriesNoFleetFuelEconomy() {
            assertThat(explanation.co2eAvoided().fuelEconomySource()).isEqualTo(FuelEconomySource.FACTOR_SET_DEFAULT);
            assertThat(explanation.co2eAvoided().fleet()).isEmpty();
        }

        @Test
        void withTheCarriersFleetFuelEconomyWhenTheLaneCarriesOne() {
            var fleet = FleetFuelEconomy.byLoad(Fuel.DIESEL, 7.2, 5.4);
            MatchExplanation own = feasible(capacity().withFleetFuelEconomy(fleet), load());

            // The same 400 empty miles avoided, at the fleet's own 7.2 mpg empty instead of the default 8.1.
            assertThat(own.co2eAvoidedKg()).isCloseTo(400 / 7.2 * 12.65, within(1e-6));
            assertThat(own.co2eAvoided().kgTankToWheel()).isCloseTo(400 / 7.2 * 10.2, within(1e-6));
            assertThat(own.co2eAvoidedKg()).isGreaterThan(explanation.co2eAvoidedKg());
            assertThat(own.co2eAvoided().fuelEconomySource()).isEqualTo(FuelEconomySource.PARTNER_FLEET);
            assertThat(own.co2eAvoided().fleetFuelEconomy()).isEqualTo(fleet);
            assertThat(own.co2eAvoided().method()).isEqualTo(explanation.co2eAvoided().method());
            assertThat(own.economics()).isEqualTo(explanation.economics());
        }

        @Test
        void inTimeWithTheSlackAtEachStop() {
            MatchExplanation.Schedule schedule = explanation.schedule();
            assertThat(schedule.pickupAt()).isEqualTo(chicago(0, 8, 0));
            assertThat(schedule.pickupSlack()).isEqualTo(Duration.ofHours(4));
            assertThat(schedule.deliveryAt()).isEqualTo(chicago(1, 7, 30));
            assertThat(schedule.deliverySlack()).isEqualTo(Duration.ofMinutes(6 * 60 + 30));
            assertThat(schedule.arrivesAtEnd()).isEqualTo(chicago(1, 10, 30));
            assertThat(schedule.endArrivalSlack()).isEqualTo(Duration.ofMinutes(7 * 60 + 30));
        }

        @Test
        void withTheDrivePlansHoursOfServiceStops() {
            // 2 h to the pickup, 1 h loading; 8 h loaded, break, 1 h more (11 h driven), 10 h rest, 3 h.
            assertThat(explanation.hoursOfServiceStops()).containsExactly(
                    new Activity.Break(at(0, 17, 0), at(0, 17, 30)),
                    new Activity.Rest(at(0, 18, 30), at(1, 4, 30)));
        }

        @Test
        void andScoredBySurplus() {
            MatchEvaluation evaluation = evaluate(capacity(), load());
            assertThat(evaluation).isInstanceOfSatisfying(MatchEvaluation.Feasible.class, feasible -> {
                assertThat(feasible.score().surplus()).isEqualTo(Money.of(110_000, "USD"));
                assertThat(feasible.score().capacityLaneId()).isEqualTo(capacity().id());
                assertThat(feasible.score().loadLaneId()).isEqualTo(load().id());
            });
        }
    }

    @Test
    void withoutABudgetTheMarketRatePricesTheLoad() {
        MatchExplanation explanation = feasible(capacity(), loadBuilder().budget(null).build());
        assertThat(explanation.economics().priceSource()).isEqualTo(MatchEconomics.PriceSource.MARKET_RATE);
        assertThat(explanation.economics().shipperPrice()).isEqualTo(Money.of(162_600, "USD")); // 600 × $2.71
        assertThat(explanation.economics().surplus()).isEqualTo(Money.of(122_600, "USD"));
    }

    @Test
    void aBudgetlessLoadWorthLessThanTheCarriersMinimumPointsAtTheMissingBudget() {
        // The market estimate is 600 × $2.71 = $1,626; the carrier wants $3.00 a loaded mile, $1,800.
        MatchEvaluation evaluation = evaluate(capacityBuilder().minimumRate(Money.of(300, "USD")).build(),
                loadBuilder().budget(null).build());
        assertThat(evaluation).isInstanceOfSatisfying(MatchEvaluation.Infeasible.class, infeasible ->
                assertThat(infeasible.rejections()).singleElement().satisfies(rejected -> {
                    assertThat(rejected.reasonCode()).isEqualTo("BUDGET_BELOW_CARRIER_MINIMUM");
                    assertThat(rejected.field()).isEqualTo("/load/budget");
                    assertThat(rejected.detail()).isEqualTo("The market estimate of 1626.00 USD is below the "
                            + "carrier's minimum of 1800.00 USD for 600.0 loaded miles.");
                }));
    }

    @Test
    void aReeferMayHaulDryVanFreightButNotTheOtherWayRound() {
        feasible(capacityBuilder().equipment(EquipmentType.REEFER).build(), load());
        assertRejectedFor(capacity(), loadBuilder().equipment(EquipmentType.REEFER).build(),
                "EQUIPMENT_MISMATCH", "/load/equipment");
    }

    @Test
    void withoutDwellTheDeadheadCountsTowardsTheEightHoursBeforeABreak() {
        var config = MatchingConfig.DEFAULT.withDwell(Duration.ZERO, Duration.ZERO);
        MatchEvaluation evaluation = MatchEvaluator.evaluate(capacity(), TWO_DOLLARS_A_MILE, load(), config);
        // No hour of loading to pause in: 2 h deadhead + 6 h loaded from 08:00, so the break is due at 14:00.
        assertThat(evaluation.explanation().hoursOfServiceStops()).first()
                .isEqualTo(new Activity.Break(at(0, 14, 0), at(0, 14, 30)));
    }

    private static void assertRejectedFor(CapacityLane capacity, LoadLane load, String reasonCode, String pointer) {
        assertThat(evaluate(capacity, load)).isInstanceOfSatisfying(MatchEvaluation.Infeasible.class, infeasible ->
                assertThat(infeasible.rejections()).singleElement().satisfies(rejected -> {
                    assertThat(rejected.reasonCode()).isEqualTo(reasonCode);
                    assertThat(rejected.field()).isEqualTo(pointer);
                    assertThat(rejected.detail()).isNotBlank();
                }));
    }

    @Nested
    class APairIsRejected {
        @Test
        void whenTheTruckIsNotTheEquipmentTheLoadNeeds() {
            assertRejectedFor(capacity(), loadBuilder().equipment(EquipmentType.FLATBED).build(),
                    "EQUIPMENT_MISMATCH", "/load/equipment");
        }

        @Test
        void whenTheLoadIsHeavierThanTheTruckTakes() {
            assertRejectedFor(capacity(), loadBuilder().size(45_001, 20).build(), "OVERWEIGHT", "/load/weightLbs");
            feasible(capacity(), loadBuilder().size(45_000, 20).build());
        }

        @Test
        void whenTheLoadHasMorePalletsThanTheTruckTakes() {
            assertRejectedFor(capacity(), loadBuilder().size(30_000, 27).build(), "TOO_MANY_PALLETS",
                    "/load/pallets");
        }

        @Test
        void whenThePickupIsBeyondTheCarriersOriginDeadhead() {
            assertRejectedFor(capacityBuilder().deadheadLimits(99, 150).build(), load(),
                    "ORIGIN_DEADHEAD_EXCEEDED", "/capacity/maxOriginDeadheadMiles");
        }

        @Test
        void whenTheDeliveryIsBeyondTheCarriersDestinationDeadhead() {
            assertRejectedFor(capacityBuilder().deadheadLimits(150, 99).build(), load(),
                    "DESTINATION_DEADHEAD_EXCEEDED", "/capacity/maxDestinationDeadheadMiles");
        }

        @Test
        void whenTheTruckReachesThePickupAfterItsWindowCloses() {
            var early = new TimeWindow(at(0, 6, 30), at(0, 7, 30), CHICAGO);
            assertRejectedFor(capacity(), loadBuilder().windows(early, load().deliveryWindow()).build(),
                    "PICKUP_WINDOW_MISSED", "/load/pickupWindow/closesAt");
            assertThat(evaluate(capacity(), loadBuilder().windows(early, load().deliveryWindow()).build())
                    .explanation().schedule().pickupSlack()).isEqualTo(Duration.ofMinutes(-30));
        }

        @Test
        void whenTheTruckReachesTheDeliveryAfterItsWindowCloses() {
            var early = new TimeWindow(at(1, 5, 0), at(1, 7, 0), CHICAGO);
            assertRejectedFor(capacity(), loadBuilder().windows(load().pickupWindow(), early).build(),
                    "DELIVERY_WINDOW_MISSED", "/load/deliveryWindow/closesAt");
        }

        @Test
        void whenTheTruckCannotBeHomeByItsMustArriveBy() {
            assertRejectedFor(capacityBuilder().times(MONDAY_6AM, chicago(1, 10, 0)).build(), load(),
                    "MUST_ARRIVE_BY_MISSED", "/capacity/mustArriveBy");
            feasible(capacityBuilder().times(MONDAY_6AM, chicago(1, 10, 30)).build(), load());
        }

        @Test
        void whenTheBudgetIsBelowTheCarriersMinimumRate() {
            // $3.00 × 600 loaded miles = $1,800 > $1,500.
            assertRejectedFor(capacityBuilder().minimumRate(Money.of(300, "USD")).build(), load(),
                    "BUDGET_BELOW_CARRIER_MINIMUM", "/load/budget/amountMinorUnits");
            feasible(capacityBuilder().minimumRate(Money.of(250, "USD")).build(), load());
        }

        @Test
        void whenTheCarriersExtraCostEatsTheWholeBudget() {
            assertRejectedFor(capacity(), loadBuilder().budget(Money.of(40_000, "USD")).build(), "NO_SURPLUS",
                    "/load/budget/amountMinorUnits");
            assertThat(feasible(capacity(), loadBuilder().budget(Money.of(40_001, "USD")).build())
                    .economics().surplus()).isEqualTo(Money.of(1, "USD"));
        }

        @Test
        void whenTheBudgetIsInAnotherCurrency() {
            MatchEvaluation evaluation = evaluate(capacity(), loadBuilder().budget(Money.of(150_000, "EUR")).build());
            assertThat(evaluation).isInstanceOfSatisfying(MatchEvaluation.Infeasible.class, infeasible -> {
                assertThat(infeasible.reasonCodes()).containsExactly("CURRENCY_MISMATCH");
                assertThat(infeasible.explanation().economics()).isNull();
                assertThat(infeasible.explanation().emptyMilesAvoided()).isCloseTo(400, within(1e-6));
            });
        }

        @Test
        void whenTheCarrierPricesInAnotherCurrencyThanTheMarketRateOfABudgetlessLoad() {
            MatchEvaluation evaluation = MatchEvaluator.evaluate(capacity(), Money.of(180, "EUR"),
                    loadBuilder().budget(null).build(), MatchingConfig.DEFAULT);
            assertThat(evaluation).isInstanceOfSatisfying(MatchEvaluation.Infeasible.class,
                    infeasible -> assertThat(infeasible.reasonCodes()).containsExactly("CURRENCY_MISMATCH"));
        }

        @Test
        void whenEitherLaneIsNoLongerOpen() {
            assertRejectedFor(capacityBuilder().status(LaneStatus.WITHDRAWN).build(), load(), "LANE_NOT_OPEN",
                    "/capacity/status");
            assertRejectedFor(capacity(), loadBuilder().status(LaneStatus.BOOKED).build(), "LANE_NOT_OPEN",
                    "/load/status");
        }

        @Test
        void forEveryReasonAtOnce() {
            var small = capacityBuilder().equipment(EquipmentType.FLATBED).capacity(10_000, 4).deadheadLimits(50, 50)
                    .times(MONDAY_6AM, chicago(1, 9, 0)).build();
            MatchEvaluation evaluation = evaluate(small, loadBuilder().budget(Money.of(100, "USD")).build());

            assertThat(evaluation).isInstanceOfSatisfying(MatchEvaluation.Infeasible.class, infeasible ->
                    assertThat(infeasible.rejections()).extracting(Decision.Rejected::reasonCode,
                            Decision.Rejected::field).containsExactly(
                            tuple("EQUIPMENT_MISMATCH", "/load/equipment"),
                            tuple("OVERWEIGHT", "/load/weightLbs"),
                            tuple("TOO_MANY_PALLETS", "/load/pallets"),
                            tuple("ORIGIN_DEADHEAD_EXCEEDED", "/capacity/maxOriginDeadheadMiles"),
                            tuple("DESTINATION_DEADHEAD_EXCEEDED", "/capacity/maxDestinationDeadheadMiles"),
                            tuple("MUST_ARRIVE_BY_MISSED", "/capacity/mustArriveBy"),
                            tuple("NO_SURPLUS", "/load/budget/amountMinorUnits")));
        }
    }

    @Test
    void rejectionDetailsSpeakADispatchersLanguage() {
        MatchEvaluation evaluation = evaluate(capacityBuilder().deadheadLimits(80, 150).build(), load());
        assertThat(evaluation).isInstanceOfSatisfying(MatchEvaluation.Infeasible.class, infeasible ->
                assertThat(infeasible.rejections().get(0).detail())
                        .isEqualTo("The pickup is 100.0 road miles from where the truck is empty; "
                                + "the carrier accepts 80."));
    }
}
