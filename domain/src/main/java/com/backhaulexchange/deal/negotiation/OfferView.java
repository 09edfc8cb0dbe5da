package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.kernel.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An offer as one side sees it (ADR 14). Both views show the offer's terms and the split of the
 * <em>market-estimated</em> surplus ({@link MarketReference}), which uses only figures public to both sides.
 * Each view adds figures computed from its own side's private limits, and its factory takes only that
 * side's limits: the carrier's view cannot be built from the shipper's budget nor the shipper's from the
 * carrier's cost or minimum rate, so neither can leak to the other side or its broker. A broker acting for
 * a side is shown that side's view.
 */
public sealed interface OfferView permits OfferView.ForCarrier, OfferView.ForShipper {

    Terms terms();

    SurplusSplit marketSplit();

    /** An offer's public part: what both sides see alike. */
    record Terms(NegotiationId negotiationId, int round, Side author, Money amount, AccessorialTerms accessorials,
            Instant offeredAt, Instant expiresAt, boolean expired, String note) {
        static Terms of(Negotiation negotiation, Offer offer, Instant now) {
            return new Terms(negotiation.id(), offer.round(), offer.author(), offer.amount(), offer.accessorials(),
                    offer.offeredAt(), offer.expiresAt(), offer.isExpiredAt(now), offer.terms().note());
        }
    }

    /**
     * The carrier's view. {@code ownMargin}: amount − its own incremental cost; {@code meetsMinimumRate}: the
     * implied rate per loaded mile reaches its lane's minimum; {@code meetsAutoAccept}: at or above its
     * auto-accept price. Each null when the carrier has no such figure.
     */
    record ForCarrier(Terms terms, SurplusSplit marketSplit, Money ownMargin, Money minimumRatePerLoadedMile,
            Boolean meetsMinimumRate, Boolean meetsAutoAccept) implements OfferView {
    }

    /**
     * The shipper's view. {@code savingAgainstBudget}: budget − amount; {@code withinBudget}: amount ≤ budget;
     * {@code meetsAutoAccept}: at or below its auto-accept price. Each null when the shipper has no such figure.
     */
    record ForShipper(Terms terms, SurplusSplit marketSplit, Money budget, Money savingAgainstBudget,
            Boolean withinBudget, Boolean meetsAutoAccept) implements OfferView {
    }

    public static ForCarrier forCarrier(Negotiation negotiation, Offer offer, CarrierLimits own, Instant now) {
        Objects.requireNonNull(own, "own");
        Money amount = offer.amount();
        Money rate = SurplusSplit.perLoadedMile(amount, negotiation.market().loadedMiles());
        Money minimum = own.minimumRatePerLoadedMile();
        return new ForCarrier(Terms.of(negotiation, offer, now), negotiation.market().splitAt(amount),
                own.ownIncrementalCost() == null ? null : amount.minus(own.ownIncrementalCost()),
                minimum,
                minimum == null || rate == null ? null : rate.amountMinorUnits() >= minimum.amountMinorUnits(),
                own.autoAcceptAtOrAbove() == null ? null
                        : AutoAcceptPrices.carrierAtOrAbove(own.autoAcceptAtOrAbove()).acceptsFor(Side.CARRIER, amount));
    }

    public static ForShipper forShipper(Negotiation negotiation, Offer offer, ShipperLimits own, Instant now) {
        Objects.requireNonNull(own, "own");
        Money amount = offer.amount();
        Money budget = own.budget();
        return new ForShipper(Terms.of(negotiation, offer, now), negotiation.market().splitAt(amount),
                budget,
                budget == null ? null : budget.minus(amount),
                budget == null ? null : amount.amountMinorUnits() <= budget.amountMinorUnits(),
                own.autoAcceptAtOrBelow() == null ? null
                        : AutoAcceptPrices.shipperAtOrBelow(own.autoAcceptAtOrBelow()).acceptsFor(Side.SHIPPER, amount));
    }

    /** Every offer of the negotiation, oldest first, as the carrier sees it. */
    public static List<ForCarrier> forCarrier(Negotiation negotiation, CarrierLimits own, Instant now) {
        return negotiation.offers().stream().map(offer -> forCarrier(negotiation, offer, own, now)).toList();
    }

    /** Every offer of the negotiation, oldest first, as the shipper sees it. */
    public static List<ForShipper> forShipper(Negotiation negotiation, ShipperLimits own, Instant now) {
        return negotiation.offers().stream().map(offer -> forShipper(negotiation, offer, own, now)).toList();
    }
}
