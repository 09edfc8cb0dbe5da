package com.backhaulexchange.matching.chain;

import static com.backhaulexchange.matching.chain.ChainExamples.CHICAGO;
import static com.backhaulexchange.matching.chain.ChainExamples.DAYTON;
import static com.backhaulexchange.matching.chain.ChainExamples.INDIANAPOLIS;
import static com.backhaulexchange.matching.chain.ChainExamples.MILWAUKEE;
import static com.backhaulexchange.matching.chain.ChainExamples.PITTSBURGH;
import static com.backhaulexchange.matching.chain.ChainExamples.ST_LOUIS;
import static com.backhaulexchange.matching.chain.ChainExamples.TWO_DOLLARS_A_MILE;
import static com.backhaulexchange.matching.chain.ChainExamples.chicago;
import static com.backhaulexchange.matching.chain.ChainExamples.chicagoTime;
import static com.backhaulexchange.matching.chain.ChainExamples.chicagoToIndianapolis;
import static com.backhaulexchange.matching.chain.ChainExamples.chicagoToPittsburgh;
import static com.backhaulexchange.matching.chain.ChainExamples.daytonToPittsburgh;
import static com.backhaulexchange.matching.chain.ChainExamples.load;
import static com.backhaulexchange.matching.chain.ChainExamples.truck;
import static com.backhaulexchange.matching.chain.ChainExamples.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.emissions.FleetFuelEconomy;
import com.backhaulexchange.emissions.Fuel;
import com.backhaulexchange.emissions.FuelEconomySource;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.chain.ChainExplanation.ScheduledStop;
import com.backhaulexchange.matching.chain.ChainExplanation.StopKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Chicago → Pittsburgh (baseline 491.79 road miles) carrying Chicago → Indianapolis (196.35 loaded) then,
 * after a 125.33-mile hop, Dayton → Pittsburgh (272.01 loaded). Figures computed apart from the code.
 */
class ChainEvaluatorTest {

    private static ChainEvaluation evaluate(CapacityLane capacity, List<LoadLane> loads) {
        return evaluate(capacity, loads, ReloadPreferences.DEFAULT);
    }

    private static ChainEvaluation evaluate(CapacityLane capacity, List<LoadLane> loads, ReloadPreferences preferences) {
        return ChainEvaluator.evaluate(capacity, TWO_DOLLARS_A_MILE, loads, preferences, MatchingConfig.DEFAULT);
    }

    private static ChainEvaluation.Infeasible infeasible(CapacityLane capacity, List<LoadLane> loads,
            ReloadPreferences preferences) {
        ChainEvaluation evaluation = evaluate(capacity, loads, preferences);
        assertThat(evaluation).isInstanceOf(ChainEvaluation.Infeasible.class);
        return (ChainEvaluation.Infeasible) evaluation;
    }

    @Nested
    class AFeasibleChainIsExplainedLegByLeg {
        private final ChainEvaluation evaluation = evaluate(chicagoToPittsburgh(),
                List.of(chicagoToIndianapolis(), daytonToPittsburgh()));
        private final ChainExplanation explanation = evaluation.explanation();

        @Test
        void isFeasible() {
            assertThat(evaluation).isInstanceOf(ChainEvaluation.Feasible.class);
        }

        @Test
        void inMiles() {
            ChainMiles miles = explanation.miles();
            assertThat(miles.loads().get(0).deadheadToPickupMiles()).isZero();
            assertThat(miles.loads().get(1).deadheadToPickupMiles()).isCloseTo(125.3277, within(1e-3));
            assertThat(miles.loads().get(0).loadedMiles()).isCloseTo(196.3472, within(1e-3));
            assertThat(miles.loads().get(1).loadedMiles()).isCloseTo(272.0057, within(1e-3));
            assertThat(miles.destinationDeadheadMiles()).isCloseTo(0, within(1e-9));
            assertThat(miles.baselineEmptyMiles()).isCloseTo(491.7897, within(1e-3));
            assertThat(miles.routeMiles()).isCloseTo(593.6806, within(1e-3));
            assertThat(miles.outOfRouteMiles()).isCloseTo(101.8908, within(1e-3));
            assertThat(miles.emptyMilesAvoided()).isCloseTo(366.4621, within(1e-3));
            assertThat(explanation.co2eAvoidedKg()).isCloseTo(366.4621 / 8.1 * 12.65, within(1e-2));
        }

