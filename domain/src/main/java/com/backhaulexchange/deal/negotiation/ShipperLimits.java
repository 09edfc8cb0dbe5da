package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.kernel.money.Money;

/**
 * The shipper's private figures for one match, each optional (null): the budget on its load and its
 * auto-accept (walk-away) price. Only {@link OfferView#forShipper} takes them: they reach the shipper's view
 * and its broker's, never the carrier's.
 */
public record ShipperLimits(Money budget, Money autoAcceptAtOrBelow) {

    public static final ShipperLimits NONE = new ShipperLimits(null, null);
}
