package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.negotiation.ActingPartner;
import com.backhaulexchange.deal.negotiation.Delegation;
import com.backhaulexchange.deal.negotiation.DelegationRepository;
import com.backhaulexchange.deal.negotiation.Negotiation;
import com.backhaulexchange.deal.negotiation.NegotiationEvent;
import com.backhaulexchange.deal.negotiation.NegotiationId;
import com.backhaulexchange.deal.negotiation.NegotiationRepository;
import com.backhaulexchange.deal.negotiation.NegotiationRepository.Versioned;
import com.backhaulexchange.deal.negotiation.NegotiationRules;
import com.backhaulexchange.deal.negotiation.OfferTerms;
import com.backhaulexchange.deal.negotiation.Outcome;
import com.backhaulexchange.deal.negotiation.ReasonCode;
import com.backhaulexchange.deal.negotiation.Refusal;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.deal.packagedeal.MayActOnPackage;
import com.backhaulexchange.deal.packagedeal.OfferedPackage;
import com.backhaulexchange.deal.packagedeal.PackageDeal;
import com.backhaulexchange.deal.packagedeal.PackageDealEvent;
import com.backhaulexchange.deal.packagedeal.PackageDealId;
import com.backhaulexchange.deal.packagedeal.PackageDealRepository;
import com.backhaulexchange.deal.packagedeal.PackageDealStatus;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.lane.LaneRepository;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.MatchRepository;
import com.backhaulexchange.matching.chain.PackageMatch;
import com.backhaulexchange.matching.chain.PackageRepository;
import com.backhaulexchange.matching.chain.PackageStatus;
import com.backhaulexchange.matching.chain.ReloadPackageId;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.access.Principal.PartnerPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * Booking a reload package (ADR 29, ADR 32): the carrier's side opens a deal with one conditional offer per load,
 * each leg is negotiated with its own shipper, and the acceptance of the last leg books every lane at once. When a
 * lane was taken meanwhile the deal fails SUPERSEDED and nothing books; when the package books, the single-match
 * negotiations and the other package deals on its lanes are superseded, as a single booking supersedes its
 * competitors (ADR 17).
 */
final class PackageDealService {

    /** A deal as one caller sees it: the carrier's side sees all of it, a shipper's side only its own legs. */
    record Seen(PackageDeal deal, Side side, List<Integer> ownLegs, List<BookingId> bookingIds) {
    }

    private final PackageDealRepository deals;
    private final PackageRepository packages;
    private final NegotiationRepository negotiations;
    private final DelegationRepository delegations;
    private final LaneRepository lanes;
    private final MatchRepository matches;
    private final Notifier notifier;
    private final NegotiationRules rules;
    private final Ulid ids;
    private final Clock clock;
    private final NegotiationService.BookingGate gate;

    PackageDealService(PackageDealRepository deals, PackageRepository packages, NegotiationRepository negotiations,
            DelegationRepository delegations, LaneRepository lanes, MatchRepository matches, Notifier notifier,
            NegotiationRules rules, Ulid ids, Clock clock, NegotiationService.BookingGate gate) {
        this.gate = gate;
        this.deals = deals;
        this.packages = packages;
        this.negotiations = negotiations;
        this.delegations = delegations;
        this.lanes = lanes;
        this.matches = matches;
        this.notifier = notifier;
        this.rules = rules;
        this.ids = ids;
        this.clock = clock;
    }

    // ---- commands