        @Test
        void inCo2eWithTheCarriersFleetFuelEconomyWhenTheLaneCarriesOne() {
            var fleet = FleetFuelEconomy.average(Fuel.DIESEL, 6.5);
            ChainExplanation own = evaluate(chicagoToPittsburgh().withFleetFuelEconomy(fleet),
                    List.of(chicagoToIndianapolis(), daytonToPittsburgh())).explanation();

            assertThat(explanation.co2eAvoided().fuelEconomySource()).isEqualTo(FuelEconomySource.FACTOR_SET_DEFAULT);
            assertThat(own.co2eAvoidedKg()).isCloseTo(366.4621 / 6.5 * 12.65, within(1e-2));
            assertThat(own.co2eAvoided().fuelEconomySource()).isEqualTo(FuelEconomySource.PARTNER_FLEET);
            assertThat(own.co2eAvoided().fleetFuelEconomy()).isEqualTo(fleet);
        }

        @Test
        void inMoneyPerLoadAndInTotal() {
            ChainEconomics economics = explanation.economics();
            // 101.89 out-of-route miles × $2 = $203.78, split 196.35 : 397.33 attributable miles.
            assertThat(economics.carrierIncrementalCost()).isEqualTo(Money.of(20_378, "USD"));
            assertThat(economics.perLoad()).extracting(ChainEconomics.LoadShare::carrierCostShare,
                    ChainEconomics.LoadShare::surplus).containsExactly(
                            tuple(Money.of(6_740, "USD"), Money.of(83_260, "USD")),
                            tuple(Money.of(13_638, "USD"), Money.of(96_362, "USD")));
            assertThat(economics.perLoad().get(1).attributableMiles()).isCloseTo(397.3334, within(1e-3));
            assertThat(economics.shipperPrice()).isEqualTo(Money.of(200_000, "USD"));
            assertThat(economics.surplus()).isEqualTo(Money.of(179_622, "USD"));
        }

        @Test
        void inTimeWithTheSlackAtEveryWindow() {
            // 3 h 55 min 37 s to Indianapolis after loading; 2 h 30 min 24 s to Dayton, where the truck waits
            // overnight for Tuesday 06:00; 5 h 26 min 25 s to Pittsburgh.
            assertThat(explanation.schedule()).containsExactly(
                    new ScheduledStop(StopKind.PICKUP, 0, chicagoTime(0, 6, 0), Duration.ofHours(4)),
                    new ScheduledStop(StopKind.DELIVERY, 0, chicagoTime(0, 10, 55).plusSeconds(37),
                            Duration.parse("PT5H4M23S")),
                    new ScheduledStop(StopKind.PICKUP, 1, chicagoTime(1, 6, 0), Duration.ofHours(4)),
                    new ScheduledStop(StopKind.DELIVERY, 1, chicagoTime(1, 12, 26).plusSeconds(25),
                            Duration.parse("PT5H33M35S")),
                    new ScheduledStop(StopKind.END, null, chicagoTime(1, 13, 26).plusSeconds(25),
                            Duration.parse("PT28H33M35S")));
            assertThat(explanation.hoursOfServiceStops()).isEmpty();
        }

        @Test
        void andComparedWithEachLoadAlone() {
            var singles = explanation.singleLoads();
            assertThat(singles.alone()).extracting(ChainExplanation.SingleLoad::emptyMilesAvoided)
                    .satisfiesExactly(
                            avoided -> assertThat(avoided).isCloseTo(97.1339, within(1e-3)),
                            avoided -> assertThat(avoided).isCloseTo(214.0357, within(1e-3)));
            assertThat(singles.chainAvoidsMore()).isTrue();
        }

        @Test
        void andScoredBySurplusUnderItsDeterministicId() {
            assertThat(evaluation).isInstanceOfSatisfying(ChainEvaluation.Feasible.class, feasible -> {
                assertThat(feasible.score().surplus()).isEqualTo(Money.of(179_622, "USD"));
                assertThat(feasible.score().packageId()).isEqualTo(ReloadPackageId.of(
                        chicagoToPittsburgh().id(), List.of(LaneExamples.loadId(1), LaneExamples.loadId(2))));
            });
        }
    }

