package com.backhaulexchange.matching.chain;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.matching.MatchEconomics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The value a chain creates, priced as {@link MatchEconomics} prices a pair. The carrier's incremental cost is
 * the chain's out-of-route miles × its cost per mile, rounded once; each shipper's price is its budget, or the
 * market rate × its loaded miles.
 *
 * <p>Attribution (ADR 22): each load is charged the share of that incremental cost in proportion to its
 * {@link ChainMiles#attributableMiles attributable miles} (the hop into it, its loaded miles, and for the last
 * load the run home). Equivalently, each load pays its own miles at the carrier's cost less its proportional
 * share of the baseline the truck would have driven anyway. The shares are split by largest remainder over
 * the attributable miles in thousandths, so they sum exactly to the chain's cost and the per-load surpluses
 * exactly to the chain's surplus.
 */
public record ChainEconomics(List<LoadShare> perLoad, Money shipperPrice, Money carrierIncrementalCost,
        Money surplus) {

    /** One load's part: its price, the carrier's cost charged to it, and the surplus it leaves. */
    public record LoadShare(LoadLaneId loadLaneId, double attributableMiles, Money shipperPrice,
            MatchEconomics.PriceSource priceSource, Money carrierCostShare, Money surplus) {
        public LoadShare {
            Objects.requireNonNull(loadLaneId, "loadLaneId");
            Objects.requireNonNull(shipperPrice, "shipperPrice");
            Objects.requireNonNull(priceSource, "priceSource");
            Objects.requireNonNull(carrierCostShare, "carrierCostShare");
            Objects.requireNonNull(surplus, "surplus");
        }
    }

    public ChainEconomics {
        perLoad = List.copyOf(perLoad);
        Objects.requireNonNull(shipperPrice, "shipperPrice");
        Objects.requireNonNull(carrierIncrementalCost, "carrierIncrementalCost");
        Objects.requireNonNull(surplus, "surplus");
    }

    /** The economics of a chain; every price must be in the carrier's currency (see {@link #pricedInOneCurrency}). */
    public static ChainEconomics of(ChainMiles miles, List<LoadLane> loads, Money carrierCostPerMile,
            Money marketRatePerLoadedMile) {
        Money cost = MatchEconomics.perMile(carrierCostPerMile, miles.outOfRouteMiles());
        List<Long> weights = new ArrayList<>(loads.size());
        for (int i = 0; i < loads.size(); i++) {
            weights.add(Math.round(miles.attributableMiles(i) * 1000));
        }
        if (weights.stream().allMatch(weight -> weight == 0)) {
            weights.replaceAll(weight -> 1L);
        }
        List<Money> costShares = cost.allocate(weights);
        List<LoadShare> shares = new ArrayList<>(loads.size());
        Money price = Money.zero(carrierCostPerMile.currency());
        for (int i = 0; i < loads.size(); i++) {
            LoadLane load = loads.get(i);
            Money loadPrice = load.budget() != null ? load.budget()
                    : MatchEconomics.perMile(marketRatePerLoadedMile, miles.loads().get(i).loadedMiles());
            shares.add(new LoadShare(load.id(), miles.attributableMiles(i), loadPrice,
                    load.budget() != null ? MatchEconomics.PriceSource.BUDGET : MatchEconomics.PriceSource.MARKET_RATE,
                    costShares.get(i), loadPrice.minus(costShares.get(i))));
            price = price.plus(loadPrice);
        }
        return new ChainEconomics(shares, price, cost, price.minus(cost));
    }

    /** Whether every load's price (budget, or the market rate without one) is in the carrier's currency. */
    public static boolean pricedInOneCurrency(List<LoadLane> loads, Money carrierCostPerMile,
            Money marketRatePerLoadedMile) {
        return loads.stream().allMatch(load -> (load.budget() != null ? load.budget() : marketRatePerLoadedMile)
                .currency().equals(carrierCostPerMile.currency()));
    }
}