    /** The carrier's side opens a deal on a package it can see; anyone else is told the package does not exist. */
    Seen open(PartnerPrincipal caller, ReloadPackageId packageId, List<OfferTerms> offers,
            Function<Seen, IdempotencyRecord> idempotencyRecordFor) {
        Instant now = clock.instant();
        PackageMatch found = packages.find(packageId).orElseThrow(() -> notFound("No such package."));
        List<PartnerId> shippers = found.legs().stream().map(PackageMatch.Leg::shipper).toList();
        ActingPartner acting = acting(caller, found.carrier(), shippers);
        if (!caller.partnerId().equals(found.carrier()) && acting.delegationsHeld().stream()
                .noneMatch(held -> held.letsNegotiate(found.carrier(), caller.partnerId(), now))) {
            throw notFound("No such package.");
        }
        if (found.status() == PackageStatus.RETRACTED || found.explanation().economics() == null) {
            throw Refusals.toProblem(new Outcome.Refused<>(List.of(new Refusal(ReasonCode.PACKAGE_NOT_OPEN,
                    "This package is no longer offered: one of its lanes was withdrawn or booked.", null))));
        }
        var outcome = PackageDeal.open(new PackageDealId(ids.next()), OfferedPackage.of(found), acting, offers,
                rules, now);
        PackageDeal opened = NegotiationService.changedOrThrow(outcome);
        var notifications = PackageDealNotifications.of(opened, eventsOf(outcome), ids, now);
        Seen seen = new Seen(opened, Side.CARRIER, List.of(), List.of());
        IdempotencyRecord idempotencyRecord = idempotencyRecordFor == null ? null : idempotencyRecordFor.apply(seen);
        try {
            deals.open(opened, notifications, idempotencyRecord);
        } catch (PackageDealRepository.PackageDealAlreadyOpenException e) {
            // The deal holding the package may have lapsed without housekeeping having recorded it yet: record
            // it now (everyone is told) and open the new one; a deal still open is a conflict.
            if (!recordLapseOfTheOpenDeal(packageId, now)) {
                throw new ProblemException(ProblemType.CONFLICT, "This package already has an open deal; follow "
                        + "that one, or withdraw it before opening another.");
            }
            try {
                deals.open(opened, notifications, idempotencyRecord);
            } catch (PackageDealRepository.PackageDealAlreadyOpenException again) {
                throw new ProblemException(ProblemType.CONFLICT, "This package already has an open deal.");
            }
        }
        notifier.handOver(notifications);
        return seen;
    }

    Seen counter(PartnerPrincipal caller, PackageDealId id, int legIndex, Side requestedSide, OfferTerms terms) {
        return onLeg(caller, id, legIndex, requestedSide, "/side",
                (deal, side, acting, now) -> deal.counter(legIndex, side, acting, terms, now));
    }

    Seen accept(PartnerPrincipal caller, PackageDealId id, int legIndex, Side requestedSide) {
        return onLeg(caller, id, legIndex, requestedSide, "#/query/side",
                (deal, side, acting, now) -> deal.accept(legIndex, side, acting, now));
    }

    Seen decline(PartnerPrincipal caller, PackageDealId id, int legIndex) {
        return onLeg(caller, id, legIndex, Side.SHIPPER, "#/query/side",
                (deal, side, acting, now) -> deal.decline(legIndex, acting, null, now));
    }

    Seen withdraw(PartnerPrincipal caller, PackageDealId id) {
        Instant now = clock.instant();
        Versioned<PackageDeal> stored = visible(caller, id, now);
        PackageDeal deal = stored.value();
        var outcome = deal.withdraw(acting(caller, deal.carrier(), deal.shippers()), null, now);
        return store(stored, outcome, Side.CARRIER, List.of(), now);
    }

    /** Whether the deal holding the package's lock had lapsed and is now recorded as such (freeing the package). */
    private boolean recordLapseOfTheOpenDeal(ReloadPackageId packageId, Instant now) {
        var holder = deals.openDealOf(packageId).flatMap(deals::find);
        if (holder.isEmpty()
                || !(holder.get().value().expire(now) instanceof Outcome.Changed<PackageDeal, PackageDealEvent> lapsed)) {
            return false;
        }
        var notifications = PackageDealNotifications.of(lapsed.state(), lapsed.events(), ids, now);
        try {
            deals.update(lapsed.state(), holder.get().version(), notifications);
        } catch (StaleWriteException e) {
            return false;
        }
        notifier.handOver(notifications);
        return true;
    }

    @FunctionalInterface
    private interface LegCommand {
        Outcome<PackageDeal, PackageDealEvent> apply(PackageDeal deal, Side side, ActingPartner acting, Instant now);
    }

