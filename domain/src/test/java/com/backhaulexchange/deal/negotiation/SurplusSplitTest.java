package com.backhaulexchange.deal.negotiation;

import static com.backhaulexchange.deal.negotiation.NegotiationExamples.openedByShipper;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SurplusSplitTest {

    @Test
    void anAmountBetweenCostAndPriceSplitsTheSurplusBetweenTheSides() {
        SurplusSplit split = SurplusSplit.of(usd(120_000), usd(150_000), usd(43_000), 600);

        assertThat(split.surplus()).isEqualTo(usd(107_000));
        assertThat(split.carrierShare()).isEqualTo(usd(77_000));
        assertThat(split.shipperShare()).isEqualTo(usd(30_000));
        assertThat(split.ratePerLoadedMile()).isEqualTo(usd(200));
    }

    @Test
    void anAmountAboveTheShipperPriceLeavesTheShipperANegativeShare() {
        SurplusSplit split = SurplusSplit.of(usd(160_000), usd(150_000), usd(43_000), 600);
        assertThat(split.shipperShare()).isEqualTo(usd(-10_000));
    }

    @Test
    void theRatePerLoadedMileRoundsHalfUpAndIsAbsentWithoutLoadedMiles() {
        assertThat(SurplusSplit.perLoadedMile(usd(100_001), 600)).isEqualTo(usd(167));
        assertThat(SurplusSplit.perLoadedMile(usd(100_000), 0)).isNull();
    }

    @Test
    void theMarketReferenceOfTheExampleUsesTheMarketRateAndAverageCost() {
        MarketReference market = openedByShipper().market();
        assertThat(market.loadedMiles()).isCloseTo(600, within(1e-6));
        assertThat(market.outOfRouteMiles()).isCloseTo(200, within(1e-6));
        assertThat(market.marketShipperPrice()).isEqualTo(usd(162_600));
        assertThat(market.marketIncrementalCost()).isEqualTo(usd(45_200));
    }

    @Property(tries = 1000)
    @Label("the two shares always sum exactly to the surplus")
    void sharesSumToTheSurplus(@ForAll @LongRange(min = 1, max = 100_000_000) long amount,
            @ForAll @LongRange(min = 0, max = 100_000_000) long price,
            @ForAll @LongRange(min = 0, max = 100_000_000) long cost,
            @ForAll @DoubleRange(min = 0, max = 5_000) double miles) {
        SurplusSplit split = SurplusSplit.of(usd(amount), usd(price), usd(cost), miles);
        assertThat(split.carrierShare().plus(split.shipperShare())).isEqualTo(usd(price - cost));
    }
}
