package com.backhaulexchange.matching;

import com.backhaulexchange.kernel.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The value a pair creates. Surplus = what the shipper would otherwise pay − the carrier's incremental cost:
 * the shipper's budget (or, without one, the market rate × loaded miles) minus out-of-route miles × the
 * carrier's cost per mile. The negotiated rate splits it.
 *
 * <p>Rounding: each product of miles and a per-mile amount is rounded once, half up, to the currency's
 * minor unit, from the unrounded miles; the surplus is the exact difference of the two rounded amounts.
 */
public record MatchEconomics(Money shipperPrice, PriceSource priceSource, Money carrierIncrementalCost,
        Money surplus) {

    /** Where the shipper's price comes from. */
    public enum PriceSource {
        BUDGET,
        MARKET_RATE
    }

    public MatchEconomics {
        Objects.requireNonNull(shipperPrice, "shipperPrice");
        Objects.requireNonNull(priceSource, "priceSource");
        Objects.requireNonNull(carrierIncrementalCost, "carrierIncrementalCost");
        Objects.requireNonNull(surplus, "surplus");
    }

    /**
     * The economics of a route for a carrier with the given cost per mile and a shipper with the given
     * budget (null: none, the market rate prices the loaded miles). All amounts must share one currency.
     */
    public static MatchEconomics of(RouteMiles miles, Money carrierCostPerMile, Money budget,
            Money marketRatePerLoadedMile) {
        Objects.requireNonNull(carrierCostPerMile, "carrierCostPerMile");
        Money shipperPrice = budget != null ? budget : perMile(marketRatePerLoadedMile, miles.loadedMiles());
        Money incrementalCost = perMile(carrierCostPerMile, miles.outOfRouteMiles());
        return new MatchEconomics(shipperPrice, budget != null ? PriceSource.BUDGET : PriceSource.MARKET_RATE,
                incrementalCost, shipperPrice.minus(incrementalCost));
    }

    /** {@code rate} × {@code miles}, rounded half up to the minor unit. */
    public static Money perMile(Money rate, double miles) {
        long amount = new BigDecimal(miles)
                .multiply(BigDecimal.valueOf(rate.amountMinorUnits()))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        return new Money(amount, rate.currency());
    }
}
