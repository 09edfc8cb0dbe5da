package com.backhaulexchange.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.kernel.money.Money;
import org.junit.jupiter.api.Test;

class MatchEconomicsTest {

    /** Empty → pickup 50, loaded 400, delivery → end 100; the truck's straight run home is 500 miles. */
    private static final RouteMiles ROUTE = new RouteMiles(50, 400, 100, 500);
    private static final Money COST_PER_MILE = Money.of(226, "USD");
    private static final Money MARKET_RATE = Money.of(271, "USD");

    @Test
    void outOfRouteMilesAreTheRouteBeyondTheBaseline() {
        assertThat(ROUTE.routeMiles()).isEqualTo(550);
        assertThat(ROUTE.outOfRouteMiles()).isEqualTo(50);
    }

    @Test
    void emptyMilesAvoidedAreTheBaselineMinusBothDeadheads() {
        assertThat(ROUTE.emptyMilesAvoided()).isEqualTo(350);
        assertThat(ROUTE.totalDeadheadMiles()).isEqualTo(150);
    }

    @Test
    void surplusIsTheBudgetMinusOutOfRouteMilesAtTheCarriersCost() {
        MatchEconomics economics = MatchEconomics.of(ROUTE, COST_PER_MILE, Money.of(150_000, "USD"), MARKET_RATE);

        assertThat(economics.priceSource()).isEqualTo(MatchEconomics.PriceSource.BUDGET);
        assertThat(economics.shipperPrice()).isEqualTo(Money.of(150_000, "USD"));
        assertThat(economics.carrierIncrementalCost()).isEqualTo(Money.of(11_300, "USD")); // 50 × $2.26
        assertThat(economics.surplus()).isEqualTo(Money.of(138_700, "USD"));
    }

    @Test
    void withoutABudgetTheMarketRatePricesTheLoadedMiles() {
        MatchEconomics economics = MatchEconomics.of(ROUTE, COST_PER_MILE, null, MARKET_RATE);

        assertThat(economics.priceSource()).isEqualTo(MatchEconomics.PriceSource.MARKET_RATE);
        assertThat(economics.shipperPrice()).isEqualTo(Money.of(108_400, "USD")); // 400 × $2.71
        assertThat(economics.surplus()).isEqualTo(Money.of(97_100, "USD"));
    }

    @Test
    void aMatchThatAddsEmptyMilesAvoidsNegativeMiles() {
        RouteMiles detour = new RouteMiles(200, 300, 200, 100);
        assertThat(detour.emptyMilesAvoided()).isEqualTo(-300);
    }

    @Test
    void perMileAmountsRoundHalfUpToTheCentOnce() {
        assertThat(MatchEconomics.perMile(Money.of(1, "USD"), 0.5)).isEqualTo(Money.of(1, "USD"));
        assertThat(MatchEconomics.perMile(Money.of(1, "USD"), 0.49)).isEqualTo(Money.of(0, "USD"));
        assertThat(MatchEconomics.perMile(Money.of(226, "USD"), 0.123)).isEqualTo(Money.of(28, "USD")); // 27.798
        assertThat(MatchEconomics.perMile(Money.of(226, "USD"), 199.99999999)).isEqualTo(Money.of(45_200, "USD"));
    }

    @Test
    void roundingNoiseNeverMakesOutOfRouteMilesNegative() {
        RouteMiles straight = new RouteMiles(10, 10, 10, 30.000000001);
        assertThat(straight.outOfRouteMiles()).isZero();
    }

    @Test
    void milesMustBeFiniteAndNonNegative() {
        assertThatThrownBy(() -> new RouteMiles(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RouteMiles(0, Double.NaN, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
