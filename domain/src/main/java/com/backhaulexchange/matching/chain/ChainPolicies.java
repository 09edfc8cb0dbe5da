package com.backhaulexchange.matching.chain;

import static com.backhaulexchange.matching.RejectionTexts.late;
import static com.backhaulexchange.matching.RejectionTexts.miles;
import static com.backhaulexchange.matching.RejectionTexts.money;
import static com.backhaulexchange.matching.RejectionTexts.notAfter;
import static com.backhaulexchange.matching.FeasibilityPolicies.BUDGET_BELOW_CARRIER_MINIMUM;
import static com.backhaulexchange.matching.FeasibilityPolicies.CURRENCY_MISMATCH;
import static com.backhaulexchange.matching.FeasibilityPolicies.DELIVERY_WINDOW_MISSED;
import static com.backhaulexchange.matching.FeasibilityPolicies.DESTINATION_DEADHEAD_EXCEEDED;
import static com.backhaulexchange.matching.FeasibilityPolicies.EQUIPMENT_MISMATCH;
import static com.backhaulexchange.matching.FeasibilityPolicies.LANE_NOT_OPEN;
import static com.backhaulexchange.matching.FeasibilityPolicies.MUST_ARRIVE_BY_MISSED;
import static com.backhaulexchange.matching.FeasibilityPolicies.NO_SURPLUS;
import static com.backhaulexchange.matching.FeasibilityPolicies.ORIGIN_DEADHEAD_EXCEEDED;
import static com.backhaulexchange.matching.FeasibilityPolicies.OVERWEIGHT;
import static com.backhaulexchange.matching.FeasibilityPolicies.PICKUP_WINDOW_MISSED;
import static com.backhaulexchange.matching.FeasibilityPolicies.TOO_MANY_PALLETS;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.matching.EquipmentCompatibility;
import com.backhaulexchange.matching.MatchEconomics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The rules a chain must satisfy, one named rule per reason, with the single-match codes of
 * {@link com.backhaulexchange.matching.FeasibilityPolicies} where the meaning is the same. Load rules apply to
 * each load in turn and say which one breaks them; chain rules apply once. Full truckloads are carried one
 * after another, so each load alone must fit the truck. {@link #rejections} applies them all.
 */
public final class ChainPolicies {

    /** The empty hop from one delivery to the next pickup is longer than the carrier accepts. */
    public static final String RELOAD_DEADHEAD_EXCEEDED = "RELOAD_DEADHEAD_EXCEEDED";
    /** The chain avoids no more empty miles than one of its loads would alone. */
    public static final String NOT_BETTER_THAN_SINGLE_LOAD = "NOT_BETTER_THAN_SINGLE_LOAD";

    /** A rule about load {@code index} of the chain (and the empty hop into it). */
    @FunctionalInterface
    public interface LoadRule {
        Decision judge(ChainFacts facts, int index);
    }

    public static final Function<ChainFacts, Decision> CAPACITY_LANE_IS_OPEN = facts ->
            facts.capacity().status().isOpenForMatching()
                    ? Decision.allowed()
                    : Decision.rejected(LANE_NOT_OPEN, "The capacity lane is " + facts.capacity().status() + ".",
                            "/capacity/status");

    public static final LoadRule LOAD_LANE_IS_OPEN = (facts, i) ->
            facts.loads().get(i).status().isOpenForMatching()
                    ? Decision.allowed()
                    : Decision.rejected(LANE_NOT_OPEN, "Load " + (i + 1) + " is " + facts.loads().get(i).status()
                            + ".", load(i, "status"));

    public static final LoadRule EQUIPMENT_IS_COMPATIBLE = (facts, i) ->
            EquipmentCompatibility.canCarry(facts.capacity().equipment(), facts.loads().get(i).equipment())
                    ? Decision.allowed()
                    : Decision.rejected(EQUIPMENT_MISMATCH, "Load " + (i + 1) + " needs "
                            + facts.loads().get(i).equipment() + "; the truck is " + facts.capacity().equipment()
                            + ".", load(i, "equipment"));

    public static final LoadRule WEIGHT_FITS = (facts, i) ->
            facts.loads().get(i).weightLbs() <= facts.capacity().weightCapacityLbs()
                    ? Decision.allowed()
                    : Decision.rejected(OVERWEIGHT, "Load " + (i + 1) + " weighs " + facts.loads().get(i).weightLbs()
                            + " lbs; the truck takes " + facts.capacity().weightCapacityLbs() + " lbs.",
                            load(i, "weightLbs"));

    public static final LoadRule PALLETS_FIT = (facts, i) ->
            facts.loads().get(i).pallets() <= facts.capacity().palletCapacity()
                    ? Decision.allowed()
                    : Decision.rejected(TOO_MANY_PALLETS, "Load " + (i + 1) + " has " + facts.loads().get(i).pallets()
                            + " pallets; the truck takes " + facts.capacity().palletCapacity() + ".",
                            load(i, "pallets"));

    /** The first hop against the posting's origin deadhead limit, the others against the reload limit. */
    public static final LoadRule DEADHEAD_TO_PICKUP_WITHIN_LIMIT = (facts, i) -> {
        double hop = facts.miles().loads().get(i).deadheadToPickupMiles();
        if (i == 0) {
            return hop <= facts.capacity().maxOriginDeadheadMiles()
                    ? Decision.allowed()
                    : Decision.rejected(ORIGIN_DEADHEAD_EXCEEDED, "The first pickup is " + miles(hop)
                            + " road miles from where the truck is empty; the carrier accepts "
                            + facts.capacity().maxOriginDeadheadMiles() + ".", "/capacity/maxOriginDeadheadMiles");
        }
        return hop <= facts.preferences().maxReloadDeadheadMiles()
                ? Decision.allowed()
                : Decision.rejected(RELOAD_DEADHEAD_EXCEEDED, "Load " + (i + 1) + "'s pickup is " + miles(hop)
                        + " road miles from load " + i + "'s delivery; the carrier accepts "
                        + facts.preferences().maxReloadDeadheadMiles() + " between loads.",
                        "/preferences/maxReloadDeadheadMiles");
    };

    public static final LoadRule PICKUP_IN_WINDOW = (facts, i) -> {
        Instant at = facts.pickup(i).serviceStartsAt();
        Instant closes = facts.loads().get(i).pickupWindow().closesAt();
        return notAfter(at, closes)
                ? Decision.allowed()
                : Decision.rejected(PICKUP_WINDOW_MISSED, "The truck reaches load " + (i + 1) + "'s pickup "
                        + late(at, closes) + " after its window closes.", load(i, "pickupWindow/closesAt"));
    };

    public static final LoadRule DELIVERY_IN_WINDOW = (facts, i) -> {
        Instant at = facts.delivery(i).serviceStartsAt();
        Instant closes = facts.loads().get(i).deliveryWindow().closesAt();
        return notAfter(at, closes)
                ? Decision.allowed()
                : Decision.rejected(DELIVERY_WINDOW_MISSED, "The truck reaches load " + (i + 1) + "'s delivery "
                        + late(at, closes) + " after its window closes.", load(i, "deliveryWindow/closesAt"));
    };

    public static final LoadRule PRICED_IN_THE_CARRIERS_CURRENCY = (facts, i) -> {
        LoadLane load = facts.loads().get(i);
        var currency = facts.carrierCostPerMile().currency();
        if (load.budget() != null && !load.budget().currency().equals(currency)) {
            return Decision.rejected(CURRENCY_MISMATCH, "Load " + (i + 1) + "'s budget is in "
                    + load.budget().currency() + "; the carrier prices in " + currency + ".",
                    load(i, "budget/currency"));
        }
        if (load.budget() == null && !facts.marketRatePerLoadedMile().currency().equals(currency)) {
            return Decision.rejected(CURRENCY_MISMATCH, "Load " + (i + 1) + " has no budget and the market rate "
                    + "is not in the carrier's currency " + currency + ".", load(i, "budget"));
        }
        return Decision.allowed();
    };

    public static final Function<ChainFacts, Decision> MINIMUM_RATE_IN_THE_CARRIERS_CURRENCY = facts -> {
        Money minimum = facts.capacity().minimumRatePerLoadedMile();
        var currency = facts.carrierCostPerMile().currency();
        if (minimum != null && !minimum.currency().equals(currency)) {
            return Decision.rejected(CURRENCY_MISMATCH, "The minimum rate is in " + minimum.currency()
                    + "; the carrier's cost is in " + currency + ".", "/capacity/minimumRatePerLoadedMile/currency");
        }
        return Decision.allowed();
    };

    /** Each shipper's price must reach the carrier's floor for that load's loaded miles. */
    public static final LoadRule PRICE_MEETS_CARRIER_MINIMUM = (facts, i) -> {
        Money rate = facts.capacity().minimumRatePerLoadedMile();
        if (rate == null || facts.economics() == null
                || !rate.currency().equals(facts.economics().shipperPrice().currency())) {
            return Decision.allowed();
        }
        double loaded = facts.miles().loads().get(i).loadedMiles();
        Money minimum = MatchEconomics.perMile(rate, loaded);
        var share = facts.economics().perLoad().get(i);
        return share.shipperPrice().amountMinorUnits() >= minimum.amountMinorUnits()
                ? Decision.allowed()
                : Decision.rejected(BUDGET_BELOW_CARRIER_MINIMUM, "Load " + (i + 1) + "'s "
                        + (share.priceSource() == MatchEconomics.PriceSource.BUDGET ? "budget" : "market estimate")
                        + " of " + money(share.shipperPrice()) + " is below the carrier's minimum of " + money(minimum)
                        + " for " + miles(loaded) + " loaded miles.", budgetPointer(facts, i));
    };

    /** Each load must leave a surplus over the carrier's cost charged to it (see {@link ChainEconomics}). */
    public static final LoadRule CREATES_SURPLUS = (facts, i) -> {
        if (facts.economics() == null) {
            return Decision.allowed();
        }
        var share = facts.economics().perLoad().get(i);
        return share.surplus().amountMinorUnits() > 0
                ? Decision.allowed()
                : Decision.rejected(NO_SURPLUS, "The carrier's cost of " + money(share.carrierCostShare())
                        + " charged to load " + (i + 1) + " (" + miles(share.attributableMiles())
                        + " attributable miles) is not below its price of " + money(share.shipperPrice()) + ".",
                        budgetPointer(facts, i));
    };

    /** The run from the last delivery to the lane's end; reported against the last load. */
    public static final Function<ChainFacts, Decision> DESTINATION_DEADHEAD_WITHIN_LIMIT = facts ->
            facts.miles().destinationDeadheadMiles() <= facts.capacity().maxDestinationDeadheadMiles()
                    ? Decision.allowed()
                    : Decision.rejected(DESTINATION_DEADHEAD_EXCEEDED, "The last delivery is "
                            + miles(facts.miles().destinationDeadheadMiles()) + " road miles from where the truck "
                            + "must end; the carrier accepts " + facts.capacity().maxDestinationDeadheadMiles() + ".",
                            "/capacity/maxDestinationDeadheadMiles");

    public static final Function<ChainFacts, Decision> ARRIVES_AT_END_IN_TIME = facts ->
            notAfter(facts.end().arrivesAt(), facts.capacity().mustArriveBy().toInstant())
                    ? Decision.allowed()
                    : Decision.rejected(MUST_ARRIVE_BY_MISSED, "The truck reaches its end point "
                            + late(facts.end().arrivesAt(), facts.capacity().mustArriveBy().toInstant())
                            + " after it must be there.", "/capacity/mustArriveBy");

    public static final Function<ChainFacts, Decision> AVOIDS_MORE_EMPTY_MILES_THAN_ANY_SINGLE_LOAD = facts ->
            facts.singleLoads().chainAvoidsMore()
                    ? Decision.allowed()
                    : Decision.rejected(NOT_BETTER_THAN_SINGLE_LOAD, "The chain avoids "
                            + miles(facts.singleLoads().chainEmptyMilesAvoided()) + " empty miles; its best load "
                            + "alone avoids " + miles(facts.singleLoads().bestSingleEmptyMilesAvoided()) + ".",
                            "/loads");

    private static final List<LoadRule> LOAD_RULES = List.of(
            LOAD_LANE_IS_OPEN,
            EQUIPMENT_IS_COMPATIBLE,
            WEIGHT_FITS,
            PALLETS_FIT,
            DEADHEAD_TO_PICKUP_WITHIN_LIMIT,
            PICKUP_IN_WINDOW,
            DELIVERY_IN_WINDOW,
            PRICED_IN_THE_CARRIERS_CURRENCY,
            PRICE_MEETS_CARRIER_MINIMUM,
            CREATES_SURPLUS);

    private ChainPolicies() {
    }

    /** Every broken rule: the lane's first, then each load's in chain order, then the chain's end and worth. */
    public static List<ChainRejection> rejections(ChainFacts facts) {
        List<ChainRejection> rejections = new ArrayList<>();
        add(rejections, null, CAPACITY_LANE_IS_OPEN.apply(facts));
        add(rejections, null, MINIMUM_RATE_IN_THE_CARRIERS_CURRENCY.apply(facts));
        for (int i = 0; i < facts.loads().size(); i++) {
            for (LoadRule rule : LOAD_RULES) {
                add(rejections, i, rule.judge(facts, i));
            }
        }
        add(rejections, facts.lastIndex(), DESTINATION_DEADHEAD_WITHIN_LIMIT.apply(facts));
        add(rejections, null, ARRIVES_AT_END_IN_TIME.apply(facts));
        add(rejections, null, AVOIDS_MORE_EMPTY_MILES_THAN_ANY_SINGLE_LOAD.apply(facts));
        return List.copyOf(rejections);
    }

    /**
     * A rejection as the carrier (or its broker) may read it: {@link #PRICE_MEETS_CARRIER_MINIMUM} and
     * {@link #CREATES_SURPLUS} name a shipper's budget, so they are worded without any amount and point at the
     * load's budget whether or not it has one, as {@link com.backhaulexchange.matching.FeasibilityPolicies#seenBy}
     * words a pair's for the carrier; every other rejection is shown as written.
     */
    public static ChainRejection seenByCarrier(ChainRejection rejection) {
        Integer index = rejection.loadIndex();
        String load = index == null ? "A load" : "Load " + (index + 1);
        String detail = switch (rejection.reasonCode()) {
            case BUDGET_BELOW_CARRIER_MINIMUM -> load + "'s shipper price is below your minimum rate for its loaded"
                    + " miles.";
            case NO_SURPLUS -> "Your cost charged to " + load.toLowerCase(java.util.Locale.ROOT)
                    + " is not below its shipper's price.";
            default -> null;
        };
        if (detail == null) {
            return rejection;
        }
        String field = index == null ? rejection.reason().field() : load(index, "budget");
        return new ChainRejection(index, new Decision.Rejected(rejection.reasonCode(), detail, field));
    }

    private static void add(List<ChainRejection> rejections, Integer loadIndex, Decision decision) {
        if (decision instanceof Decision.Rejected rejected) {
            rejections.add(new ChainRejection(loadIndex, rejected));
        }
    }

    private static String load(int index, String field) {
        return "/loads/" + index + "/" + field;
    }

    private static String budgetPointer(ChainFacts facts, int index) {
        return facts.loads().get(index).budget() != null ? load(index, "budget/amountMinorUnits")
                : load(index, "budget");
    }
}
