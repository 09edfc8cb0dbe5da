package com.backhaulexchange.deal.packagedeal;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingEvent;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.deal.negotiation.ActingPartner;
import com.backhaulexchange.deal.negotiation.NegotiationId;
import com.backhaulexchange.deal.negotiation.Actor;
import com.backhaulexchange.deal.negotiation.MarketReference;
import com.backhaulexchange.deal.negotiation.NegotiationRules;
import com.backhaulexchange.deal.negotiation.Offer;
import com.backhaulexchange.deal.negotiation.OfferPolicies;
import com.backhaulexchange.deal.negotiation.OfferTerms;
import com.backhaulexchange.deal.negotiation.Outcome;
import com.backhaulexchange.deal.negotiation.ReasonCode;
import com.backhaulexchange.deal.negotiation.Refusal;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.deal.packagedeal.PackageDealEvent.LegAccepted;
import com.backhaulexchange.deal.packagedeal.PackageDealEvent.LegOffered;
import com.backhaulexchange.deal.packagedeal.PackageDealEvent.PackageBooked;
import com.backhaulexchange.deal.packagedeal.PackageDealEvent.PackageFailed;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.matching.MatchEconomics;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.chain.ReloadPackageId;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A carrier's conditional offers on every load of a reload package, one per load, each negotiated with its own
 * shipper as a single match is (counters alternate, the last of {@code rules.maxRounds()} offers can only be
 * accepted or declined). All or nothing: the package books when the last leg is accepted, and fails for every
 * party when a shipper declines, the carrier withdraws, an offer lapses or another booking takes a load or the
 * truck. An accepted leg binds its shipper until then and cannot be taken back alone. Immutable: every command
 * returns an {@link Outcome}.
 *
 * <p>Checks run in the single-match order (ADR 14): who is acting ({@link MayActOnPackage}), the request's fields
 * ({@link OfferPolicies}, pointers under {@code /offers/i} at opening), then the state. Expiry is lazy: once an
 * unanswered offer's expiry or the package's {@code openUntil} has passed the deal reads as FAILED
 * ({@link #effectiveStatus}), every command but {@link #expire} is refused, and {@link #expire} records it.
 */
public record PackageDeal(
        PackageDealId id,
        ReloadPackageId packageId,
        CapacityLaneId capacityLaneId,
        PartnerId carrier,
        Currency currency,
        Instant openUntil,
        NegotiationRules rules,
        PackageDealStatus status,
        List<PackageLeg> legs,
        List<PackageDealEvent> history) {

    public PackageDeal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(capacityLaneId, "capacityLaneId");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(openUntil, "openUntil");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(status, "status");
        legs = List.copyOf(legs);
        history = List.copyOf(history);
        if (legs.size() < 2 || history.isEmpty()) {
            throw new IllegalArgumentException("a package deal opens with an offer on each of its loads");
        }
    }

    /** The carrier (or its broker) opens the deal with one conditional offer per load, in chain order. */
    public static Outcome<PackageDeal, PackageDealEvent> open(PackageDealId id, OfferedPackage offered,
            ActingPartner by, List<OfferTerms> offers, NegotiationRules rules, Instant now) {
        List<PartnerId> shippers = offered.loads().stream().map(OfferedLoad::shipper).toList();
        if (MayActOnPackage.forCarrier(offered.carrier(), shippers, by, now) instanceof Decision.Rejected rejected) {
            return Outcome.refused(refusal(rejected));
        }
        if (!now.isBefore(offered.openUntil())) {
            return Outcome.refused(ReasonCode.PACKAGE_NOT_OPEN,
                    "This package can no longer be booked: its first pickup window or one of its lanes has closed.");
        }
        if (offers.size() != offered.loads().size()) {
            return Outcome.refused(new Refusal(ReasonCode.ONE_OFFER_PER_LOAD, "Give exactly one offer per load of the"
                    + " package, in its order: " + offered.loads().size() + ", not " + offers.size() + ".", "/offers"));
        }
        List<MarketReference> markets = offered.loads().stream().map(load -> marketReference(load, rules)).toList();
        List<Refusal> bad = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) {
            for (Refusal refusal : OfferPolicies.check(offers.get(i), offered.currency(), markets.get(i), rules,
                    offered.openUntil(), now)) {
                bad.add(new Refusal(refusal.reason(), "Load " + (i + 1) + ": " + refusal.detail(),
                        "/offers/" + i + (refusal.field() == null ? "" : refusal.field())));
            }
        }
        if (!bad.isEmpty()) {
            return new Outcome.Refused<>(bad);
        }
        var openedLegs = new ArrayList<PackageLeg>();
        var events = new ArrayList<PackageDealEvent>();
        var actor = new Actor.Party(Side.CARRIER, by.id());
        for (OfferedLoad load : offered.loads()) {
            int i = load.index();
            Offer offer = new Offer(1, Side.CARRIER, by.id(), offers.get(i), now);
            openedLegs.add(new PackageLeg(i, load.loadLaneId(), load.shipper(), markets.get(i),
                    LegStatus.AWAITING_SHIPPER, List.of(offer)));
            events.add(new LegOffered(i + 1L, now, actor, i, offer));
        }
        var opened = new PackageDeal(id, offered.packageId(), offered.capacityLaneId(), offered.carrier(),
                offered.currency(), offered.openUntil(), rules, PackageDealStatus.OPEN, openedLegs, events);
        return new Outcome.Changed<>(opened, events);
    }

    /** The receiving side of a leg answers the offer on the table with its own. */
    public Outcome<PackageDeal, PackageDealEvent> counter(int legIndex, Side side, ActingPartner by, OfferTerms terms,
            Instant now) {
        var refused = mayActOnLeg(legIndex, side, by, now);
        if (refused != null) {
            return refused;
        }
        PackageLeg leg = legs.get(legIndex);
        List<Refusal> bad = OfferPolicies.check(terms, currency, leg.market(), rules, openUntil, now);
        if (!bad.isEmpty()) {
            return new Outcome.Refused<>(bad);
        }
        refused = receiverMayAnswer(leg, side, now, "counter");
        if (refused != null) {
            return refused;
        }
        if (leg.currentOffer().round() >= rules.maxRounds()) {
            return Outcome.refused(ReasonCode.ROUNDS_EXHAUSTED, "This is the last of " + rules.maxRounds()
                    + " rounds on this load: the offer can only be accepted or declined.");
        }
        Instant at = stamp(now);
        Offer offer = new Offer(leg.currentOffer().round() + 1, side, by.id(), terms, at);
        var next = leg.with(side == Side.CARRIER ? LegStatus.AWAITING_SHIPPER : LegStatus.AWAITING_CARRIER,
                append(leg.offers(), offer));
        var event = new LegOffered(nextSequence(), at, new Actor.Party(side, by.id()), legIndex, offer);
        return new Outcome.Changed<>(withLeg(next, PackageDealStatus.OPEN, List.of(event)), List.of(event));
    }

    /**
     * The receiving side of a leg accepts the offer on the table. When that was the last leg to accept, the
     * package books in the same change ({@link PackageBooked} follows the acceptance).
     */
    public Outcome<PackageDeal, PackageDealEvent> accept(int legIndex, Side side, ActingPartner by, Instant now) {
        var refused = mayActOnLeg(legIndex, side, by, now);
        if (refused == null) {
            refused = receiverMayAnswer(legs.get(legIndex), side, now, "accept");
        }
        if (refused != null) {
            return refused;
        }
        PackageLeg leg = legs.get(legIndex);
        Instant at = stamp(now);
        var events = new ArrayList<PackageDealEvent>();
        events.add(new LegAccepted(nextSequence(), at, new Actor.Party(side, by.id()), legIndex,
                leg.currentOffer().round()));
        PackageLeg accepted = leg.with(LegStatus.ACCEPTED, leg.offers());
        boolean allAccepted = legs.stream()
                .allMatch(other -> other.index() == legIndex || other.status() == LegStatus.ACCEPTED);
        if (allAccepted) {
            events.add(new PackageBooked(nextSequence() + 1, at));
        }
        return new Outcome.Changed<>(withLeg(accepted, allAccepted ? PackageDealStatus.BOOKED : PackageDealStatus.OPEN,
                events), events);
    }

    /** A leg's shipper declines the carrier's offer on its load: the whole package fails. */
    public Outcome<PackageDeal, PackageDealEvent> decline(int legIndex, ActingPartner by, String reason, Instant now) {
        var refused = mayActOnLeg(legIndex, Side.SHIPPER, by, now);
        if (refused == null) {
            refused = receiverMayAnswer(legs.get(legIndex), Side.SHIPPER, now, "decline");
        }
        if (refused != null) {
            return refused;
        }
        Instant at = stamp(now);
        var event = new PackageFailed(nextSequence(), at, new Actor.Party(Side.SHIPPER, by.id()),
                FailureCause.DECLINED, legIndex, reason);
        PackageLeg declined = legs.get(legIndex).with(LegStatus.DECLINED, legs.get(legIndex).offers());
        return new Outcome.Changed<>(withLeg(declined, PackageDealStatus.FAILED, List.of(event)), List.of(event));
    }

    /** The carrier's side withdraws the whole package, whatever the shippers have answered so far. */
    public Outcome<PackageDeal, PackageDealEvent> withdraw(ActingPartner by, String reason, Instant now) {
        if (MayActOnPackage.forCarrier(carrier, shippers(), by, now) instanceof Decision.Rejected rejected) {
            return Outcome.refused(refusal(rejected));
        }
        var refused = stillOpen(now, "withdraw");
        if (refused != null) {
            return refused;
        }
        var event = new PackageFailed(nextSequence(), stamp(now), new Actor.Party(Side.CARRIER, by.id()),
                FailureCause.WITHDRAWN, null, reason);
        return new Outcome.Changed<>(with(PackageDealStatus.FAILED, legs, event), List.of(event));
    }

    /**
     * The exchange records a lapse: an unanswered offer's expiry or the package's deadline, whichever came
     * first, stamped at that instant. Nothing lapsed yet, or the deal already ended: unchanged.
     */
    public Outcome<PackageDeal, PackageDealEvent> expire(Instant now) {
        Optional<Lapse> lapse = lapseAt(now);
        if (status.isFinal() || lapse.isEmpty()) {
            return new Outcome.Unchanged<>(this);
        }
        Instant at = stamp(lapse.get().at());
        var event = new PackageFailed(nextSequence(), at, Actor.EXCHANGE, FailureCause.LAPSED,
                lapse.get().legIndex(), lapse.get().legIndex() == null
                        ? "The package's deadline passed before every shipper had accepted."
                        : "The offer on load " + (lapse.get().legIndex() + 1) + " lapsed unanswered.");
        return new Outcome.Changed<>(with(PackageDealStatus.FAILED, legs, event), List.of(event));
    }

    /**
     * Another booking took {@code load} (or, when null, the truck): an open deal fails. Like a superseded
     * negotiation it ignores expiry: the lane is gone either way. Already failed or booked: unchanged.
     */
    public Outcome<PackageDeal, PackageDealEvent> supersede(LoadLaneId load, Instant now) {
        if (status.isFinal()) {
            return new Outcome.Unchanged<>(this);
        }
        Integer legIndex = load == null ? null : legs.stream().filter(leg -> leg.loadLaneId().equals(load))
                .map(PackageLeg::index).findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "load " + load + " is not part of package deal " + id));
        var event = new PackageFailed(nextSequence(), stamp(now), Actor.EXCHANGE, FailureCause.SUPERSEDED, legIndex,
                legIndex == null ? "The truck was booked through another deal."
                        : "Load " + (legIndex + 1) + " was booked through another deal.");
        return new Outcome.Changed<>(with(PackageDealStatus.FAILED, legs, event), List.of(event));
    }

    /**
     * The bookings of a BOOKED package, one per load in chain order, each the booking a single match's agreement
     * makes (so pickup, delivery, tracking and outcomes treat it alike): the leg's accepted offer on the truck and
     * that load. A package has no negotiation or match of its own per load, so the booking names the deal's id as
     * its negotiation and the truck-and-load pair's derived {@link MatchId} (ADR 32).
     */
    public List<Booking> bookings(List<BookingId> ids, List<LoadLane> loads, Instant now) {
        if (status != PackageDealStatus.BOOKED) {
            throw new IllegalStateException("package deal " + id + " is " + status + ", not BOOKED");
        }
        if (ids.size() != legs.size() || loads.size() != legs.size()) {
            throw new IllegalArgumentException("one booking id and one load per leg");
        }
        NegotiationId dealAsNegotiation = new NegotiationId(id.value());
        List<Booking> bookings = new ArrayList<>(legs.size());
        for (PackageLeg leg : legs) {
            LoadLane load = loads.get(leg.index());
            if (!load.id().equals(leg.loadLaneId())) {
                throw new IllegalArgumentException("load " + load.id() + " is not leg " + leg.index() + "'s");
            }
            Offer agreed = leg.currentOffer();
            var booked = new BookingEvent.Booked(1, now, dealAsNegotiation, agreed.amount());
            bookings.add(new Booking(ids.get(leg.index()), dealAsNegotiation, MatchId.of(capacityLaneId,
                    leg.loadLaneId()), capacityLaneId, leg.loadLaneId(), carrier, leg.shipper(), agreed.amount(),
                    agreed.accessorials(), load.pickupWindow().opensAt(), BookingStatus.BOOKED, null, null, null,
                    List.of(booked)));
        }
        return bookings;
    }

    /** The legs whose shipper is {@code shipper}, in chain order (a shipper may have more than one load). */
    public List<Integer> legsOf(PartnerId shipper) {
        return legs.stream().filter(leg -> leg.shipper().equals(shipper)).map(PackageLeg::index).toList();
    }

    /** FAILED from the instant an unanswered offer or the package lapses, whether or not {@link #expire} ran. */
    public PackageDealStatus effectiveStatus(Instant now) {
        return status == PackageDealStatus.OPEN && lapseAt(now).isPresent() ? PackageDealStatus.FAILED : status;
    }

    /** What the shipper of leg {@code legIndex} may see: its own load's negotiation and the package's fate. */
    public ShipperLegView viewForShipper(int legIndex, Instant now) {
        return ShipperLegView.of(this, legIndex, now);
    }

    /** The instant an open deal lapses unless every unanswered leg is answered first (its earliest deadline). */
    public Instant lapsesAt() {
        Instant first = openUntil;
        for (PackageLeg leg : legs) {
            Instant expiry = leg.currentOffer().expiresAt();
            if (leg.status() != LegStatus.ACCEPTED && expiry.isBefore(first)) {
                first = expiry;
            }
        }
        return first;
    }

    /** The first lapse at or before {@code now}: an unanswered leg's offer expiry, or the package's deadline. */
    Optional<Lapse> lapseAt(Instant now) {
        Lapse first = null;
        for (PackageLeg leg : legs) {
            Instant expiry = leg.currentOffer().expiresAt();
            if (leg.status() != LegStatus.ACCEPTED && !now.isBefore(expiry)
                    && (first == null || expiry.isBefore(first.at()))) {
                first = new Lapse(expiry, leg.index());
            }
        }
        if (!now.isBefore(openUntil) && (first == null || openUntil.isBefore(first.at()))) {
            first = new Lapse(openUntil, null);
        }
        return Optional.ofNullable(first);
    }

    record Lapse(Instant at, Integer legIndex) {
    }

    private Outcome<PackageDeal, PackageDealEvent> mayActOnLeg(int legIndex, Side side, ActingPartner by,
            Instant now) {
        if (MayActOnPackage.onLeg(carrier, shippers(), legIndex, side, by, now) instanceof Decision.Rejected rejected) {
            return Outcome.refused(refusal(rejected));
        }
        return null;
    }

    private Outcome<PackageDeal, PackageDealEvent> receiverMayAnswer(PackageLeg leg, Side side, Instant now,
            String verb) {
        if (leg.status() == LegStatus.ACCEPTED && status == PackageDealStatus.OPEN) {
            return Outcome.refused(ReasonCode.ALREADY_AGREED, "Load " + (leg.index() + 1)
                    + " is already accepted; it books with the rest of the package or not at all.");
        }
        var refused = stillOpen(now, verb);
        if (refused != null) {
            return refused;
        }
        Side turn = leg.status() == LegStatus.AWAITING_SHIPPER ? Side.SHIPPER : Side.CARRIER;
        if (side != turn) {
            return Outcome.refused(ReasonCode.NOT_YOUR_TURN, "The offer on the table for load " + (leg.index() + 1)
                    + " is your own; it is the " + turn.name().toLowerCase() + "'s turn.");
        }
        return null;
    }

    private Outcome<PackageDeal, PackageDealEvent> stillOpen(Instant now, String verb) {
        if (status.isFinal()) {
            return Outcome.refused(ReasonCode.PACKAGE_CLOSED, "This package deal is " + status
                    + "; it cannot be " + (verb.endsWith("e") ? verb + "d" : verb + "ed") + " any more.");
        }
        if (lapseAt(now).isPresent()) {
            return Outcome.refused(ReasonCode.OFFER_EXPIRED,
                    "An offer of this package lapsed unanswered, or its deadline passed: the package will not book.");
        }
        return null;
    }

    private static Refusal refusal(Decision.Rejected rejected) {
        return new Refusal(ReasonCode.valueOf(rejected.reasonCode()), rejected.detail(), rejected.field());
    }

    private static MarketReference marketReference(OfferedLoad load, NegotiationRules rules) {
        return new MarketReference(MatchEconomics.perMile(rules.marketRatePerLoadedMile(), load.loadedMiles()),
                MatchEconomics.perMile(rules.marketCostPerMile(), load.attributedOutOfRouteMiles()),
                load.loadedMiles(), load.attributedOutOfRouteMiles());
    }

    private PackageDeal withLeg(PackageLeg leg, PackageDealStatus nextStatus, List<PackageDealEvent> events) {
        var nextLegs = new ArrayList<>(legs);
        nextLegs.set(leg.index(), leg);
        var nextHistory = new ArrayList<>(history);
        nextHistory.addAll(events);
        return new PackageDeal(id, packageId, capacityLaneId, carrier, currency, openUntil, rules, nextStatus,
                nextLegs, nextHistory);
    }

    private PackageDeal with(PackageDealStatus nextStatus, List<PackageLeg> nextLegs, PackageDealEvent event) {
        return new PackageDeal(id, packageId, capacityLaneId, carrier, currency, openUntil, rules, nextStatus,
                nextLegs, append(history, event));
    }

    /** The shipper of each leg, in chain order. */
    public List<PartnerId> shippers() {
        return legs.stream().map(PackageLeg::shipper).toList();
    }

    private long nextSequence() {
        return history.get(history.size() - 1).sequence() + 1;
    }

    private Instant stamp(Instant now) {
        Instant last = history.get(history.size() - 1).at();
        return now.isBefore(last) ? last : now;
    }

    private static <T> List<T> append(List<T> list, T element) {
        var next = new ArrayList<T>(list.size() + 1);
        next.addAll(list);
        next.add(element);
        return next;
    }
}
