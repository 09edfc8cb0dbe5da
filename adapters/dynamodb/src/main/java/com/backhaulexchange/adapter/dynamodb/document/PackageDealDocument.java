package com.backhaulexchange.adapter.dynamodb.document;

import com.backhaulexchange.adapter.dynamodb.document.NegotiationDocument.MarketDocument;
import com.backhaulexchange.adapter.dynamodb.document.NegotiationDocument.OfferDocument;
import com.backhaulexchange.adapter.dynamodb.document.NegotiationDocument.PartyDocument;
import com.backhaulexchange.adapter.dynamodb.document.NegotiationDocument.RulesDocument;
import com.backhaulexchange.deal.negotiation.Actor;
import com.backhaulexchange.deal.negotiation.MarketReference;
import com.backhaulexchange.deal.negotiation.NegotiationRules;
import com.backhaulexchange.deal.packagedeal.FailureCause;
import com.backhaulexchange.deal.packagedeal.LegStatus;
import com.backhaulexchange.deal.packagedeal.PackageDeal;
import com.backhaulexchange.deal.packagedeal.PackageDealEvent;
import com.backhaulexchange.deal.packagedeal.PackageDealId;
import com.backhaulexchange.deal.packagedeal.PackageDealStatus;
import com.backhaulexchange.deal.packagedeal.PackageLeg;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.matching.chain.ReloadPackageId;
import com.backhaulexchange.partner.PartnerId;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * A package deal (ADR 29, ADR 32) as NegotiationsTable stores it: a JSON string in the {@code document} attribute
 * of its PACKAGE_DEAL item, read whole. Offers, markets, rules and acting parties have the negotiation document's
 * shapes; events are tagged by an {@code event} property; the exchange as an actor is a null {@code actor}.
 */
