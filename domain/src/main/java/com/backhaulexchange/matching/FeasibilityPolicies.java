package com.backhaulexchange.matching;

import static com.backhaulexchange.matching.RejectionTexts.late;
import static com.backhaulexchange.matching.RejectionTexts.miles;
import static com.backhaulexchange.matching.RejectionTexts.money;
import static com.backhaulexchange.matching.RejectionTexts.notAfter;

import com.backhaulexchange.lane.LaneKind;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.Decision;
import java.util.List;
import java.util.function.Function;

/**
 * The rules a capacity/load pair must satisfy to be a match, one named rule per reason. A rejection points
 * at the posting field that limits the pair: {@code /capacity/...} for the carrier's lane, {@code /load/...}
 * for the shipper's. {@link #rejections} applies them all, so a rejected pair says every reason at once.
 */
public final class FeasibilityPolicies {

    public static final String LANE_NOT_OPEN = "LANE_NOT_OPEN";
    public static final String EQUIPMENT_MISMATCH = "EQUIPMENT_MISMATCH";
    public static final String OVERWEIGHT = "OVERWEIGHT";
    public static final String TOO_MANY_PALLETS = "TOO_MANY_PALLETS";
    public static final String ORIGIN_DEADHEAD_EXCEEDED = "ORIGIN_DEADHEAD_EXCEEDED";
    public static final String DESTINATION_DEADHEAD_EXCEEDED = "DESTINATION_DEADHEAD_EXCEEDED";
    public static final String PICKUP_WINDOW_MISSED = "PICKUP_WINDOW_MISSED";
    public static final String DELIVERY_WINDOW_MISSED = "DELIVERY_WINDOW_MISSED";
    public static final String MUST_ARRIVE_BY_MISSED = "MUST_ARRIVE_BY_MISSED";
    public static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";
    public static final String BUDGET_BELOW_CARRIER_MINIMUM = "BUDGET_BELOW_CARRIER_MINIMUM";
    public static final String NO_SURPLUS = "NO_SURPLUS";

    public static final Function<MatchFacts, Decision> CAPACITY_LANE_IS_OPEN = facts ->
            facts.capacity().status().isOpenForMatching()
                    ? Decision.allowed()
                    : Decision.rejected(LANE_NOT_OPEN, "The capacity lane is " + facts.capacity().status() + ".",
                            "/capacity/status");

    public static final Function<MatchFacts, Decision> LOAD_LANE_IS_OPEN = facts ->
            facts.load().status().isOpenForMatching()
                    ? Decision.allowed()
                    : Decision.rejected(LANE_NOT_OPEN, "The load lane is " + facts.load().status() + ".",
                            "/load/status");

    public static final Function<MatchFacts, Decision> EQUIPMENT_IS_COMPATIBLE = facts ->
            EquipmentCompatibility.canCarry(facts.capacity().equipment(), facts.load().equipment())
                    ? Decision.allowed()
                    : Decision.rejected(EQUIPMENT_MISMATCH, "The load needs " + facts.load().equipment()
                            + "; the truck is " + facts.capacity().equipment() + ".", "/load/equipment");

    public static final Function<MatchFacts, Decision> WEIGHT_FITS = facts ->
            facts.load().weightLbs() <= facts.capacity().weightCapacityLbs()
                    ? Decision.allowed()
                    : Decision.rejected(OVERWEIGHT, "The load weighs " + facts.load().weightLbs()
                            + " lbs; the truck takes " + facts.capacity().weightCapacityLbs() + " lbs.",
                            "/load/weightLbs");

    public static final Function<MatchFacts, Decision> PALLETS_FIT = facts ->
            facts.load().pallets() <= facts.capacity().palletCapacity()
                    ? Decision.allowed()
                    : Decision.rejected(TOO_MANY_PALLETS, "The load has " + facts.load().pallets()
                            + " pallets; the truck takes " + facts.capacity().palletCapacity() + ".",
                            "/load/pallets");