    /** {@code sidePointer}: where the caller names its side (the body's {@code /side}, or the query's). */
    private Seen onLeg(PartnerPrincipal caller, PackageDealId id, int legIndex, Side requestedSide,
            String sidePointer, LegCommand command) {
        Instant now = clock.instant();
        Versioned<PackageDeal> stored = visible(caller, id, now);
        PackageDeal deal = stored.value();
        ActingPartner acting = acting(caller, deal.carrier(), deal.shippers());
        if (legIndex < 0 || legIndex >= deal.legs().size()) {
            throw notFound(MayActOnPackage.NO_SUCH_PACKAGE_DEAL);
        }
        Side side = requestedSide != null ? requestedSide : sideOnLeg(deal, legIndex, acting, now, sidePointer);
        var outcome = command.apply(deal, side, acting, now);
        List<Integer> ownLegs = side == Side.SHIPPER ? shipperLegsOf(deal, acting, now) : List.of();
        return store(stored, outcome, side, ownLegs, now);
    }

    private Seen store(Versioned<PackageDeal> stored, Outcome<PackageDeal, PackageDealEvent> outcome, Side side,
            List<Integer> ownLegs, Instant now) {
        PackageDeal next = NegotiationService.changedOrThrow(outcome);
        if (!(outcome instanceof Outcome.Changed<PackageDeal, PackageDealEvent> changed)) {
            return new Seen(next, side, ownLegs, List.of());
        }
        if (next.status() == PackageDealStatus.BOOKED) {
            return new Seen(next, side, ownLegs, book(stored, next, changed.events(), now));
        }
        var notifications = PackageDealNotifications.of(next, changed.events(), ids, now);
        try {
            deals.update(next, stored.version(), notifications);
        } catch (StaleWriteException e) {
            throw changedMeanwhile();
        }
        notifier.handOver(notifications);
        return new Seen(next, side, ownLegs, List.of());
    }

    /**
     * Every lane and a booking per load in one transaction. A lane taken meanwhile (booked alone or through
     * another package, withdrawn, expired) fails the whole deal as SUPERSEDED and books nothing: 409.
     */
    private List<BookingId> book(Versioned<PackageDeal> stored, PackageDeal booked, List<PackageDealEvent> events,
            Instant now) {
        List<LoadLane> loads = new ArrayList<>();
        for (var leg : booked.legs()) {
            var lane = lanes.findLane(leg.loadLaneId().value()).orElse(null);
            if (!(lane instanceof PostedLane.Load load)) {
                failSuperseded(stored, leg.loadLaneId().value(), now);
                throw laneTaken();
            }
            loads.add(load.lane());
        }
        // The compliance gate (ADR 37), for every load against its own shipper's requirements, before anything is
        // written: refused, the deal stays as it was before this acceptance.
        for (int index = 0; index < loads.size(); index++) {
            gate.requireBookable(booked.carrier(), booked.legs().get(index).shipper(), loads.get(index));
        }
        List<BookingId> bookingIds = booked.legs().stream().map(leg -> new BookingId(ids.next())).toList();
        List<Booking> bookings = booked.bookings(bookingIds, loads, now);
        List<Notification> notifications = new ArrayList<>(PackageDealNotifications.of(booked, events, ids, now));
        bookings.forEach(booking -> notifications.addAll(
                BookingNotifications.of(booking, NotificationType.BOOKING_CONFIRMED, ids, now)));
        try {
            deals.book(booked, stored.version(), bookings, now, notifications);
        } catch (PackageDealRepository.LaneTakenException e) {
            failSuperseded(stored, e.laneId(), now);
            throw laneTaken();
        } catch (StaleWriteException e) {
            throw changedMeanwhile();
        }
        notifier.handOver(notifications);
        supersedeCompetitors(booked, now);
        return bookingIds;
    }

