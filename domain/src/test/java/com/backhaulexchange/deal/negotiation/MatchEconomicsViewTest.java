package com.backhaulexchange.deal.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.matching.MatchEconomics;
import com.backhaulexchange.matching.MatchEconomics.PriceSource;
import com.backhaulexchange.matching.RouteMiles;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.deal.negotiation.MatchEconomicsView.CostSource;
import org.junit.jupiter.api.Test;

/** Each party's view of a match's economics holds its own private figure and never the other side's. */
class MatchEconomicsViewTest {
    // 100 out-of-route miles (400 driven against a 300-mile empty baseline), 300 loaded
    private static final RouteMiles MILES = new RouteMiles(50, 300, 50, 300);
    private static final MarketReference MARKET = MarketReference.of(MILES, NegotiationRules.DEFAULT);

    @Test
    void theCarrierSeesItsCostAndTheMarketPriceNotTheBudget() {
        var economics = MatchEconomics.of(MILES, Money.of(347, "USD"), Money.of(123_456, "USD"),
                Money.of(271, "USD"));

        var view = MatchEconomicsView.forCarrier(economics, MARKET);

        assertThat(view.shipperPrice()).isEqualTo(Money.of(81_300, "USD")); // 300 × 2.71
        assertThat(view.priceSource()).isEqualTo(PriceSource.MARKET_RATE);
        assertThat(view.carrierIncrementalCost()).isEqualTo(Money.of(34_700, "USD")); // 100 × 3.47
        assertThat(view.costSource()).isEqualTo(CostSource.CARRIER_COST);
        assertThat(view.surplus()).isEqualTo(Money.of(81_300 - 34_700, "USD"));
        assertThat(view.toString()).doesNotContain("123456").doesNotContain(Long.toString(123_456 - 34_700));
    }

    @Test
    void theShipperSeesItsBudgetAndTheMarketCostNotTheCarriers() {
        var economics = MatchEconomics.of(MILES, Money.of(347, "USD"), Money.of(123_456, "USD"),
                Money.of(271, "USD"));

        var view = MatchEconomicsView.forShipper(economics, MARKET);

        assertThat(view.shipperPrice()).isEqualTo(Money.of(123_456, "USD"));
        assertThat(view.priceSource()).isEqualTo(PriceSource.BUDGET);
        assertThat(view.carrierIncrementalCost()).isEqualTo(Money.of(22_600, "USD")); // 100 × 2.26
        assertThat(view.costSource()).isEqualTo(CostSource.MARKET_COST);
        assertThat(view.surplus()).isEqualTo(Money.of(123_456 - 22_600, "USD"));
        assertThat(view.toString()).doesNotContain("34700").doesNotContain(Long.toString(123_456 - 34_700));
    }

    @Test
    void withoutABudgetTheCarrierSeesTheComputedEconomics() {
        var economics = MatchEconomics.of(MILES, Money.of(347, "USD"), null, Money.of(271, "USD"));

        var view = MatchEconomicsView.forCarrier(economics, MARKET);

        assertThat(view.shipperPrice()).isEqualTo(economics.shipperPrice());
        assertThat(view.surplus()).isEqualTo(economics.surplus());
    }

    @Test
    void aMarketEstimateInAnotherCurrencyIsLeftOutWithTheSurplus() {
        var economics = MatchEconomics.of(MILES, Money.of(347, "EUR"), Money.of(123_456, "EUR"),
                Money.of(271, "USD"));

        var carrier = MatchEconomicsView.forCarrier(economics, MARKET);
        var shipper = MatchEconomicsView.forShipper(economics, MARKET);

        assertThat(carrier.shipperPrice()).isNull();
        assertThat(carrier.surplus()).isNull();
        assertThat(carrier.carrierIncrementalCost()).isEqualTo(Money.of(34_700, "EUR"));
        assertThat(shipper.carrierIncrementalCost()).isNull();
        assertThat(shipper.surplus()).isNull();
        assertThat(shipper.shipperPrice()).isEqualTo(Money.of(123_456, "EUR"));
    }
}