    @Test
    void orderMatters() {
        var reversed = infeasible(chicagoToPittsburgh(), List.of(daytonToPittsburgh(), chicagoToIndianapolis()),
                ReloadPreferences.DEFAULT);
        assertThat(reversed.rejections()).extracting(ChainRejection::loadIndex, ChainRejection::reasonCode)
                .contains(
                        tuple(0, "ORIGIN_DEADHEAD_EXCEEDED"),
                        tuple(1, "RELOAD_DEADHEAD_EXCEEDED"),
                        tuple(1, "PICKUP_WINDOW_MISSED"),
                        tuple(1, "NO_SURPLUS"),
                        tuple(1, "DESTINATION_DEADHEAD_EXCEEDED"),
                        tuple(null, "NOT_BETTER_THAN_SINGLE_LOAD"));
        assertThat(reversed.packageId()).isNotEqualTo(evaluate(chicagoToPittsburgh(),
                List.of(chicagoToIndianapolis(), daytonToPittsburgh())).packageId());
    }

    @Test
    void aLatePickupIsRejectedAtItsLoad() {
        // The truck reaches Dayton at 14:26:01; this pickup closes at 13:00.
        LoadLane early = load(2, DAYTON, PITTSBURGH, window(chicago(0, 10, 0), chicago(0, 13, 0)),
                window(chicago(1, 6, 0), chicago(1, 18, 0)), 110_000);
        var rejected = infeasible(chicagoToPittsburgh(), List.of(chicagoToIndianapolis(), early),
                ReloadPreferences.DEFAULT);
        assertThat(rejected.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.loadIndex()).isEqualTo(1);
            assertThat(rejection.reasonCode()).isEqualTo("PICKUP_WINDOW_MISSED");
            assertThat(rejection.reason().field()).isEqualTo("/loads/1/pickupWindow/closesAt");
            assertThat(rejection.reason().detail())
                    .isEqualTo("The truck reaches load 2's pickup 1 h 26 min after its window closes.");
        });
    }

    @Test
    void theHopBetweenLoadsHasItsOwnLimit() {
        var rejected = infeasible(chicagoToPittsburgh(), List.of(chicagoToIndianapolis(), daytonToPittsburgh()),
                new ReloadPreferences(100));
        assertThat(rejected.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.loadIndex()).isEqualTo(1);
            assertThat(rejection.reasonCode()).isEqualTo(ChainPolicies.RELOAD_DEADHEAD_EXCEEDED);
            assertThat(rejection.reason().field()).isEqualTo("/preferences/maxReloadDeadheadMiles");
            assertThat(rejection.reason().detail()).isEqualTo("Load 2's pickup is 125.3 road miles from load 1's "
                    + "delivery; the carrier accepts 100 between loads.");
        });
        assertThat(ReloadPreferences.DEFAULT.maxReloadDeadheadMiles()).isEqualTo(150);
    }

    @Test
    void eachLoadAloneMustFitTheTruck() {
        LoadLane heavy = LaneExamples.loadBuilder().id(LaneExamples.loadId(2)).route(DAYTON, PITTSBURGH)
                .windows(daytonToPittsburgh().pickupWindow(), daytonToPittsburgh().deliveryWindow())
                .size(46_000, 27).equipment(EquipmentType.FLATBED).build();
        var rejected = infeasible(chicagoToPittsburgh(), List.of(chicagoToIndianapolis(), heavy),
                ReloadPreferences.DEFAULT);
        assertThat(rejected.rejections()).extracting(ChainRejection::loadIndex, ChainRejection::reasonCode,
                rejection -> rejection.reason().field()).containsExactly(
                        tuple(1, "EQUIPMENT_MISMATCH", "/loads/1/equipment"),
                        tuple(1, "OVERWEIGHT", "/loads/1/weightLbs"),
                        tuple(1, "TOO_MANY_PALLETS", "/loads/1/pallets"));
    }

    @Test
    void aClosedLoadOrLaneIsRejected() {
        var rejected = infeasible(chicagoToPittsburgh().withStatus(LaneStatus.WITHDRAWN),
                List.of(chicagoToIndianapolis().withStatus(LaneStatus.WITHDRAWN), daytonToPittsburgh()),
                ReloadPreferences.DEFAULT);
        assertThat(rejected.rejections()).extracting(ChainRejection::loadIndex, ChainRejection::reasonCode)
                .containsExactly(tuple(null, "LANE_NOT_OPEN"), tuple(0, "LANE_NOT_OPEN"));
    }

    @Test
    void mustArriveByIsTheWholeChainsDeadline() {
        // The chain reaches Pittsburgh Tuesday 13:26:25.
        CapacityLane hurried = truck(CHICAGO, PITTSBURGH, chicagoTime(1, 12, 0));
        var rejected = infeasible(hurried, List.of(chicagoToIndianapolis(), daytonToPittsburgh()),
                ReloadPreferences.DEFAULT);
        assertThat(rejected.rejections()).extracting(ChainRejection::loadIndex, ChainRejection::reasonCode)
                .containsExactly(tuple(null, "MUST_ARRIVE_BY_MISSED"));
        assertThat(rejected.rejections().getFirst().reason().detail())
                .isEqualTo("The truck reaches its end point 1 h 26 min after it must be there.");
    }

    @Test
    void aLoadWhoseBudgetDoesNotCoverItsShareLeavesNoSurplus() {
        // Load 2's share of the carrier's cost is $136.38.
        LoadLane cheap = LaneExamples.loadBuilder().id(LaneExamples.loadId(2)).route(DAYTON, PITTSBURGH)
                .windows(daytonToPittsburgh().pickupWindow(), daytonToPittsburgh().deliveryWindow())
                .budget(Money.of(13_638, "USD")).build();
        var rejected = infeasible(chicagoToPittsburgh(), List.of(chicagoToIndianapolis(), cheap),
                ReloadPreferences.DEFAULT);
        assertThat(rejected.rejections()).extracting(ChainRejection::loadIndex, ChainRejection::reasonCode,
                rejection -> rejection.reason().field())
                .containsExactly(tuple(1, "NO_SURPLUS", "/loads/1/budget/amountMinorUnits"));
        assertThat(rejected.explanation().economics().surplus()).isEqualTo(Money.of(83_260, "USD"));
    }

    @Test
    void theCarriersMinimumRateAppliesToEachLoad() {
        // $4.00 a loaded mile: $785.39 for load 1 (budget $900), $1,088.02 for load 2 (budget $1,100).
        CapacityLane demanding = LaneExamples.capacityBuilder().route(CHICAGO, PITTSBURGH)
                .times(LaneExamples.MONDAY_6AM, chicagoTime(2, 18, 0)).minimumRate(Money.of(400, "USD")).build();
        assertThat(evaluate(demanding, List.of(chicagoToIndianapolis(), daytonToPittsburgh())))
                .isInstanceOf(ChainEvaluation.Feasible.class);
        CapacityLane greedier = LaneExamples.capacityBuilder().route(CHICAGO, PITTSBURGH)
                .times(LaneExamples.MONDAY_6AM, chicagoTime(2, 18, 0)).minimumRate(Money.of(460, "USD")).build();
        var rejected = infeasible(greedier, List.of(chicagoToIndianapolis(), daytonToPittsburgh()),
                ReloadPreferences.DEFAULT);
        assertThat(rejected.rejections()).extracting(ChainRejection::loadIndex, ChainRejection::reasonCode)
                .containsExactly(tuple(0, "BUDGET_BELOW_CARRIER_MINIMUM"), tuple(1, "BUDGET_BELOW_CARRIER_MINIMUM"));
        assertThat(rejected.rejections().getFirst().reason().detail()).isEqualTo("Load 1's budget of 900.00 USD is "
                + "below the carrier's minimum of 903.20 USD for 196.3 loaded miles.");
    }

    @Test
    void aBudgetInAnotherCurrencyHasNoEconomics() {
        LoadLane euros = LaneExamples.loadBuilder().id(LaneExamples.loadId(2)).route(DAYTON, PITTSBURGH)
                .windows(daytonToPittsburgh().pickupWindow(), daytonToPittsburgh().deliveryWindow())
                .budget(Money.of(100_000, "EUR")).build();
        var rejected = infeasible(chicagoToPittsburgh(), List.of(chicagoToIndianapolis(), euros),
                ReloadPreferences.DEFAULT);
        assertThat(rejected.explanation().economics()).isNull();
        assertThat(rejected.rejections()).extracting(ChainRejection::loadIndex, ChainRejection::reasonCode)
                .containsExactly(tuple(1, "CURRENCY_MISMATCH"));
    }

    @Nested
    class ATriangleRoundTrip {
        // Home is Indianapolis: Indianapolis → St. Louis (276.25), St. Louis → Chicago (312.06), a 99.81-mile hop
        // to Milwaukee, Milwaukee → Indianapolis (292.14). Back home by Thursday 20:00.
        private final CapacityLane home = truck(INDIANAPOLIS, INDIANAPOLIS, chicagoTime(3, 20, 0));
        private final List<LoadLane> loads = List.of(
                load(11, INDIANAPOLIS, ST_LOUIS, window(chicago(0, 6, 0), chicago(0, 8, 0)),
                        window(chicago(0, 10, 0), chicago(0, 18, 0)), 90_000),
                load(12, ST_LOUIS, CHICAGO, window(chicago(1, 6, 0), chicago(1, 10, 0)),
                        window(chicago(1, 10, 0), chicago(1, 18, 0)), 100_000),
                load(13, MILWAUKEE, INDIANAPOLIS, window(chicago(2, 6, 0), chicago(2, 10, 0)),
                        window(chicago(2, 10, 0), chicago(2, 18, 0)), 100_000));
        private final ChainEvaluation evaluation = evaluate(home, loads);

        @Test
        void isFeasibleThoughNoLoadWouldBeAlone() {
            assertThat(new ReloadPackage(home, loads).isRoundTrip()).isTrue();
            assertThat(evaluation).isInstanceOf(ChainEvaluation.Feasible.class);
            for (LoadLane load : loads) {
                assertThat(com.backhaulexchange.matching.MatchEvaluator.evaluate(home, TWO_DOLLARS_A_MILE, load,
                        MatchingConfig.DEFAULT)).isInstanceOf(com.backhaulexchange.matching.MatchEvaluation.Infeasible.class);
            }
        }

        @Test
        void hasNoBaselineSoEveryMileIsOutOfRoute() {
            ChainExplanation explanation = evaluation.explanation();
            assertThat(explanation.miles().baselineEmptyMiles()).isZero();
            assertThat(explanation.emptyMilesAvoided()).isCloseTo(-99.8123, within(1e-3));
            assertThat(explanation.outOfRouteMiles()).isCloseTo(980.2544, within(1e-3));
            assertThat(explanation.singleLoads().bestSingleEmptyMilesAvoided()).isCloseTo(-276.2501, within(1e-3));
            assertThat(explanation.economics().carrierIncrementalCost()).isEqualTo(Money.of(196_051, "USD"));
            assertThat(explanation.economics().perLoad()).extracting(ChainEconomics.LoadShare::surplus)
                    .containsExactly(Money.of(34_750, "USD"), Money.of(37_589, "USD"), Money.of(21_610, "USD"));
            assertThat(explanation.economics().surplus()).isEqualTo(Money.of(93_949, "USD"));
        }

        @Test
        void endsBackHomeOnWednesday() {
            // Milwaukee Wed 06:00, loaded 1 h, 5 h 50 min 34 s to Indianapolis, unloaded 1 h.
            assertThat(evaluation.explanation().schedule().getLast())
                    .isEqualTo(new ScheduledStop(StopKind.END, null, chicagoTime(2, 13, 50).plusSeconds(34),
                            Duration.parse("PT30H9M26S")));
        }
    }

    @Test
    void aPackageHasTwoOrThreeDistinctLoads() {
        CapacityLane lane = chicagoToPittsburgh();
        assertThatThrownBy(() -> new ReloadPackage(lane, List.of(chicagoToIndianapolis())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReloadPackage(lane, List.of(chicagoToIndianapolis(), chicagoToIndianapolis())))
                .isInstanceOf(IllegalArgumentException.class);
        LoadLane third = load(3, PITTSBURGH, CHICAGO, daytonToPittsburgh().pickupWindow(),
                daytonToPittsburgh().deliveryWindow(), 1);
        LoadLane fourth = load(4, PITTSBURGH, CHICAGO, daytonToPittsburgh().pickupWindow(),
                daytonToPittsburgh().deliveryWindow(), 1);
        assertThatThrownBy(() -> new ReloadPackage(lane, List.of(chicagoToIndianapolis(), daytonToPittsburgh(), third,
                fourth))).isInstanceOf(IllegalArgumentException.class);
    }
}