    /** The deal as it was before the acceptance, failed SUPERSEDED on the lane that was taken (a load or the truck). */
    private void failSuperseded(Versioned<PackageDeal> stored, String laneId, Instant now) {
        PackageDeal deal = stored.value();
        LoadLaneId load = deal.legs().stream().map(leg -> leg.loadLaneId())
                .filter(id -> id.value().equals(laneId)).findFirst().orElse(null);
        if (deal.supersede(load, now) instanceof Outcome.Changed<PackageDeal, PackageDealEvent> changed) {
            var notifications = PackageDealNotifications.of(changed.state(), changed.events(), ids, now);
            try {
                deals.update(changed.state(), stored.version(), notifications);
                notifier.handOver(notifications);
            } catch (StaleWriteException ignored) {
                // Changed meanwhile: the lanes' conditions keep it from booking, its next command sees the lane.
            }
        }
    }

    /**
     * After the commit, as after a single booking (ADR 17): the open single-match negotiations on any lane of the
     * package close SUPERSEDED, so do the other open package deals on them, and the lanes' other matches and
     * packages are retracted. One missed here cannot book: the lanes are BOOKED.
     */
    private void supersedeCompetitors(PackageDeal winner, Instant now) {
        List<String> laneIds = new ArrayList<>();
        laneIds.add(winner.capacityLaneId().value());
        winner.legs().forEach(leg -> laneIds.add(leg.loadLaneId().value()));
        NegotiationId winnerAsNegotiation = new NegotiationId(winner.id().value());
        var competing = new LinkedHashSet<NegotiationId>();
        laneIds.forEach(laneId -> competing.addAll(negotiations.openOnLane(laneId)));
        for (NegotiationId id : competing) {
            negotiations.find(id).ifPresent(found -> {
                if (found.value().supersede(winnerAsNegotiation, now)
                        instanceof Outcome.Changed<Negotiation, NegotiationEvent> changed) {
                    try {
                        negotiations.update(changed.state(), found.version(), List.of());
                    } catch (StaleWriteException ignored) {
                        // Changed meanwhile: the lanes' conditions still keep it from booking.
                    }
                }
            });
        }
        for (String laneId : laneIds) {
            failPackageDealsOn(laneId, winner.id(), now);
            matches.retractAllOf(laneId, now);
            packages.retractAllOf(laneId, now);
        }
    }

    /**
     * The open package deals with lane {@code laneId} fail SUPERSEDED (a load of theirs, or their truck, was booked
     * by {@code winner}, a package deal or a single negotiation). Called after the winner's commit.
     */
    void failPackageDealsOn(String laneId, Object winner, Instant now) {
        for (PackageDealId id : deals.openPackageDealsOnLane(laneId)) {
            if (id.equals(winner)) {
                continue;
            }
            deals.find(id).ifPresent(found -> {
                PackageDeal deal = found.value();
                LoadLaneId load = deal.capacityLaneId().value().equals(laneId) ? null : new LoadLaneId(laneId);
                if (deal.supersede(load, now) instanceof Outcome.Changed<PackageDeal, PackageDealEvent> changed) {
                    var notifications = PackageDealNotifications.of(changed.state(), changed.events(), ids, now);
                    try {
                        deals.update(changed.state(), found.version(), notifications);
                        notifier.handOver(notifications);
                    } catch (StaleWriteException ignored) {
                        // Changed meanwhile: its booking would fail the lane's condition anyway.
                    }
                }
            });
        }
    }

    // ---- reading

    /** The carrier's side sees the whole deal; a leg's shipper side sees its own legs; anyone else: 404. */
    Seen read(PartnerPrincipal caller, PackageDealId id) {
        Instant now = clock.instant();
        PackageDeal deal = visible(caller, id, now).value();
        ActingPartner acting = acting(caller, deal.carrier(), deal.shippers());
        if (mayActFor(acting, deal.carrier(), now)) {
            return new Seen(deal, Side.CARRIER, List.of(), List.of());
        }
        return new Seen(deal, Side.SHIPPER, shipperLegsOf(deal, acting, now), List.of());
    }

