package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.kernel.money.Money;

/**
 * The carrier's private figures for one match, each optional (null): its own incremental cost (out-of-route
 * miles × its operating cost per mile), the minimum rate per loaded mile on its lane, and its auto-accept
 * price. Only {@link OfferView#forCarrier} takes them: they reach the carrier's view and its broker's, never
 * the shipper's.
 */
public record CarrierLimits(Money ownIncrementalCost, Money minimumRatePerLoadedMile, Money autoAcceptAtOrAbove) {

    public static final CarrierLimits NONE = new CarrierLimits(null, null, null);
}
