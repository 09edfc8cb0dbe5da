package com.backhaulexchange.lane;

import static com.backhaulexchange.lane.LaneExamples.CHICAGO;
import static com.backhaulexchange.lane.LaneExamples.MONDAY_6AM;
import static com.backhaulexchange.lane.LaneExamples.NOW;
import static com.backhaulexchange.lane.LaneExamples.at;
import static com.backhaulexchange.lane.LaneExamples.capacity;
import static com.backhaulexchange.lane.LaneExamples.capacityBuilder;
import static com.backhaulexchange.lane.LaneExamples.load;
import static com.backhaulexchange.lane.LaneExamples.loadBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.Decision;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanePostingPoliciesTest {

    private static <L> void assertRejected(LanePostingPolicies.Rule<L> rule, L lane, String reasonCode,
            String pointer) {
        assertThat(rule.check(lane, NOW)).isInstanceOfSatisfying(Decision.Rejected.class, rejected -> {
            assertThat(rejected.reasonCode()).isEqualTo(reasonCode);
            assertThat(rejected.field()).isEqualTo(pointer);
            assertThat(rejected.detail()).isNotBlank();
        });
    }

    private static <L> void assertAllowed(LanePostingPolicies.Rule<L> rule, L lane) {
        assertThat(rule.check(lane, NOW)).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void theExampleLanesMayBePosted() {
        assertThat(LanePostingPolicies.rejections(capacity(), NOW)).isEmpty();
        assertThat(LanePostingPolicies.rejections(load(), NOW)).isEmpty();
    }

    @Nested
    class ACapacityLane {
        @Test
        void mustArriveAtItsEndAfterItBecomesAvailable() {
            var backwards = capacityBuilder().times(MONDAY_6AM, MONDAY_6AM.minusHours(1)).build();
            var instant = capacityBuilder().times(MONDAY_6AM, MONDAY_6AM).build();
            assertRejected(LanePostingPolicies.Capacity.MUST_ARRIVE_BY_AFTER_AVAILABLE_FROM, backwards,
                    "WINDOW_ENDS_BEFORE_IT_STARTS", "/mustArriveBy");
            assertRejected(LanePostingPolicies.Capacity.MUST_ARRIVE_BY_AFTER_AVAILABLE_FROM, instant,
                    "WINDOW_ENDS_BEFORE_IT_STARTS", "/mustArriveBy");
        }

        @Test
        void isAvailableForAtMostTwoWeeks() {
            var long_ = capacityBuilder().times(MONDAY_6AM, MONDAY_6AM.plusDays(14).plusMinutes(1)).build();
            var twoWeeks = capacityBuilder().times(MONDAY_6AM, MONDAY_6AM.plusDays(14)).build();
            assertRejected(LanePostingPolicies.Capacity.AVAILABILITY_AT_MOST_MAX_WINDOW, long_, "WINDOW_TOO_LONG",
                    "/mustArriveBy");
            assertAllowed(LanePostingPolicies.Capacity.AVAILABILITY_AT_MOST_MAX_WINDOW, twoWeeks);
        }

        @Test
        void isNotEntirelyInThePast() {
            var past = capacityBuilder().times(MONDAY_6AM.minusDays(5), MONDAY_6AM.minusDays(4)).build();
            var ongoing = capacityBuilder().times(MONDAY_6AM.minusDays(5), MONDAY_6AM).build();
            assertRejected(LanePostingPolicies.Capacity.NOT_ENTIRELY_IN_THE_PAST, past, "LANE_IN_THE_PAST",
                    "/mustArriveBy");
            assertAllowed(LanePostingPolicies.Capacity.NOT_ENTIRELY_IN_THE_PAST, ongoing);
        }

        @ParameterizedTest(name = "a weight capacity of {0} lbs is rejected")
        @ValueSource(ints = {-1, 0, 48_001, 80_000, Integer.MAX_VALUE})
        void weighsOneTo48000Pounds(int weightLbs) {
            assertRejected(LanePostingPolicies.Capacity.WEIGHT_CAPACITY_IN_RANGE,
                    capacityBuilder().capacity(weightLbs, 26).build(), "WEIGHT_OUT_OF_RANGE", "/weightCapacityLbs");
        }

        @Test
        void theWeightBoundsThemselvesAreAccepted() {
            assertAllowed(LanePostingPolicies.Capacity.WEIGHT_CAPACITY_IN_RANGE,
                    capacityBuilder().capacity(1, 26).build());
            assertAllowed(LanePostingPolicies.Capacity.WEIGHT_CAPACITY_IN_RANGE,
                    capacityBuilder().capacity(48_000, 26).build());
        }

        @ParameterizedTest(name = "a pallet capacity of {0} is rejected")
        @ValueSource(ints = {-1, 31})
        void takesZeroToThirtyPallets(int pallets) {
            assertRejected(LanePostingPolicies.Capacity.PALLET_CAPACITY_IN_RANGE,
                    capacityBuilder().capacity(45_000, pallets).build(), "PALLETS_OUT_OF_RANGE", "/palletCapacity");
            assertAllowed(LanePostingPolicies.Capacity.PALLET_CAPACITY_IN_RANGE,
                    capacityBuilder().capacity(45_000, 0).build());
        }

        @Test
        void acceptsDeadheadOfZeroTo500MilesEachSide() {
            assertRejected(LanePostingPolicies.Capacity.ORIGIN_DEADHEAD_LIMIT_IN_RANGE,
                    capacityBuilder().deadheadLimits(501, 100).build(), "DEADHEAD_LIMIT_OUT_OF_RANGE",
                    "/maxOriginDeadheadMiles");
            assertRejected(LanePostingPolicies.Capacity.DESTINATION_DEADHEAD_LIMIT_IN_RANGE,
                    capacityBuilder().deadheadLimits(100, -1).build(), "DEADHEAD_LIMIT_OUT_OF_RANGE",
                    "/maxDestinationDeadheadMiles");
            assertAllowed(LanePostingPolicies.Capacity.ORIGIN_DEADHEAD_LIMIT_IN_RANGE,
                    capacityBuilder().deadheadLimits(0, 500).build());
            assertAllowed(LanePostingPolicies.Capacity.DESTINATION_DEADHEAD_LIMIT_IN_RANGE,
                    capacityBuilder().deadheadLimits(0, 500).build());
        }

        @Test
        void acceptsAReloadDeadheadLimitOfZeroTo500MilesAndDefaultsTo150() {
            assertThat(capacity().maxReloadDeadheadMiles()).isEqualTo(150)
                    .isEqualTo(CapacityLane.DEFAULT_MAX_RELOAD_DEADHEAD_MILES);
            for (int miles : new int[] {-1, 501}) {
                assertRejected(LanePostingPolicies.Capacity.RELOAD_DEADHEAD_LIMIT_IN_RANGE,
                        capacityBuilder().reloadDeadheadLimit(miles).build(), "DEADHEAD_LIMIT_OUT_OF_RANGE",
                        "/maxReloadDeadheadMiles");
            }
            for (int miles : new int[] {0, 150, 500}) {
                assertAllowed(LanePostingPolicies.Capacity.RELOAD_DEADHEAD_LIMIT_IN_RANGE,
                        capacityBuilder().reloadDeadheadLimit(miles).build());
            }
        }

        @Test
        void keepsItsReloadLimitThroughStatusChangesAndOtherEdits() {
            var lane = capacityBuilder().reloadDeadheadLimit(80).deadheadLimits(100, 100).build();
            assertThat(lane.withStatus(LaneStatus.WITHDRAWN).maxReloadDeadheadMiles()).isEqualTo(80);
            assertThat(new PostedLane.Capacity(lane, NOW, NOW).drivableAt(MONDAY_6AM.plusHours(3).toInstant())
                    .maxReloadDeadheadMiles()).isEqualTo(80);
        }

        @Test
        void mayOmitAMinimumRateButNotStateANonPositiveOne() {
            assertAllowed(LanePostingPolicies.Capacity.MINIMUM_RATE_IS_POSITIVE, capacity());
            assertAllowed(LanePostingPolicies.Capacity.MINIMUM_RATE_IS_POSITIVE,
                    capacityBuilder().minimumRate(Money.of(180, "USD")).build());
            assertRejected(LanePostingPolicies.Capacity.MINIMUM_RATE_IS_POSITIVE,
                    capacityBuilder().minimumRate(Money.of(0, "USD")).build(), "MONEY_NOT_POSITIVE",
                    "/minimumRatePerLoadedMile/amountMinorUnits");
        }

        @Test
        void earnsEveryRejectionAtOnce() {
            var bad = capacityBuilder().times(MONDAY_6AM.minusDays(3), MONDAY_6AM.minusDays(4))
                    .capacity(0, 40).deadheadLimits(900, 900).reloadDeadheadLimit(600).build();
            assertThat(LanePostingPolicies.rejections(bad, NOW))
                    .extracting(Decision.Rejected::reasonCode, Decision.Rejected::field)
                    .containsExactly(
                            tuple("WINDOW_ENDS_BEFORE_IT_STARTS", "/mustArriveBy"),
                            tuple("LANE_IN_THE_PAST", "/mustArriveBy"),
                            tuple("WEIGHT_OUT_OF_RANGE", "/weightCapacityLbs"),
                            tuple("PALLETS_OUT_OF_RANGE", "/palletCapacity"),
                            tuple("DEADHEAD_LIMIT_OUT_OF_RANGE", "/maxOriginDeadheadMiles"),
                            tuple("DEADHEAD_LIMIT_OUT_OF_RANGE", "/maxDestinationDeadheadMiles"),
                            tuple("DEADHEAD_LIMIT_OUT_OF_RANGE", "/maxReloadDeadheadMiles"));
        }
    }

    @Nested
    class ALoadLane {
        private final TimeWindow pickup = load().pickupWindow();
        private final TimeWindow delivery = load().deliveryWindow();

        @Test
        void hasWindowsThatCloseAfterTheyOpen() {
            var backwardsPickup = new TimeWindow(pickup.closesAt(), pickup.opensAt(), CHICAGO);
            var emptyDelivery = new TimeWindow(delivery.opensAt(), delivery.opensAt(), CHICAGO);
            assertRejected(LanePostingPolicies.Load.PICKUP_WINDOW_ENDS_AFTER_IT_STARTS,
                    loadBuilder().windows(backwardsPickup, delivery).build(), "WINDOW_ENDS_BEFORE_IT_STARTS",
                    "/pickupWindow/closesAt");
            assertRejected(LanePostingPolicies.Load.DELIVERY_WINDOW_ENDS_AFTER_IT_STARTS,
                    loadBuilder().windows(pickup, emptyDelivery).build(), "WINDOW_ENDS_BEFORE_IT_STARTS",
                    "/deliveryWindow/closesAt");
        }

        @Test
        void isPickedUpBeforeTheDeliveryWindowCloses() {
            var lateDelivery = new TimeWindow(at(3, 8, 0), at(3, 12, 0), CHICAGO);
            var earlyDelivery = new TimeWindow(at(-1, 8, 0), at(-1, 12, 0), CHICAGO);
            assertRejected(LanePostingPolicies.Load.PICKUP_WINDOW_OPENS_BEFORE_DELIVERY_WINDOW_CLOSES,
                    loadBuilder().windows(lateDelivery, earlyDelivery).build(), "PICKUP_AFTER_DELIVERY",
                    "/pickupWindow/opensAt");
        }

        @Test
        void hasWindowsOfAtMostTwoWeeks() {
            var long_ = new TimeWindow(at(0, 8, 0), at(15, 8, 0), CHICAGO);
            assertRejected(LanePostingPolicies.Load.PICKUP_WINDOW_AT_MOST_MAX_WINDOW,
                    loadBuilder().windows(long_, delivery).build(), "WINDOW_TOO_LONG", "/pickupWindow/closesAt");
            assertRejected(LanePostingPolicies.Load.DELIVERY_WINDOW_AT_MOST_MAX_WINDOW,
                    loadBuilder().windows(pickup, long_).build(), "WINDOW_TOO_LONG", "/deliveryWindow/closesAt");
        }

        @Test
        void hasWindowsNotEntirelyInThePast() {
            Instant tuesdayNoon = at(1, 12, 0);
            assertThat(LanePostingPolicies.Load.PICKUP_WINDOW_NOT_IN_THE_PAST.check(load(), NOW))
                    .isInstanceOf(Decision.Allowed.class);
            assertThat(LanePostingPolicies.Load.PICKUP_WINDOW_NOT_IN_THE_PAST.check(load(), tuesdayNoon))
                    .isInstanceOfSatisfying(Decision.Rejected.class, rejected -> {
                        assertThat(rejected.reasonCode()).isEqualTo("LANE_IN_THE_PAST");
                        assertThat(rejected.field()).isEqualTo("/pickupWindow/closesAt");
                    });
            assertThat(LanePostingPolicies.Load.DELIVERY_WINDOW_NOT_IN_THE_PAST.check(load(), tuesdayNoon))
                    .isInstanceOf(Decision.Allowed.class);
            assertThat(LanePostingPolicies.Load.DELIVERY_WINDOW_NOT_IN_THE_PAST.check(load(), at(2, 0, 0)))
                    .isInstanceOfSatisfying(Decision.Rejected.class, rejected -> {
                        assertThat(rejected.reasonCode()).isEqualTo("LANE_IN_THE_PAST");
                        assertThat(rejected.field()).isEqualTo("/deliveryWindow/closesAt");
                    });
        }

        @ParameterizedTest(name = "a load of {0} lbs is rejected")
        @ValueSource(ints = {-30_000, 0, 48_001, 1_000_000})
        void weighsOneTo48000Pounds(int weightLbs) {
            assertRejected(LanePostingPolicies.Load.WEIGHT_IN_RANGE, loadBuilder().size(weightLbs, 20).build(),
                    "WEIGHT_OUT_OF_RANGE", "/weightLbs");
        }

        @Test
        void hasZeroToThirtyPallets() {
            assertRejected(LanePostingPolicies.Load.PALLETS_IN_RANGE, loadBuilder().size(30_000, 31).build(),
                    "PALLETS_OUT_OF_RANGE", "/pallets");
            assertAllowed(LanePostingPolicies.Load.PALLETS_IN_RANGE, loadBuilder().size(30_000, 0).build());
        }

        @Test
        void describesItsCommodity() {
            assertRejected(LanePostingPolicies.Load.COMMODITY_DESCRIBED, loadBuilder().commodity(" ").build(),
                    "COMMODITY_REQUIRED", "/commodity");
            assertRejected(LanePostingPolicies.Load.COMMODITY_DESCRIBED, loadBuilder().commodity(null).build(),
                    "COMMODITY_REQUIRED", "/commodity");
            assertRejected(LanePostingPolicies.Load.COMMODITY_DESCRIBED,
                    loadBuilder().commodity("x".repeat(201)).build(), "COMMODITY_REQUIRED", "/commodity");
        }

        @Test
        void mayOmitABudgetButNotStateANonPositiveOne() {
            assertAllowed(LanePostingPolicies.Load.BUDGET_IS_POSITIVE, loadBuilder().budget(null).build());
            assertRejected(LanePostingPolicies.Load.BUDGET_IS_POSITIVE,
                    loadBuilder().budget(Money.of(-100, "USD")).build(), "MONEY_NOT_POSITIVE",
                    "/budget/amountMinorUnits");
        }

        @Test
        void earnsEveryRejectionAtOnce() {
            var backwards = new TimeWindow(at(3, 12, 0), at(3, 8, 0), CHICAGO);
            var bad = loadBuilder().windows(backwards, delivery).size(-5, 99).commodity("").build();
            assertThat(LanePostingPolicies.rejections(bad, NOW)).extracting(Decision.Rejected::field)
                    .containsExactly("/pickupWindow/closesAt", "/pickupWindow/opensAt", "/weightLbs", "/pallets",
                            "/commodity");
        }
    }
}
