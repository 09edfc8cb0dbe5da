package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.kernel.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How an offered amount splits a match's surplus (shipper price − carrier incremental cost): the carrier
 * keeps amount − its incremental cost, the shipper keeps shipper price − amount; the two shares always sum
 * exactly to the surplus. Either share is negative when the amount lies outside [cost, price]. The implied
 * rate is the amount per loaded mile, rounded half up to the minor unit (null with no loaded miles).
 *
 * <p>Which price and cost go in decides who may see the result (ADR 14): the public market estimates for
 * the figure shown to both sides ({@link MarketReference#splitAt}), a side's own private figure only in that
 * side's own view.
 */
public record SurplusSplit(Money amount, Money surplus, Money carrierShare, Money shipperShare,
        Money ratePerLoadedMile) {

    public SurplusSplit {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(surplus, "surplus");
        Objects.requireNonNull(carrierShare, "carrierShare");
        Objects.requireNonNull(shipperShare, "shipperShare");
        if (!carrierShare.plus(shipperShare).equals(surplus)) {
            throw new IllegalArgumentException("the shares sum to the surplus");
        }
    }

    public static SurplusSplit of(Money amount, Money shipperPrice, Money carrierIncrementalCost,
            double loadedMiles) {
        return new SurplusSplit(amount, shipperPrice.minus(carrierIncrementalCost),
                amount.minus(carrierIncrementalCost), shipperPrice.minus(amount), perLoadedMile(amount, loadedMiles));
    }

    /** {@code amount} ÷ {@code loadedMiles}, half up to the minor unit; null when there are no loaded miles. */
    public static Money perLoadedMile(Money amount, double loadedMiles) {
        if (!(loadedMiles > 0) || Double.isInfinite(loadedMiles)) {
            return null;
        }
        long perMile = BigDecimal.valueOf(amount.amountMinorUnits())
                .divide(new BigDecimal(loadedMiles), 0, RoundingMode.HALF_UP)
                .longValueExact();
        return new Money(perMile, amount.currency());
    }
}