public record PackageDealDocument(
        IdValue id,
        String packageId,
        IdValue capacityLaneId,
        IdValue carrier,
        String currency,
        Instant openUntil,
        RulesDocument rules,
        String status,
        List<LegDocument> legs,
        List<EventDocument> history) {

    /** Version 1: the first stored package deals. */
    public static final int SCHEMA_VERSION = 1;

    public record LegDocument(int index, IdValue loadLaneId, IdValue shipper, MarketDocument market, String status,
            List<OfferDocument> offers) {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "event")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = LegOffered.class, name = "LegOffered"),
            @JsonSubTypes.Type(value = LegAccepted.class, name = "LegAccepted"),
            @JsonSubTypes.Type(value = PackageBooked.class, name = "PackageBooked"),
            @JsonSubTypes.Type(value = PackageFailed.class, name = "PackageFailed")})
    public sealed interface EventDocument {
    }

    public record LegOffered(long sequence, Instant at, PartyDocument actor, int legIndex, OfferDocument offer)
            implements EventDocument {
    }

    public record LegAccepted(long sequence, Instant at, PartyDocument actor, int legIndex, int round)
            implements EventDocument {
    }

    public record PackageBooked(long sequence, Instant at) implements EventDocument {
    }

    /** {@code actor} null: the exchange (a lapse, a supersession). */
    public record PackageFailed(long sequence, Instant at, PartyDocument actor, String cause, Integer legIndex,
            String reason) implements EventDocument {
    }

    // ---- from the domain

    public static PackageDealDocument of(PackageDeal deal) {
        var rules = deal.rules();
        return new PackageDealDocument(new IdValue(deal.id().value()), deal.packageId().value(),
                new IdValue(deal.capacityLaneId().value()), new IdValue(deal.carrier().value()),
                deal.currency().getCurrencyCode(), deal.openUntil(),
                new RulesDocument(rules.maxRounds(), NegotiationDocument.seconds(rules.maxOfferLifetime()),
                        MoneyDocument.of(rules.marketRatePerLoadedMile()), MoneyDocument.of(rules.marketCostPerMile())),
                deal.status().name(),
                deal.legs().stream().map(PackageDealDocument::legDocument).toList(),
                deal.history().stream().map(PackageDealDocument::eventDocument).toList());
    }

    private static LegDocument legDocument(PackageLeg leg) {
        var market = leg.market();
        return new LegDocument(leg.index(), new IdValue(leg.loadLaneId().value()), new IdValue(leg.shipper().value()),
                new MarketDocument(MoneyDocument.of(market.marketShipperPrice()),
                        MoneyDocument.of(market.marketIncrementalCost()), market.loadedMiles(),
                        market.outOfRouteMiles()),
                leg.status().name(), leg.offers().stream().map(NegotiationDocument::offerDocument).toList());
    }

    private static EventDocument eventDocument(PackageDealEvent event) {
        return switch (event) {
            case PackageDealEvent.LegOffered offered -> new LegOffered(offered.sequence(), offered.at(),
                    NegotiationDocument.partyDocument(offered.actor()), offered.legIndex(),
                    NegotiationDocument.offerDocument(offered.offer()));
            case PackageDealEvent.LegAccepted accepted -> new LegAccepted(accepted.sequence(), accepted.at(),
                    NegotiationDocument.partyDocument(accepted.actor()), accepted.legIndex(), accepted.round());
            case PackageDealEvent.PackageBooked booked -> new PackageBooked(booked.sequence(), booked.at());
            case PackageDealEvent.PackageFailed failed -> new PackageFailed(failed.sequence(), failed.at(),
                    failed.actor() instanceof Actor.Party party ? NegotiationDocument.partyDocument(party) : null,
                    failed.cause().name(), failed.legIndex(), failed.reason());
        };
    }

    // ---- to the domain

    public PackageDeal toPackageDeal() {
        return new PackageDeal(new PackageDealId(id.value()), new ReloadPackageId(packageId),
                new CapacityLaneId(capacityLaneId.value()), new PartnerId(carrier.value()),
                Currency.getInstance(currency), openUntil,
                new NegotiationRules(rules.maxRounds(), NegotiationDocument.duration(rules.maxOfferLifetime()),
                        rules.marketRatePerLoadedMile().toMoney(), rules.marketCostPerMile().toMoney()),
                PackageDealStatus.valueOf(status),
                legs.stream().map(PackageDealDocument::leg).toList(),
                history.stream().map(PackageDealDocument::event).toList());
    }

    private static PackageLeg leg(LegDocument leg) {
        var market = leg.market();
        return new PackageLeg(leg.index(), new LoadLaneId(leg.loadLaneId().value()),
                new PartnerId(leg.shipper().value()),
                new MarketReference(market.marketShipperPrice().toMoney(), market.marketIncrementalCost().toMoney(),
                        market.loadedMiles(), market.outOfRouteMiles()),
                LegStatus.valueOf(leg.status()), leg.offers().stream().map(NegotiationDocument::offer).toList());
    }

    private static PackageDealEvent event(EventDocument event) {
        return switch (event) {
            case LegOffered offered -> new PackageDealEvent.LegOffered(offered.sequence(), offered.at(),
                    NegotiationDocument.party(offered.actor()), offered.legIndex(),
                    NegotiationDocument.offer(offered.offer()));
            case LegAccepted accepted -> new PackageDealEvent.LegAccepted(accepted.sequence(), accepted.at(),
                    NegotiationDocument.party(accepted.actor()), accepted.legIndex(), accepted.round());
            case PackageBooked booked -> new PackageDealEvent.PackageBooked(booked.sequence(), booked.at());
            case PackageFailed failed -> new PackageDealEvent.PackageFailed(failed.sequence(), failed.at(),
                    failed.actor() == null ? Actor.EXCHANGE : NegotiationDocument.party(failed.actor()),
                    FailureCause.valueOf(failed.cause()), failed.legIndex(), failed.reason());
        };
    }
}