    public static final Function<MatchFacts, Decision> ORIGIN_DEADHEAD_WITHIN_LIMIT = facts ->
            facts.miles().originDeadheadMiles() <= facts.capacity().maxOriginDeadheadMiles()
                    ? Decision.allowed()
                    : Decision.rejected(ORIGIN_DEADHEAD_EXCEEDED, "The pickup is " + miles(facts.miles()
                            .originDeadheadMiles()) + " road miles from where the truck is empty; the carrier accepts "
                            + facts.capacity().maxOriginDeadheadMiles() + ".", "/capacity/maxOriginDeadheadMiles");

    public static final Function<MatchFacts, Decision> DESTINATION_DEADHEAD_WITHIN_LIMIT = facts ->
            facts.miles().destinationDeadheadMiles() <= facts.capacity().maxDestinationDeadheadMiles()
                    ? Decision.allowed()
                    : Decision.rejected(DESTINATION_DEADHEAD_EXCEEDED, "The delivery is " + miles(facts.miles()
                            .destinationDeadheadMiles()) + " road miles from where the truck must end; the carrier "
                            + "accepts " + facts.capacity().maxDestinationDeadheadMiles() + ".",
                            "/capacity/maxDestinationDeadheadMiles");

    public static final Function<MatchFacts, Decision> PICKUP_IN_WINDOW = facts ->
            notAfter(facts.pickup().serviceStartsAt(), facts.load().pickupWindow().closesAt())
                    ? Decision.allowed()
                    : Decision.rejected(PICKUP_WINDOW_MISSED, "The truck reaches the pickup "
                            + late(facts.pickup().serviceStartsAt(), facts.load().pickupWindow().closesAt())
                            + " after its window closes.", "/load/pickupWindow/closesAt");

    public static final Function<MatchFacts, Decision> DELIVERY_IN_WINDOW = facts ->
            notAfter(facts.delivery().serviceStartsAt(), facts.load().deliveryWindow().closesAt())
                    ? Decision.allowed()
                    : Decision.rejected(DELIVERY_WINDOW_MISSED, "The truck reaches the delivery "
                            + late(facts.delivery().serviceStartsAt(), facts.load().deliveryWindow().closesAt())
                            + " after its window closes.", "/load/deliveryWindow/closesAt");

    public static final Function<MatchFacts, Decision> ARRIVES_AT_END_IN_TIME = facts ->
            notAfter(facts.end().arrivesAt(), facts.capacity().mustArriveBy().toInstant())
                    ? Decision.allowed()
                    : Decision.rejected(MUST_ARRIVE_BY_MISSED, "The truck reaches its end point "
                            + late(facts.end().arrivesAt(), facts.capacity().mustArriveBy().toInstant())
                            + " after it must be there.", "/capacity/mustArriveBy");

    public static final Function<MatchFacts, Decision> CURRENCIES_AGREE = facts -> {
        var currency = facts.carrierCostPerMile().currency();
        Money minimum = facts.capacity().minimumRatePerLoadedMile();
        if (facts.load().budget() != null && !facts.load().budget().currency().equals(currency)) {
            return Decision.rejected(CURRENCY_MISMATCH, "The budget is in " + facts.load().budget().currency()
                    + "; the carrier prices in " + currency + ".", "/load/budget/currency");
        }
        if (minimum != null && !minimum.currency().equals(currency)) {
            return Decision.rejected(CURRENCY_MISMATCH, "The minimum rate is in " + minimum.currency()
                    + "; the carrier's cost is in " + currency + ".", "/capacity/minimumRatePerLoadedMile/currency");
        }
        if (facts.load().budget() == null && facts.economics() == null) {
            return Decision.rejected(CURRENCY_MISMATCH, "The load has no budget and the market rate is not in the "
                    + "carrier's currency " + currency + ".", "/load/budget");
        }
        return Decision.allowed();
    };

