package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.LaneStatus;

/**
 * The private auto-accept prices set on the two lanes of a negotiation, each optional (null): the carrier
 * takes any offer at or above {@code carrierAcceptsAtOrAbove}, the shipper any offer at or below
 * {@code shipperAcceptsAtOrBelow}. Passed in by the caller with each offer and never stored on the
 * negotiation or mentioned in an event: an auto-acceptance says only that it happened (ADR 14). A price in
 * another currency than the offer's never matches.
 */
public record AutoAcceptPrices(Money carrierAcceptsAtOrAbove, Money shipperAcceptsAtOrBelow) {

    public static final AutoAcceptPrices NONE = new AutoAcceptPrices(null, null);

    public static AutoAcceptPrices carrierAtOrAbove(Money price) {
        return new AutoAcceptPrices(price, null);
    }

    public static AutoAcceptPrices shipperAtOrBelow(Money price) {
        return new AutoAcceptPrices(null, price);
    }

    /**
     * Why no auto-accept price may be set on a lane in {@code effectiveStatus} ({@code LANE_NOT_OPEN}), or null
     * when one may: only a live lane, OPEN or MATCHED (under negotiation), takes offers; a price on a booked,
     * withdrawn or expired lane would never apply, and accepting it would tell its owner it might (issue 15).
     */
    public static Refusal refusalToSetOn(LaneStatus effectiveStatus) {
        return switch (effectiveStatus) {
            case OPEN, MATCHED -> null;
            case BOOKED, WITHDRAWN, EXPIRED -> new Refusal(ReasonCode.LANE_NOT_OPEN, "This lane is "
                    + effectiveStatus + ": an auto-accept price is set only on an open lane (OPEN or MATCHED).", null);
        };
    }

    /** Whether an offer of {@code amount} made to {@code receiver} meets that side's auto-accept price. */
    public boolean acceptsFor(Side receiver, Money amount) {
        Money price = receiver == Side.CARRIER ? carrierAcceptsAtOrAbove : shipperAcceptsAtOrBelow;
        if (price == null || !price.currency().equals(amount.currency())) {
            return false;
        }
        return receiver == Side.CARRIER
                ? amount.amountMinorUnits() >= price.amountMinorUnits()
                : amount.amountMinorUnits() <= price.amountMinorUnits();
    }
}