    /**
     * The deals the caller is itself a party to, newest first, each as its side sees it: the carrier's side whole, a
     * shipper's side only the legs of its own loads. Another partner's deal is never in it (the copies are per party).
     */
    Page<Seen> list(PartnerPrincipal caller, int limit, String cursor) {
        PartnerId party = caller.partnerId();
        Page<PackageDeal> page = deals.listForParty(party, limit, cursor);
        List<Seen> seen = page.items().stream().map(deal -> deal.carrier().equals(party)
                ? new Seen(deal, Side.CARRIER, List.of(), List.of())
                : new Seen(deal, Side.SHIPPER, deal.legs().stream().filter(leg -> leg.shipper().equals(party))
                        .map(leg -> leg.index()).toList(), List.of()))
                // A copy names its parties, so this keeps nothing out; it guards the views against a stray copy.
                .filter(one -> one.side() == Side.CARRIER || !one.ownLegs().isEmpty())
                .toList();
        return new Page<>(seen, page.nextCursor());
    }

    /** The deal, for its carrier, its shippers and the brokers they delegated to; anyone else: 404. */
    private Versioned<PackageDeal> visible(PartnerPrincipal caller, PackageDealId id, Instant now) {
        Versioned<PackageDeal> stored = deals.find(id)
                .orElseThrow(() -> notFound(MayActOnPackage.NO_SUCH_PACKAGE_DEAL));
        PackageDeal deal = stored.value();
        ActingPartner acting = acting(caller, deal.carrier(), deal.shippers());
        if (!mayActFor(acting, deal.carrier(), now) && shipperLegsOf(deal, acting, now).isEmpty()) {
            throw notFound(MayActOnPackage.NO_SUCH_PACKAGE_DEAL);
        }
        return stored;
    }

    private static boolean mayActFor(ActingPartner acting, PartnerId party, Instant now) {
        return acting.id().equals(party) || acting.delegationsHeld().stream()
                .anyMatch(held -> held.letsNegotiate(party, acting.id(), now));
    }

    private static List<Integer> shipperLegsOf(PackageDeal deal, ActingPartner acting, Instant now) {
        return deal.legs().stream().filter(leg -> mayActFor(acting, leg.shipper(), now))
                .map(leg -> leg.index()).toList();
    }

    /** The caller's side on a leg: the carrier's when it is (or acts for) the carrier, else the leg's shipper's. */
    private static Side sideOnLeg(PackageDeal deal, int legIndex, ActingPartner acting, Instant now,
            String sidePointer) {
        boolean forShipper = mayActFor(acting, deal.legs().get(legIndex).shipper(), now);
        boolean forCarrier = mayActFor(acting, deal.carrier(), now);
        if (forCarrier && forShipper && !acting.id().equals(deal.carrier())
                && !acting.id().equals(deal.legs().get(legIndex).shipper())) {
            throw ProblemException.invalidField(sidePointer, "You hold delegations from both parties of this "
                    + "load: say which side you act for (CARRIER or SHIPPER).");
        }
        return forCarrier && !acting.id().equals(deal.legs().get(legIndex).shipper()) ? Side.CARRIER : Side.SHIPPER;
    }

    /** The caller with the delegations it holds from the carrier and the shippers (read consistently). */
    private ActingPartner acting(PartnerPrincipal caller, PartnerId carrier, List<PartnerId> shippers) {
        List<Delegation> held = new ArrayList<>();
        var parties = new LinkedHashSet<PartnerId>();
        parties.add(carrier);
        parties.addAll(shippers);
        if (!parties.contains(caller.partnerId())) {
            parties.forEach(party -> delegations.find(party, caller.partnerId()).ifPresent(held::add));
        }
        return new ActingPartner(caller.partnerId(), caller.roles(), held);
    }

    @SuppressWarnings("unchecked")
    private static List<PackageDealEvent> eventsOf(Outcome<PackageDeal, PackageDealEvent> outcome) {
        return ((Outcome.Changed<PackageDeal, PackageDealEvent>) outcome).events();
    }

    private static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    private static ProblemException laneTaken() {
        return new ProblemException(ProblemType.CONFLICT, "A lane of this package was booked through another deal, "
                + "withdrawn or has expired: the package failed and nothing was booked.");
    }

    private static ProblemException changedMeanwhile() {
        return new ProblemException(ProblemType.CONFLICT, "This package deal changed while your request was being "
                + "handled (another party acted first). Read it again and decide anew.");
    }
}