    /** The shipper's price (its budget, or the market estimate without one) must reach the carrier's floor. */
    public static final Function<MatchFacts, Decision> PRICE_MEETS_CARRIER_MINIMUM = facts -> {
        Money rate = facts.capacity().minimumRatePerLoadedMile();
        if (rate == null || facts.economics() == null
                || !rate.currency().equals(facts.economics().shipperPrice().currency())) {
            return Decision.allowed();
        }
        Money minimum = MatchEconomics.perMile(rate, facts.miles().loadedMiles());
        Money price = facts.economics().shipperPrice();
        return price.amountMinorUnits() >= minimum.amountMinorUnits()
                ? Decision.allowed()
                : Decision.rejected(BUDGET_BELOW_CARRIER_MINIMUM, "The "
                        + (facts.economics().priceSource() == MatchEconomics.PriceSource.BUDGET
                                ? "budget" : "market estimate")
                        + " of " + money(price) + " is below the carrier's minimum of " + money(minimum) + " for "
                        + miles(facts.miles().loadedMiles()) + " loaded miles.", budgetPointer(facts));
    };

    public static final Function<MatchFacts, Decision> CREATES_SURPLUS = facts ->
            facts.economics() == null || facts.economics().surplus().amountMinorUnits() > 0
                    ? Decision.allowed()
                    : Decision.rejected(NO_SURPLUS, "The carrier's extra cost of " + money(facts.economics()
                            .carrierIncrementalCost()) + " for " + miles(facts.miles().outOfRouteMiles())
                            + " out-of-route miles is not below the shipper's price of "
                            + money(facts.economics().shipperPrice()) + ".", budgetPointer(facts));

    private static final List<Function<MatchFacts, Decision>> ALL = List.of(
            CAPACITY_LANE_IS_OPEN,
            LOAD_LANE_IS_OPEN,
            EQUIPMENT_IS_COMPATIBLE,
            WEIGHT_FITS,
            PALLETS_FIT,
            ORIGIN_DEADHEAD_WITHIN_LIMIT,
            DESTINATION_DEADHEAD_WITHIN_LIMIT,
            PICKUP_IN_WINDOW,
            DELIVERY_IN_WINDOW,
            ARRIVES_AT_END_IN_TIME,
            CURRENCIES_AGREE,
            PRICE_MEETS_CARRIER_MINIMUM,
            CREATES_SURPLUS);

    private FeasibilityPolicies() {
    }

    /** Every rule the pair breaks, in the order above; empty when it is a match. */
    public static List<Decision.Rejected> rejections(MatchFacts facts) {
        return ALL.stream()
                .map(policy -> policy.apply(facts))
                .filter(Decision.Rejected.class::isInstance)
                .map(Decision.Rejected.class::cast)
                .toList();
    }

    /**
     * A rejection as the owner of the posting whose match run found it reads it (ADR 14, "Match views"). The
     * rules here see both sides' private figures: {@link #PRICE_MEETS_CARRIER_MINIMUM} names the shipper's
     * budget and the carrier's minimum, {@link #CREATES_SURPLUS} the carrier's incremental cost and the
     * shipper's price. Their details are worded for the owner without any figure (the reason code stays),
     * and the carrier is not told whether the load has a budget; every other rejection is shown as written.
     */
    public static Decision.Rejected seenBy(Decision.Rejected reason, LaneKind owner) {
        boolean budget = reason.field() != null && reason.field().startsWith("/load/budget/amount");
        String detail = switch (reason.reasonCode()) {
            case BUDGET_BELOW_CARRIER_MINIMUM -> owner == LaneKind.CAPACITY
                    ? "The shipper's price is below your minimum rate for the loaded miles."
                    : (budget ? "Your budget" : "The market estimate of the move (the load has no budget)")
                            + " is below the carrier's minimum rate for the loaded miles.";
            case NO_SURPLUS -> owner == LaneKind.CAPACITY
                    ? "Your extra cost for the out-of-route miles is not below the shipper's price."
                    : "The carrier's extra cost for the out-of-route miles is not below "
                            + (budget ? "your budget." : "the market estimate of the move (the load has no budget).");
            default -> null;
        };
        if (detail == null) {
            return reason;
        }
        return new Decision.Rejected(reason.reasonCode(), detail,
                owner == LaneKind.CAPACITY && reason.field() != null && reason.field().startsWith("/load/budget")
                        ? "/load/budget" : reason.field());
    }

    /** The budget's amount when the shipper gave one; the (absent) budget when the market rate stood in. */
    private static String budgetPointer(MatchFacts facts) {
        return facts.load().budget() != null ? "/load/budget/amountMinorUnits" : "/load/budget";
    }
}
