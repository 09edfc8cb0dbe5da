package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchEconomics;
import com.backhaulexchange.matching.MatchEconomics.PriceSource;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.util.Objects;

/**
 * The economics of a match as one party may read them (ADR 14, "Match views"). The computed
 * {@link MatchEconomics} hold both sides' private figures: the shipper's budget (as the shipper price when
 * the load has one) and the carrier's incremental cost (its private operating cost per mile × out-of-route
 * miles). Each party sees its own figure and, in place of the other side's, the exchange's public market
 * estimate of it ({@link MarketReference}: the same figures a negotiation shows both sides), labelled by
 * {@link #priceSource} and {@link #costSource}. The surplus shown is the difference of the two figures
 * shown, never the computed one: with its own figure, a party could subtract its way to the other's.
 *
 * <p>A market estimate is left out (null, and the surplus with it) when the public market figures are not
 * in the currency the match is priced in.
 */
public record MatchEconomicsView(Money shipperPrice, PriceSource priceSource, Money carrierIncrementalCost,
        CostSource costSource, Money surplus) {

    /** Where the carrier's incremental cost shown comes from. */
    public enum CostSource {
        /** The carrier's own operating cost per mile × out-of-route miles: only in the carrier's view. */
        CARRIER_COST,
        /** The exchange's public market cost per mile (an average carrier's) × out-of-route miles. */
        MARKET_COST
    }

    public MatchEconomicsView {
        Objects.requireNonNull(priceSource, "priceSource");
        Objects.requireNonNull(costSource, "costSource");
    }

    /**
     * The view of {@code viewer}, a party of the match: the carrier's, the shipper's, or for a partner that
     * owns both lanes the computed economics (every figure in them is its own).
     */
    public static MatchEconomicsView of(Match match, PartnerId viewer, NegotiationRules market) {
        MatchEconomics economics = match.explanation().economics();
        boolean carrier = match.carrier().equals(viewer);
        boolean shipper = match.shipper().equals(viewer);
        if (!carrier && !shipper) {
            throw new IllegalArgumentException("only a party of the match has a view of its economics");
        }
        if (carrier && shipper) {
            return new MatchEconomicsView(economics.shipperPrice(), economics.priceSource(),
                    economics.carrierIncrementalCost(), CostSource.CARRIER_COST, economics.surplus());
        }
        MarketReference reference = MarketReference.of(match.explanation().miles(), market);
        return carrier ? forCarrier(economics, reference) : forShipper(economics, reference);
    }

    /** Its own incremental cost; the market estimate of the shipper's price, never the budget. */
    public static MatchEconomicsView forCarrier(MatchEconomics economics, MarketReference market) {
        Money cost = economics.carrierIncrementalCost();
        Money price = economics.priceSource() == PriceSource.MARKET_RATE ? economics.shipperPrice()
                : inCurrencyOf(cost, market.marketShipperPrice());
        return new MatchEconomicsView(price, PriceSource.MARKET_RATE, cost, CostSource.CARRIER_COST,
                price == null ? null : price.minus(cost));
    }

    /** Its own price (the budget, or the market estimate without one); the market estimate of the cost. */
    public static MatchEconomicsView forShipper(MatchEconomics economics, MarketReference market) {
        Money price = economics.shipperPrice();
        Money cost = inCurrencyOf(price, market.marketIncrementalCost());
        return new MatchEconomicsView(price, economics.priceSource(), cost, CostSource.MARKET_COST,
                cost == null ? null : price.minus(cost));
    }

    private static Money inCurrencyOf(Money own, Money estimate) {
        return estimate.currency().equals(own.currency()) ? estimate : null;
    }
}
