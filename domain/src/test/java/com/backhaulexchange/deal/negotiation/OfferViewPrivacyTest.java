package com.backhaulexchange.deal.negotiation;

import static com.backhaulexchange.deal.negotiation.NegotiationExamples.NOW;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.openedByShipper;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.usd;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Each side's limits reach only its own view (ADR 14). */
class OfferViewPrivacyTest {

    @Test
    void theShippersViewCannotBeBuiltFromTheCarriersLimitsNorTheCarriersFromTheShippers() {
        for (Method method : OfferView.class.getDeclaredMethods()) {
            if (!Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            List<Class<?>> parameters = Arrays.asList(method.getParameterTypes());
            if (method.getName().equals("forShipper")) {
                assertThat(parameters).as(method.toString()).doesNotContain(CarrierLimits.class, AutoAcceptPrices.class);
            }
            if (method.getName().equals("forCarrier")) {
                assertThat(parameters).as(method.toString()).doesNotContain(ShipperLimits.class, AutoAcceptPrices.class);
            }
        }
    }

    @Test
    void theNegotiationAndItsEventsHoldNoPrivateFigure() {
        for (Class<?> type : List.of(Negotiation.class, MarketReference.class, Offer.class, OfferTerms.class,
                OfferView.Terms.class, OfferView.ForCarrier.class, OfferView.ForShipper.class)) {
            for (RecordComponent component : type.getRecordComponents()) {
                assertThat(component.getType()).as("%s.%s", type.getSimpleName(), component.getName())
                        .isNotIn(CarrierLimits.class, ShipperLimits.class, AutoAcceptPrices.class);
            }
        }
        for (Class<?> event : NegotiationEvent.class.getPermittedSubclasses()) {
            assertThat(Arrays.stream(event.getRecordComponents()).map(RecordComponent::getType))
                    .as(event.getSimpleName()).doesNotContain(CarrierLimits.class, ShipperLimits.class,
                            AutoAcceptPrices.class);
        }
    }

    @Property(tries = 300)
    @Label("whatever the shipper's budget and walk-away price, the carrier's view never shows them")
    void theCarriersViewNeverShowsTheShippersLimits(
            @ForAll @LongRange(min = 9_000_001, max = 9_999_999) long budget,
            @ForAll @LongRange(min = 8_000_001, max = 8_999_999) long walkAway) {
        Negotiation negotiation = openedByShipper();
        var shipperLimits = new ShipperLimits(usd(budget), usd(walkAway));

        var carrierView = OfferView.forCarrier(negotiation, CarrierLimits.NONE, NOW);
        var shipperView = OfferView.forShipper(negotiation, shipperLimits, NOW);

        assertThat(carrierView.toString()).doesNotContain(Long.toString(budget), Long.toString(walkAway));
        assertThat(shipperView.toString()).contains(Long.toString(budget));
        assertThat(carrierView).isEqualTo(OfferView.forCarrier(negotiation, CarrierLimits.NONE, NOW));
    }

    @Property(tries = 300)
    @Label("whatever the carrier's cost, minimum rate and auto-accept price, the shipper's view never shows them")
    void theShippersViewNeverShowsTheCarriersLimits(
            @ForAll @LongRange(min = 7_000_001, max = 7_999_999) long ownCost,
            @ForAll @LongRange(min = 6_000_001, max = 6_999_999) long minimumRate,
            @ForAll @LongRange(min = 5_000_001, max = 5_999_999) long autoAccept) {
        Negotiation negotiation = openedByShipper();
        var carrierLimits = new CarrierLimits(usd(ownCost), usd(minimumRate), usd(autoAccept));

        var shipperView = OfferView.forShipper(negotiation, ShipperLimits.NONE, NOW);
        var carrierView = OfferView.forCarrier(negotiation, carrierLimits, NOW);

        assertThat(shipperView.toString()).doesNotContain(Long.toString(ownCost), Long.toString(minimumRate),
                Long.toString(autoAccept));
        assertThat(carrierView.toString()).contains(Long.toString(minimumRate));
    }

    @Test
    void bothSidesSeeTheSameMarketSplitAndEachItsOwnFigures() {
        Negotiation negotiation = openedByShipper();
        var carrier = OfferView.forCarrier(negotiation, negotiation.currentOffer(),
                new CarrierLimits(usd(40_000), usd(250), usd(125_000)), NOW);
        var shipper = OfferView.forShipper(negotiation, negotiation.currentOffer(),
                new ShipperLimits(usd(150_000), usd(110_000)), NOW);

        assertThat(carrier.terms()).isEqualTo(shipper.terms());
        assertThat(carrier.marketSplit()).isEqualTo(shipper.marketSplit())
                .isEqualTo(negotiation.market().splitAt(usd(120_000)));
        assertThat(carrier.ownMargin()).isEqualTo(usd(80_000));
        assertThat(carrier.meetsMinimumRate()).as("USD 1,200 over 600 loaded miles is USD 2.00 < 2.50").isFalse();
        assertThat(carrier.meetsAutoAccept()).isFalse();
        assertThat(shipper.budget()).isEqualTo(usd(150_000));
        assertThat(shipper.savingAgainstBudget()).isEqualTo(usd(30_000));
        assertThat(shipper.withinBudget()).isTrue();
        assertThat(shipper.meetsAutoAccept()).isFalse();
    }

    @Test
    void withoutPrivateFiguresTheOwnFiguresAreAbsent() {
        Negotiation negotiation = openedByShipper();
        var carrier = OfferView.forCarrier(negotiation, negotiation.currentOffer(), CarrierLimits.NONE, NOW);
        var shipper = OfferView.forShipper(negotiation, negotiation.currentOffer(), ShipperLimits.NONE, NOW);
        assertThat(carrier.ownMargin()).isNull();
        assertThat(carrier.meetsMinimumRate()).isNull();
        assertThat(carrier.meetsAutoAccept()).isNull();
        assertThat(shipper.savingAgainstBudget()).isNull();
        assertThat(shipper.withinBudget()).isNull();
    }
}
