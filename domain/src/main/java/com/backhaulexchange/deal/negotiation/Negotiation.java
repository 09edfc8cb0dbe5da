package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.MatchStatus;
import com.backhaulexchange.deal.negotiation.NegotiationEvent.OfferAccepted;
import com.backhaulexchange.deal.negotiation.NegotiationEvent.OfferAutoAccepted;
import com.backhaulexchange.deal.negotiation.NegotiationEvent.OfferExpired;
import com.backhaulexchange.deal.negotiation.NegotiationEvent.OfferMade;
import com.backhaulexchange.deal.negotiation.NegotiationEvent.OfferRejected;
import com.backhaulexchange.deal.negotiation.NegotiationEvent.OfferWithdrawn;
import com.backhaulexchange.deal.negotiation.NegotiationEvent.Superseded;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.kernel.policy.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A negotiation of one match's price between its carrier and its shipper: offers alternate sides, the
 * receiving side accepts, rejects or counters, the author may withdraw its offer, and the offer on the table
 * lapses at its expiry. Immutable: every command returns an {@link Outcome} holding the next state and the
 * events appended to its history, or the reasons it was refused (and then nothing changed).
 *
 * <p>Every command checks, in this order: who is acting ({@link MayActOnNegotiation}: 404/403, so that a
 * caller who may not act learns nothing more); the request's own fields ({@link OfferPolicies}: 400) — except
 * that {@link #open} checks first that the match is still open (409); then
 * the state (409): closed, whose turn, the offer's expiry — evaluated against {@code now}, so an offer past
 * its expiry is dead whether or not {@link #expire} has run — and the rounds limit.
 *
 * <p>Rounds: {@code rules.maxRounds()} offers at most, the opening one included. The last one cannot be
 * countered, only accepted or rejected; rejecting it ends the negotiation as ROUNDS_EXHAUSTED, rejecting an
 * earlier one as REJECTED.
 */
public record Negotiation(
        NegotiationId id,
        MatchId matchId,
        CapacityLaneId capacityLaneId,
        LoadLaneId loadLaneId,
        PartnerId carrier,
        PartnerId shipper,
        Currency currency,
        MarketReference market,
        Instant offerDeadline,
        NegotiationRules rules,
        NegotiationStatus status,
        List<Offer> offers,
        List<NegotiationEvent> history) {

    public Negotiation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(matchId, "matchId");
        Objects.requireNonNull(capacityLaneId, "capacityLaneId");
        Objects.requireNonNull(loadLaneId, "loadLaneId");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(shipper, "shipper");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(offerDeadline, "offerDeadline");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(status, "status");
        offers = List.copyOf(offers);
        history = List.copyOf(history);
        if (offers.isEmpty() || history.isEmpty()) {
            throw new IllegalArgumentException("a negotiation opens with an offer");
        }
    }

    /**
     * Opens a negotiation on {@code match} with an offer made for {@code side} by {@code by}. The currency is
     * the match's (its lanes'); the market reference is fixed now from the route and {@code rules}. The
     * receiving side's auto-accept price, if met, agrees at once.
     */
    public static Outcome<Negotiation, NegotiationEvent> open(NegotiationId id, Match match, Side side,
            ActingPartner by, OfferTerms terms, AutoAcceptPrices autoAccept, NegotiationRules rules, Instant now) {
        if (MayActOnNegotiation.decide(match.carrier(), match.shipper(), side, by, now)
                instanceof Decision.Rejected rejected) {
            return Outcome.refused(MayActOnNegotiation.refusal(rejected));
        }
        var economics = match.explanation().economics();
        if (economics == null) {
            return Outcome.refused(ReasonCode.MATCH_NOT_OPEN, "This match has no price in one currency.");
        }
        Currency currency = economics.shipperPrice().currency();
        if (!rules.marketRatePerLoadedMile().currency().equals(currency)) {
            throw new IllegalStateException("no market estimate configured in " + currency);
        }
        MarketReference market = MarketReference.of(match.explanation().miles(), rules);
        // The match before the offer's fields: past the match's end every expiry would be "too far".
        if (match.status() != MatchStatus.PROPOSED || !now.isBefore(match.matchableUntil())) {
            return Outcome.refused(ReasonCode.MATCH_NOT_OPEN, "This match is " + match.effectiveStatus(now)
                    + "; only a proposed match can be negotiated.");
        }
        List<Refusal> bad = OfferPolicies.check(terms, currency, market, rules, match.matchableUntil(), now);
        if (!bad.isEmpty()) {
            return new Outcome.Refused<>(bad);
        }
        Offer offer = new Offer(1, side, by.id(), terms, now);
        OfferMade made = new OfferMade(1, now, new Actor.Party(side, by.id()), offer);
        Negotiation opened = new Negotiation(id, match.id(), match.capacityLaneId(), match.loadLaneId(),
                match.carrier(), match.shipper(), currency, market, match.matchableUntil(), rules,
                NegotiationStatus.OPEN, List.of(offer), List.of(made));
        return opened.autoAcceptIfMet(made, autoAccept);
    }

    /** The receiving side answers the offer on the table with an offer of its own. */
    public Outcome<Negotiation, NegotiationEvent> counter(Side side, ActingPartner by, OfferTerms terms,
            AutoAcceptPrices autoAccept, Instant now) {
        var refused = whoMayAct(side, by, now);
        if (refused != null) {
            return refused;
        }
        List<Refusal> bad = OfferPolicies.check(terms, currency, market, rules, offerDeadline, now);
        if (!bad.isEmpty()) {
            return new Outcome.Refused<>(bad);
        }
        refused = receiverMayAnswer(side, now, "counter");
        if (refused != null) {
            return refused;
        }
        if (currentOffer().round() >= rules.maxRounds()) {
            return Outcome.refused(ReasonCode.ROUNDS_EXHAUSTED, "This is the last of " + rules.maxRounds()
                    + " rounds: the offer can only be accepted or rejected.");
        }
        Instant at = stamp(now);
        Offer offer = new Offer(currentOffer().round() + 1, side, by.id(), terms, at);
        OfferMade made = new OfferMade(nextSequence(), at, new Actor.Party(side, by.id()), offer);
        Negotiation countered = with(NegotiationStatus.OPEN, append(offers, offer), made);
        return countered.autoAcceptIfMet(made, autoAccept);
    }

    /** The receiving side accepts the offer on the table: the negotiation is AGREED on it. */
    public Outcome<Negotiation, NegotiationEvent> accept(Side side, ActingPartner by, Instant now) {
        var refused = whoMayAct(side, by, now);
        if (refused == null) {
            refused = receiverMayAnswer(side, now, "accept");
        }
        if (refused != null) {
            return refused;
        }
        var accepted = new OfferAccepted(nextSequence(), stamp(now), new Actor.Party(side, by.id()),
                currentOffer().round());
        return changed(NegotiationStatus.AGREED, accepted);
    }

    /** The receiving side turns the offer on the table down, ending the negotiation. */
    public Outcome<Negotiation, NegotiationEvent> reject(Side side, ActingPartner by, Instant now) {
        var refused = whoMayAct(side, by, now);
        if (refused == null) {
            refused = receiverMayAnswer(side, now, "reject");
        }
        if (refused != null) {
            return refused;
        }
        boolean lastRound = currentOffer().round() >= rules.maxRounds();
        var rejected = new OfferRejected(nextSequence(), stamp(now), new Actor.Party(side, by.id()),
                currentOffer().round(), lastRound);
        return changed(lastRound ? NegotiationStatus.ROUNDS_EXHAUSTED : NegotiationStatus.REJECTED, rejected);
    }

    /** The author of the offer on the table takes it back, ending the negotiation. */
    public Outcome<Negotiation, NegotiationEvent> withdraw(Side side, ActingPartner by, Instant now) {
        var refused = whoMayAct(side, by, now);
        if (refused != null) {
            return refused;
        }
        if (status.isClosed()) {
            return closed("withdraw");
        }
        if (currentOffer().author() != side) {
            return Outcome.refused(ReasonCode.NOT_YOUR_OFFER,
                    "The offer on the table is the " + lower(side.other()) + "'s; only its author may withdraw it.");
        }
        if (currentOffer().isExpiredAt(now)) {
            return expiredOffer();
        }
        var withdrawn = new OfferWithdrawn(nextSequence(), stamp(now), new Actor.Party(side, by.id()),
                currentOffer().round());
        return changed(NegotiationStatus.WITHDRAWN, withdrawn);
    }

    /**
     * Closes the negotiation as EXPIRED if the offer on the table has lapsed at {@code now} (run by a
     * background job; commands do not need it to have run). Already EXPIRED: unchanged.
     */
    public Outcome<Negotiation, NegotiationEvent> expire(Instant now) {
        if (status == NegotiationStatus.EXPIRED) {
            return new Outcome.Unchanged<>(this);
        }
        if (status.isClosed()) {
            return closed("expire");
        }
        if (!currentOffer().isExpiredAt(now)) {
            return Outcome.refused(ReasonCode.OFFER_NOT_EXPIRED,
                    "The offer on the table expires at " + currentOffer().expiresAt() + ".");
        }
        // Stamped at the offer's expiry, when it lapsed, unless the history already runs past it.
        return changed(NegotiationStatus.EXPIRED,
                new OfferExpired(nextSequence(), stamp(currentOffer().expiresAt()), currentOffer().round()));
    }

    /**
     * Closes an open negotiation because one of its lanes was booked through negotiation {@code winner},
     * whatever its offer's expiry. Already SUPERSEDED: unchanged; otherwise closed: refused.
     */
    public Outcome<Negotiation, NegotiationEvent> supersede(NegotiationId winner, Instant now) {
        if (status == NegotiationStatus.SUPERSEDED) {
            return new Outcome.Unchanged<>(this);
        }
        if (status.isClosed()) {
            return closed("supersede");
        }
        if (winner.equals(id)) {
            throw new IllegalArgumentException("a negotiation does not supersede itself");
        }
        return changed(NegotiationStatus.SUPERSEDED, new Superseded(nextSequence(), stamp(now), winner));
    }

    /** The latest offer: the one on the table while OPEN, the agreed one when AGREED. */
    public Offer currentOffer() {
        return offers.get(offers.size() - 1);
    }

    /** The side whose move it is while OPEN: the receiver of the offer on the table. */
    public Side turn() {
        return currentOffer().author().other();
    }

    /** The agreed offer; only when AGREED. */
    public Offer agreedOffer() {
        if (status != NegotiationStatus.AGREED) {
            throw new IllegalStateException("negotiation " + id + " is " + status + ", not AGREED");
        }
        return currentOffer();
    }

    /** The status at {@code now}: an OPEN negotiation whose offer has lapsed reads as EXPIRED. */
    public NegotiationStatus effectiveStatus(Instant now) {
        return status == NegotiationStatus.OPEN && currentOffer().isExpiredAt(now) ? NegotiationStatus.EXPIRED
                : status;
    }

    public PartnerId party(Side side) {
        return side == Side.CARRIER ? carrier : shipper;
    }

    private Outcome<Negotiation, NegotiationEvent> whoMayAct(Side side, ActingPartner by, Instant now) {
        if (MayActOnNegotiation.decide(carrier, shipper, side, by, now) instanceof Decision.Rejected rejected) {
            return Outcome.refused(MayActOnNegotiation.refusal(rejected));
        }
        return null;
    }

    /** The state checks of an answer (counter, accept, reject) by {@code side}; null when it may answer. */
    private Outcome<Negotiation, NegotiationEvent> receiverMayAnswer(Side side, Instant now, String verb) {
        if (status == NegotiationStatus.AGREED && verb.equals("accept")) {
            return Outcome.refused(ReasonCode.ALREADY_AGREED, "This negotiation is already agreed.");
        }
        if (status.isClosed()) {
            return closed(verb);
        }
        if (side != turn()) {
            return Outcome.refused(ReasonCode.NOT_YOUR_TURN,
                    "The offer on the table is your own; it is the " + lower(turn()) + "'s turn.");
        }
        if (currentOffer().isExpiredAt(now)) {
            return expiredOffer();
        }
        return null;
    }

    private Outcome<Negotiation, NegotiationEvent> autoAcceptIfMet(OfferMade made, AutoAcceptPrices autoAccept) {
        Side receiver = made.offer().author().other();
        if (autoAccept == null || !autoAccept.acceptsFor(receiver, made.offer().amount())) {
            return new Outcome.Changed<>(this, List.of(made));
        }
        var accepted = new OfferAutoAccepted(made.sequence() + 1, made.at(), receiver, made.offer().round());
        return new Outcome.Changed<>(with(NegotiationStatus.AGREED, offers, accepted), List.of(made, accepted));
    }

    private Outcome<Negotiation, NegotiationEvent> closed(String verb) {
        return Outcome.refused(ReasonCode.NEGOTIATION_CLOSED,
                "This negotiation is " + status + "; there is nothing left to " + verb + ".");
    }

    private Outcome<Negotiation, NegotiationEvent> expiredOffer() {
        return Outcome.refused(ReasonCode.OFFER_EXPIRED,
                "The offer on the table expired at " + currentOffer().expiresAt() + ".");
    }

    private Outcome<Negotiation, NegotiationEvent> changed(NegotiationStatus next, NegotiationEvent event) {
        return new Outcome.Changed<>(with(next, offers, event), List.of(event));
    }

    private Negotiation with(NegotiationStatus next, List<Offer> nextOffers, NegotiationEvent event) {
        return new Negotiation(id, matchId, capacityLaneId, loadLaneId, carrier, shipper, currency, market,
                offerDeadline, rules, next, nextOffers, append(history, event));
    }

    private long nextSequence() {
        return history.get(history.size() - 1).sequence() + 1;
    }

    /** An event's time: {@code now}, or its predecessor's if the caller's clock lags behind it. */
    private Instant stamp(Instant now) {
        Instant last = history.get(history.size() - 1).at();
        return now.isBefore(last) ? last : now;
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> next = new ArrayList<>(list.size() + 1);
        next.addAll(list);
        next.add(element);
        return next;
    }

    private static String lower(Side side) {
        return side.name().toLowerCase();
    }
}
