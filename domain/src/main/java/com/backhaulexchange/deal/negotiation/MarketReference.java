package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.matching.MatchEconomics;
import com.backhaulexchange.matching.RouteMiles;
import com.backhaulexchange.kernel.money.Money;
import java.util.Objects;

/**
 * The figures both sides of a negotiation may see (ADR 14): the route's loaded and out-of-route miles (both
 * parties see the matched route) and the exchange's public market estimates — what moving the load would
 * cost a shipper at the market rate, and what the detour would cost an average carrier. No party's private
 * figure (budget, minimum rate, operating cost, auto-accept price) goes into it.
 */
public record MarketReference(Money marketShipperPrice, Money marketIncrementalCost, double loadedMiles,
        double outOfRouteMiles) {

    public MarketReference {
        Objects.requireNonNull(marketShipperPrice, "marketShipperPrice");
        Objects.requireNonNull(marketIncrementalCost, "marketIncrementalCost");
        if (!(loadedMiles >= 0) || !(outOfRouteMiles >= 0)) {
            throw new IllegalArgumentException("miles must be non-negative");
        }
    }

    public static MarketReference of(RouteMiles miles, NegotiationRules rules) {
        return new MarketReference(MatchEconomics.perMile(rules.marketRatePerLoadedMile(), miles.loadedMiles()),
                MatchEconomics.perMile(rules.marketCostPerMile(), miles.outOfRouteMiles()), miles.loadedMiles(),
                miles.outOfRouteMiles());
    }

    /** The split of the market-estimated surplus at {@code amount}: the figure both sides are shown. */
    public SurplusSplit splitAt(Money amount) {
        return SurplusSplit.of(amount, marketShipperPrice, marketIncrementalCost, loadedMiles);
    }
}
