package com.backhaulexchange.lane;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The rules a posted lane must satisfy before it is written. Each rule is named and a rejection points at
 * the field to blame, in the shape of the posting's JSON body ({@code /pickupWindow/closesAt},
 * {@code /weightLbs}, ...). Rules that depend on the present take the posting time.
 *
 * <p>Bounds, and why:
 * <ul>
 * <li>Weight 1 to {@value #MAX_PAYLOAD_LBS} lbs: the US federal gross limit is 80,000 lbs (23 CFR 658.17);
 *     a tractor with trailer weighs 32,000+ lbs empty, so no legal full truckload carries more than ~48,000
 *     (flatbed payloads 46,000–48,000, a 53' dry van 42,000–45,000; docs/reference/freight-conventions.md).</li>
 * <li>Pallets 0 to {@value #MAX_PALLETS}: a 53' trailer holds 26 standard 48×40 pallets single-stacked,
 *     up to 30 turned; 0 is freight that is not palletised.</li>
 * <li>Deadhead limits 0 to {@value #MAX_DEADHEAD_MILES} miles: beyond that a backhaul is no longer one. The
 *     same bound holds for the reload limit between two loads of a package (default
 *     {@value CapacityLane#DEFAULT_MAX_RELOAD_DEADHEAD_MILES}).</li>
 * <li>Windows and the carrier's availability at most {@value #MAX_WINDOW_DAYS} days long: a posting is
 *     indexed under every day it spans, so the span bounds the index fan-out.</li>
 * </ul>
 */
public final class LanePostingPolicies {

    public static final int MAX_PAYLOAD_LBS = 48_000;
    public static final int MAX_PALLETS = 30;
    public static final int MAX_DEADHEAD_MILES = 500;
    public static final int MAX_WINDOW_DAYS = 14;
    public static final int MAX_COMMODITY_LENGTH = 200;

    public static final String WINDOW_ENDS_BEFORE_IT_STARTS = "WINDOW_ENDS_BEFORE_IT_STARTS";
    public static final String WINDOW_TOO_LONG = "WINDOW_TOO_LONG";
    public static final String PICKUP_AFTER_DELIVERY = "PICKUP_AFTER_DELIVERY";
    public static final String LANE_IN_THE_PAST = "LANE_IN_THE_PAST";
    public static final String WEIGHT_OUT_OF_RANGE = "WEIGHT_OUT_OF_RANGE";
    public static final String PALLETS_OUT_OF_RANGE = "PALLETS_OUT_OF_RANGE";
    public static final String DEADHEAD_LIMIT_OUT_OF_RANGE = "DEADHEAD_LIMIT_OUT_OF_RANGE";
    public static final String MONEY_NOT_POSITIVE = "MONEY_NOT_POSITIVE";
    public static final String COMMODITY_REQUIRED = "COMMODITY_REQUIRED";

    private static final Duration MAX_WINDOW = Duration.ofDays(MAX_WINDOW_DAYS);

    /** A posting rule: what it says about a lane posted at {@code now}. */
    @FunctionalInterface
    public interface Rule<L> {
        Decision check(L lane, Instant now);
    }

    private LanePostingPolicies() {
    }

    /** The rules of a capacity lane. */
    public static final class Capacity {

        public static final Rule<CapacityLane> MUST_ARRIVE_BY_AFTER_AVAILABLE_FROM = (lane, now) ->
                lane.mustArriveBy().toInstant().isAfter(lane.availableFrom().toInstant())
                        ? Decision.allowed()
                        : Decision.rejected(WINDOW_ENDS_BEFORE_IT_STARTS,
                                "The truck must arrive at its end point after it becomes available.",
                                "/mustArriveBy");

        public static final Rule<CapacityLane> AVAILABILITY_AT_MOST_MAX_WINDOW = (lane, now) ->
                tooLong(lane.availableFrom().toInstant(), lane.mustArriveBy().toInstant())
                        ? Decision.rejected(WINDOW_TOO_LONG, "A truck's availability spans at most "
                                + MAX_WINDOW_DAYS + " days.", "/mustArriveBy")
                        : Decision.allowed();

        public static final Rule<CapacityLane> NOT_ENTIRELY_IN_THE_PAST = (lane, now) ->
                lane.mustArriveBy().toInstant().isAfter(now)
                        ? Decision.allowed()
                        : Decision.rejected(LANE_IN_THE_PAST, "The truck's must-arrive-by time has already passed.",
                                "/mustArriveBy");

        public static final Rule<CapacityLane> WEIGHT_CAPACITY_IN_RANGE =
                weightInRange(CapacityLane::weightCapacityLbs, "/weightCapacityLbs");

        public static final Rule<CapacityLane> PALLET_CAPACITY_IN_RANGE =
                palletsInRange(CapacityLane::palletCapacity, "/palletCapacity");

        public static final Rule<CapacityLane> ORIGIN_DEADHEAD_LIMIT_IN_RANGE =
                deadheadInRange(CapacityLane::maxOriginDeadheadMiles, "/maxOriginDeadheadMiles");

        public static final Rule<CapacityLane> DESTINATION_DEADHEAD_LIMIT_IN_RANGE =
                deadheadInRange(CapacityLane::maxDestinationDeadheadMiles, "/maxDestinationDeadheadMiles");

        /** The empty hop between two loads of a reload package (ADR 22), bounded as the other two limits. */
        public static final Rule<CapacityLane> RELOAD_DEADHEAD_LIMIT_IN_RANGE =
                deadheadInRange(CapacityLane::maxReloadDeadheadMiles, "/maxReloadDeadheadMiles");

        public static final Rule<CapacityLane> MINIMUM_RATE_IS_POSITIVE = (lane, now) ->
                positiveIfPresent(lane.minimumRatePerLoadedMile(), "The minimum rate per loaded mile",
                        "/minimumRatePerLoadedMile/amountMinorUnits");

        static final List<Rule<CapacityLane>> ALL = List.of(
                MUST_ARRIVE_BY_AFTER_AVAILABLE_FROM,
                AVAILABILITY_AT_MOST_MAX_WINDOW,
                NOT_ENTIRELY_IN_THE_PAST,
                WEIGHT_CAPACITY_IN_RANGE,
                PALLET_CAPACITY_IN_RANGE,
                ORIGIN_DEADHEAD_LIMIT_IN_RANGE,
                DESTINATION_DEADHEAD_LIMIT_IN_RANGE,
                RELOAD_DEADHEAD_LIMIT_IN_RANGE,
                MINIMUM_RATE_IS_POSITIVE);

        private Capacity() {
        }
    }

    /** The rules of a load lane. */
    public static final class Load {

        public static final Rule<LoadLane> PICKUP_WINDOW_ENDS_AFTER_IT_STARTS = (lane, now) ->
                lane.pickupWindow().closesAt().isAfter(lane.pickupWindow().opensAt())
                        ? Decision.allowed()
                        : Decision.rejected(WINDOW_ENDS_BEFORE_IT_STARTS,
                                "The pickup window must close after it opens.", "/pickupWindow/closesAt");

        public static final Rule<LoadLane> DELIVERY_WINDOW_ENDS_AFTER_IT_STARTS = (lane, now) ->
                lane.deliveryWindow().closesAt().isAfter(lane.deliveryWindow().opensAt())
                        ? Decision.allowed()
                        : Decision.rejected(WINDOW_ENDS_BEFORE_IT_STARTS,
                                "The delivery window must close after it opens.", "/deliveryWindow/closesAt");

        public static final Rule<LoadLane> PICKUP_WINDOW_OPENS_BEFORE_DELIVERY_WINDOW_CLOSES = (lane, now) ->
                lane.pickupWindow().opensAt().isBefore(lane.deliveryWindow().closesAt())
                        ? Decision.allowed()
                        : Decision.rejected(PICKUP_AFTER_DELIVERY,
                                "The pickup window must open before the delivery window closes.",
                                "/pickupWindow/opensAt");

        public static final Rule<LoadLane> PICKUP_WINDOW_AT_MOST_MAX_WINDOW = (lane, now) ->
                tooLong(lane.pickupWindow().opensAt(), lane.pickupWindow().closesAt())
                        ? Decision.rejected(WINDOW_TOO_LONG, "A pickup window spans at most " + MAX_WINDOW_DAYS
                                + " days.", "/pickupWindow/closesAt")
                        : Decision.allowed();

        public static final Rule<LoadLane> DELIVERY_WINDOW_AT_MOST_MAX_WINDOW = (lane, now) ->
                tooLong(lane.deliveryWindow().opensAt(), lane.deliveryWindow().closesAt())
                        ? Decision.rejected(WINDOW_TOO_LONG, "A delivery window spans at most " + MAX_WINDOW_DAYS
                                + " days.", "/deliveryWindow/closesAt")
                        : Decision.allowed();

        public static final Rule<LoadLane> PICKUP_WINDOW_NOT_IN_THE_PAST = (lane, now) ->
                lane.pickupWindow().closesAt().isAfter(now)
                        ? Decision.allowed()
                        : Decision.rejected(LANE_IN_THE_PAST, "The pickup window has already closed.",
                                "/pickupWindow/closesAt");

        public static final Rule<LoadLane> DELIVERY_WINDOW_NOT_IN_THE_PAST = (lane, now) ->
                lane.deliveryWindow().closesAt().isAfter(now)
                        ? Decision.allowed()
                        : Decision.rejected(LANE_IN_THE_PAST, "The delivery window has already closed.",
                                "/deliveryWindow/closesAt");

        public static final Rule<LoadLane> WEIGHT_IN_RANGE = weightInRange(LoadLane::weightLbs, "/weightLbs");

        public static final Rule<LoadLane> PALLETS_IN_RANGE = palletsInRange(LoadLane::pallets, "/pallets");

        public static final Rule<LoadLane> COMMODITY_DESCRIBED = (lane, now) ->
                lane.commodity() == null || lane.commodity().isBlank()
                                || lane.commodity().length() > MAX_COMMODITY_LENGTH
                        ? Decision.rejected(COMMODITY_REQUIRED, "Describe the commodity in 1 to "
                                + MAX_COMMODITY_LENGTH + " characters.", "/commodity")
                        : Decision.allowed();

        public static final Rule<LoadLane> BUDGET_IS_POSITIVE = (lane, now) ->
                positiveIfPresent(lane.budget(), "The budget", "/budget/amountMinorUnits");

        static final List<Rule<LoadLane>> ALL = List.of(
                PICKUP_WINDOW_ENDS_AFTER_IT_STARTS,
                DELIVERY_WINDOW_ENDS_AFTER_IT_STARTS,
                PICKUP_WINDOW_OPENS_BEFORE_DELIVERY_WINDOW_CLOSES,
                PICKUP_WINDOW_AT_MOST_MAX_WINDOW,
                DELIVERY_WINDOW_AT_MOST_MAX_WINDOW,
                PICKUP_WINDOW_NOT_IN_THE_PAST,
                DELIVERY_WINDOW_NOT_IN_THE_PAST,
                WEIGHT_IN_RANGE,
                PALLETS_IN_RANGE,
                COMMODITY_DESCRIBED,
                BUDGET_IS_POSITIVE);

        private Load() {
        }
    }

    /** Every rejection a capacity lane posted at {@code now} earns; empty when it may be written. */
    public static List<Decision.Rejected> rejections(CapacityLane lane, Instant now) {
        return rejectionsOf(Capacity.ALL, lane, now);
    }

    /** Every rejection a load lane posted at {@code now} earns; empty when it may be written. */
    public static List<Decision.Rejected> rejections(LoadLane lane, Instant now) {
        return rejectionsOf(Load.ALL, lane, now);
    }

    private static <L> List<Decision.Rejected> rejectionsOf(List<Rule<L>> rules, L lane, Instant now) {
        return rules.stream()
                .map(rule -> rule.check(lane, now))
                .filter(Decision.Rejected.class::isInstance)
                .map(Decision.Rejected.class::cast)
                .toList();
    }

    private static boolean tooLong(Instant from, Instant to) {
        return Duration.between(from, to).compareTo(MAX_WINDOW) > 0;
    }

    private static <L> Rule<L> weightInRange(ToIntFunction<L> weightLbs, String pointer) {
        return (lane, now) -> {
            int weight = weightLbs.applyAsInt(lane);
            return weight >= 1 && weight <= MAX_PAYLOAD_LBS
                    ? Decision.allowed()
                    : Decision.rejected(WEIGHT_OUT_OF_RANGE, "A truckload weighs 1 to " + MAX_PAYLOAD_LBS
                            + " lbs (80,000 lbs gross minus the truck's own weight), was " + weight + ".", pointer);
        };
    }

    private static <L> Rule<L> palletsInRange(ToIntFunction<L> pallets, String pointer) {
        return (lane, now) -> {
            int count = pallets.applyAsInt(lane);
            return count >= 0 && count <= MAX_PALLETS
                    ? Decision.allowed()
                    : Decision.rejected(PALLETS_OUT_OF_RANGE, "A truckload has 0 to " + MAX_PALLETS
                            + " pallets, was " + count + ".", pointer);
        };
    }

    private static <L> Rule<L> deadheadInRange(ToIntFunction<L> miles, String pointer) {
        return (lane, now) -> {
            int limit = miles.applyAsInt(lane);
            return limit >= 0 && limit <= MAX_DEADHEAD_MILES
                    ? Decision.allowed()
                    : Decision.rejected(DEADHEAD_LIMIT_OUT_OF_RANGE, "A deadhead limit is 0 to "
                            + MAX_DEADHEAD_MILES + " miles, was " + limit + ".", pointer);
        };
    }

    private static Decision positiveIfPresent(Money money, String what, String pointer) {
        return money != null && money.amountMinorUnits() <= 0
                ? Decision.rejected(MONEY_NOT_POSITIVE, what + " must be positive.", pointer)
                : Decision.allowed();
    }
}
