package com.backhaulexchange.adapter.dynamodb.document;

import com.backhaulexchange.deal.negotiation.Actor;
import com.backhaulexchange.deal.negotiation.MarketReference;
import com.backhaulexchange.deal.negotiation.Negotiation;
import com.backhaulexchange.deal.negotiation.NegotiationEvent;
import com.backhaulexchange.deal.negotiation.NegotiationId;
import com.backhaulexchange.deal.negotiation.NegotiationRules;
import com.backhaulexchange.deal.negotiation.NegotiationStatus;
import com.backhaulexchange.deal.negotiation.Offer;
import com.backhaulexchange.deal.negotiation.OfferTerms;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.partner.PartnerId;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * A negotiation as NegotiationsTable stores it: a JSON string in the {@code document} attribute of its
 * NEGOTIATION item and of its two party copies, read whole. Ids are objects ({@code {"value": …}}), events
 * are tagged by an {@code event} property and the acting party by an {@code actor} property, and the
 * rules' offer lifetime is in seconds with nine decimals: the shape of the first stored negotiations, which
 * serialised the domain records themselves.
 */
public record NegotiationDocument(
        IdValue id,
        IdValue matchId,
        IdValue capacityLaneId,
        IdValue loadLaneId,
        IdValue carrier,
        IdValue shipper,
        String currency,
        MarketDocument market,
        Instant offerDeadline,
        RulesDocument rules,
        String status,
        List<OfferDocument> offers,
        List<EventDocument> history) {

    /** Version 1: the serialised domain records, as stored until they had their own types (issue 9). */
    public static final int SCHEMA_VERSION = 1;

    public record MarketDocument(MoneyDocument marketShipperPrice, MoneyDocument marketIncrementalCost,
            double loadedMiles, double outOfRouteMiles) {
    }

    /** {@code maxOfferLifetime}: seconds, with nine decimals ({@code 259200.000000000}). */
    public record RulesDocument(int maxRounds, BigDecimal maxOfferLifetime, MoneyDocument marketRatePerLoadedMile,
            MoneyDocument marketCostPerMile) {
    }

    public record OfferDocument(int round, String author, IdValue actingPartner, TermsDocument terms,
            Instant offeredAt) {
    }

    public record TermsDocument(MoneyDocument amount, AccessorialsDocument accessorials, Instant expiresAt,
            String note) {
    }

    /** A partner acting for a side: {@code actor} is always {@code Party} (the exchange is never stored). */
    public record PartyDocument(String actor, String side, IdValue partner) {
        static final String PARTY = "Party";
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "event")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = OfferMade.class, name = "OfferMade"),
            @JsonSubTypes.Type(value = OfferAccepted.class, name = "OfferAccepted"),
            @JsonSubTypes.Type(value = OfferAutoAccepted.class, name = "OfferAutoAccepted"),
            @JsonSubTypes.Type(value = OfferRejected.class, name = "OfferRejected"),
            @JsonSubTypes.Type(value = OfferWithdrawn.class, name = "OfferWithdrawn"),
            @JsonSubTypes.Type(value = OfferExpired.class, name = "OfferExpired"),
            @JsonSubTypes.Type(value = Superseded.class, name = "Superseded")})
    public sealed interface EventDocument {
    }

    public record OfferMade(long sequence, Instant at, PartyDocument actor, OfferDocument offer)
            implements EventDocument {
    }

    public record OfferAccepted(long sequence, Instant at, PartyDocument actor, int round) implements EventDocument {
    }

    public record OfferAutoAccepted(long sequence, Instant at, String onBehalfOf, int round)
            implements EventDocument {
    }

    public record OfferRejected(long sequence, Instant at, PartyDocument actor, int round, boolean lastRound)
            implements EventDocument {
    }

    public record OfferWithdrawn(long sequence, Instant at, PartyDocument actor, int round)
            implements EventDocument {
    }

    public record OfferExpired(long sequence, Instant at, int round) implements EventDocument {
    }

    public record Superseded(long sequence, Instant at, IdValue winner) implements EventDocument {
    }

    // ---- from the domain

    public static NegotiationDocument of(Negotiation negotiation) {
        var market = negotiation.market();
        var rules = negotiation.rules();
        return new NegotiationDocument(new IdValue(negotiation.id().value()),
                new IdValue(negotiation.matchId().value()), new IdValue(negotiation.capacityLaneId().value()),
                new IdValue(negotiation.loadLaneId().value()), new IdValue(negotiation.carrier().value()),
                new IdValue(negotiation.shipper().value()), negotiation.currency().getCurrencyCode(),
                new MarketDocument(MoneyDocument.of(market.marketShipperPrice()),
                        MoneyDocument.of(market.marketIncrementalCost()), market.loadedMiles(),
                        market.outOfRouteMiles()),
                negotiation.offerDeadline(),
                new RulesDocument(rules.maxRounds(), seconds(rules.maxOfferLifetime()),
                        MoneyDocument.of(rules.marketRatePerLoadedMile()), MoneyDocument.of(rules.marketCostPerMile())),
                negotiation.status().name(),
                negotiation.offers().stream().map(NegotiationDocument::offerDocument).toList(),
                negotiation.history().stream().map(NegotiationDocument::eventDocument).toList());
    }

    static OfferDocument offerDocument(Offer offer) {
        OfferTerms terms = offer.terms();
        return new OfferDocument(offer.round(), offer.author().name(), new IdValue(offer.actingPartner().value()),
                new TermsDocument(MoneyDocument.of(terms.amount()), AccessorialsDocument.of(terms.accessorials()),
                        terms.expiresAt(), terms.note()),
                offer.offeredAt());
    }

    static PartyDocument partyDocument(Actor.Party party) {
        return new PartyDocument(PartyDocument.PARTY, party.side().name(), new IdValue(party.partner().value()));
    }

    private static EventDocument eventDocument(NegotiationEvent event) {
        return switch (event) {
            case NegotiationEvent.OfferMade made -> new OfferMade(made.sequence(), made.at(),
                    partyDocument(made.actor()), offerDocument(made.offer()));
            case NegotiationEvent.OfferAccepted accepted -> new OfferAccepted(accepted.sequence(), accepted.at(),
                    partyDocument(accepted.actor()), accepted.round());
            case NegotiationEvent.OfferAutoAccepted auto -> new OfferAutoAccepted(auto.sequence(), auto.at(),
                    auto.onBehalfOf().name(), auto.round());
            case NegotiationEvent.OfferRejected rejected -> new OfferRejected(rejected.sequence(), rejected.at(),
                    partyDocument(rejected.actor()), rejected.round(), rejected.lastRound());
            case NegotiationEvent.OfferWithdrawn withdrawn -> new OfferWithdrawn(withdrawn.sequence(),
                    withdrawn.at(), partyDocument(withdrawn.actor()), withdrawn.round());
            case NegotiationEvent.OfferExpired expired -> new OfferExpired(expired.sequence(), expired.at(),
                    expired.round());
            case NegotiationEvent.Superseded superseded -> new Superseded(superseded.sequence(), superseded.at(),
                    new IdValue(superseded.winner().value()));
        };
    }

    /** Seconds with nine decimals, as Jackson wrote a {@link Duration} by default. */
    static BigDecimal seconds(Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
    }

    static Duration duration(BigDecimal seconds) {
        return Duration.ofNanos(seconds.movePointRight(9).longValueExact());
    }

    // ---- to the domain

    public Negotiation toNegotiation() {
        return new Negotiation(new NegotiationId(id.value()), new MatchId(matchId.value()),
                new CapacityLaneId(capacityLaneId.value()), new LoadLaneId(loadLaneId.value()),
                new PartnerId(carrier.value()), new PartnerId(shipper.value()), Currency.getInstance(currency),
                new MarketReference(market.marketShipperPrice().toMoney(), market.marketIncrementalCost().toMoney(),
                        market.loadedMiles(), market.outOfRouteMiles()),
                offerDeadline,
                new NegotiationRules(rules.maxRounds(), duration(rules.maxOfferLifetime()),
                        rules.marketRatePerLoadedMile().toMoney(), rules.marketCostPerMile().toMoney()),
                NegotiationStatus.valueOf(status),
                offers.stream().map(NegotiationDocument::offer).toList(),
                history.stream().map(NegotiationDocument::event).toList());
    }

    static Offer offer(OfferDocument offer) {
        TermsDocument terms = offer.terms();
        return new Offer(offer.round(), Side.valueOf(offer.author()), new PartnerId(offer.actingPartner().value()),
                new OfferTerms(terms.amount().toMoney(), terms.accessorials().toTerms(), terms.expiresAt(),
                        terms.note()),
                offer.offeredAt());
    }

    static Actor.Party party(PartyDocument party) {
        if (party == null || !PartyDocument.PARTY.equals(party.actor())) {
            throw new IllegalArgumentException("a negotiation event's actor must be a Party, was " + party);
        }
        return new Actor.Party(Side.valueOf(party.side()), new PartnerId(party.partner().value()));
    }

    private static NegotiationEvent event(EventDocument event) {
        return switch (event) {
            case OfferMade made -> new NegotiationEvent.OfferMade(made.sequence(), made.at(), party(made.actor()),
                    offer(made.offer()));
            case OfferAccepted accepted -> new NegotiationEvent.OfferAccepted(accepted.sequence(), accepted.at(),
                    party(accepted.actor()), accepted.round());
            case OfferAutoAccepted auto -> new NegotiationEvent.OfferAutoAccepted(auto.sequence(), auto.at(),
                    Side.valueOf(auto.onBehalfOf()), auto.round());
            case OfferRejected rejected -> new NegotiationEvent.OfferRejected(rejected.sequence(), rejected.at(),
                    party(rejected.actor()), rejected.round(), rejected.lastRound());
            case OfferWithdrawn withdrawn -> new NegotiationEvent.OfferWithdrawn(withdrawn.sequence(),
                    withdrawn.at(), party(withdrawn.actor()), withdrawn.round());
            case OfferExpired expired -> new NegotiationEvent.OfferExpired(expired.sequence(), expired.at(),
                    expired.round());
            case Superseded superseded -> new NegotiationEvent.Superseded(superseded.sequence(), superseded.at(),
                    new NegotiationId(superseded.winner().value()));
        };
    }
}
