package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.partner.access.Principal.PartnerPrincipal;
import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.lane.LaneRepository;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.MatchRepository;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.deal.negotiation.ActingPartner;
import com.backhaulexchange.deal.negotiation.AutoAcceptPriceRepository;
import com.backhaulexchange.deal.negotiation.AutoAcceptPrices;
import com.backhaulexchange.deal.negotiation.CarrierLimits;
import com.backhaulexchange.deal.negotiation.Delegation;
import com.backhaulexchange.deal.negotiation.DelegationRepository;
import com.backhaulexchange.deal.negotiation.MayActOnNegotiation;
import com.backhaulexchange.deal.negotiation.MayListForPrincipal;
import com.backhaulexchange.deal.negotiation.Negotiation;
import com.backhaulexchange.deal.negotiation.NegotiationEvent;
import com.backhaulexchange.deal.negotiation.NegotiationId;
import com.backhaulexchange.deal.negotiation.NegotiationRepository;
import com.backhaulexchange.deal.negotiation.NegotiationRepository.Versioned;
import com.backhaulexchange.deal.negotiation.NegotiationRules;
import com.backhaulexchange.deal.negotiation.NegotiationStatus;
import com.backhaulexchange.deal.negotiation.OfferTerms;
import com.backhaulexchange.deal.negotiation.Outcome;
import com.backhaulexchange.deal.negotiation.Refusal;
import com.backhaulexchange.deal.negotiation.ShipperLimits;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.adapter.http.problem.Problem;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Negotiations on matches: who acts for which side (a party, or a broker it delegated to), the auto-accept
 * prices of the lanes, the agreement that books both lanes at once, the competing negotiations it
 * supersedes, and the notifications each step causes (written with the change, handed over after it).
 */
final class NegotiationService {

    /** A negotiation as one caller may see it: the side it acts for and that side's private limits. */
    record SideView(Negotiation negotiation, Side side, CarrierLimits carrierLimits, ShipperLimits shipperLimits,
            BookingId bookingId, Places places) {
    }

    /** Where the load goes, by the names a dispatcher reads ("Dallas, TX"); null where its lane is gone (ADR 40). */
    record Places(String origin, String destination) {
        static final Places UNKNOWN = new Places(null, null);

        static Places of(PostedLane lane) {
            return lane instanceof PostedLane.Load load
                    ? new Places(load.lane().origin().label(), load.lane().destination().label()) : UNKNOWN;
        }
    }

    /** A listing row: the negotiation, the booking it made (once agreed) and its load's places. */
    record Row(Negotiation negotiation, BookingId bookingId, Places places) {
    }

    /** What a command did: the negotiation afterwards, as the caller sees it. */
    record Done(SideView view, boolean created) {
    }

    private final NegotiationRepository negotiations;
    private final DelegationRepository delegations;
    private final AutoAcceptPriceRepository autoAcceptPrices;
    private final LaneRepository lanes;
    private final MatchRepository matches;
    private final Notifier notifier;
    private final NegotiationRules rules;
    private final Ulid ids;
    private final Clock clock;
    private final LaneBooked laneBooked;
    private final BookingGate gate;

    /**
     * Asked before anything of a booking is written (ADR 37: the compliance gate): throws the refusal, a problem
     * with its reason code, when the carrier may not be booked for the load.
     */
    @FunctionalInterface
    interface BookingGate {
        void requireBookable(PartnerId carrier, PartnerId shipper, com.backhaulexchange.lane.LoadLane load);
    }

    /** Told of every lane a single agreement booked, after the commit: the package deals on it fail (ADR 32). */
    @FunctionalInterface
    interface LaneBooked {
        void booked(String laneId, NegotiationId by, Instant now);
    }

    NegotiationService(NegotiationRepository negotiations, DelegationRepository delegations,
            AutoAcceptPriceRepository autoAcceptPrices, LaneRepository lanes, MatchRepository matches,
            Notifier notifier, NegotiationRules rules, Ulid ids, Clock clock, BookingGate gate, LaneBooked laneBooked) {
        this.laneBooked = laneBooked;
        this.gate = gate;
        this.negotiations = negotiations;
        this.delegations = delegations;
        this.autoAcceptPrices = autoAcceptPrices;
        this.lanes = lanes;
        this.matches = matches;
        this.notifier = notifier;
        this.rules = rules;
        this.ids = ids;
        this.clock = clock;
    }

    // ---- commands

    /**
     * Opens a negotiation; {@code idempotencyRecordFor} (null without an Idempotency-Key) seals the answer into
     * the record stored with it, so a retry replays the first answer instead of being told the match is taken.
     */
    Done open(PartnerPrincipal caller, MatchId matchId, Side requestedSide, OfferTerms terms,
            Function<Done, IdempotencyRecord> idempotencyRecordFor) {
        Instant now = clock.instant();
        Match match = matches.find(matchId).orElseThrow(() -> notFound("No such match."));
        var acting = actingPartner(caller, match.carrier(), match.shipper(), now);
        // Who may not see the match (no party, no delegation in force from either party) is answered as for an
        // unknown match id: a broker without a delegation cannot tell a foreign match from a missing one.
        if (!acting.mayActForAnySide() && !acting.isParty()) {
            throw notFound("No such match.");
        }
        Side side = sideOf(acting, match.carrier(), match.shipper(), requestedSide);
        var lanesOfMatch = lanesOf(match.capacityLaneId().value(), match.loadLaneId().value());
        var outcome = Negotiation.open(new NegotiationId(ids.next()), match, side, acting.partner(), terms,
                autoAcceptFor(side.other(), lanesOfMatch), rules, now);
        Negotiation opened = changedOrThrow(outcome);
        List<NegotiationEvent> events = ((Outcome.Changed<Negotiation, NegotiationEvent>) outcome).events();
        if (opened.status() == NegotiationStatus.AGREED) {
            BookingId booking = new BookingId(ids.next());
            Done done = new Done(view(opened, side, lanesOfMatch, booking), true);
            book(opened, 0, lanesOfMatch, events, now, booking,
                    idempotencyRecordFor == null ? null : idempotencyRecordFor.apply(done));
            return done;
        }
        var notifications = notificationsFor(opened, events, now);
        Done done = new Done(view(opened, side, lanesOfMatch, null), true);
        try {
            negotiations.open(opened, notifications,
                    idempotencyRecordFor == null ? null : idempotencyRecordFor.apply(done));
        } catch (NegotiationRepository.NegotiationAlreadyOpenException e) {
            throw new ProblemException(ProblemType.CONFLICT, "This match already has an open negotiation; "
                    + "answer it (GET /negotiations) instead of opening another.");
        }
        notifier.handOver(notifications);
        return done;
    }

    Done counter(PartnerPrincipal caller, NegotiationId id, Side requestedSide, OfferTerms terms) {
        return act(caller, id, requestedSide, (negotiation, side, acting, lanesOfMatch, now) ->
                negotiation.counter(side, acting, terms, autoAcceptFor(side.other(), lanesOfMatch), now));
    }

    Done accept(PartnerPrincipal caller, NegotiationId id, Side requestedSide) {
        return act(caller, id, requestedSide, (negotiation, side, acting, lanesOfMatch, now) ->
                negotiation.accept(side, acting, now));
    }

    Done reject(PartnerPrincipal caller, NegotiationId id, Side requestedSide) {
        return act(caller, id, requestedSide, (negotiation, side, acting, lanesOfMatch, now) ->
                negotiation.reject(side, acting, now));
    }

    Done withdraw(PartnerPrincipal caller, NegotiationId id, Side requestedSide) {
        return act(caller, id, requestedSide, (negotiation, side, acting, lanesOfMatch, now) ->
                negotiation.withdraw(side, acting, now));
    }

    @FunctionalInterface
    private interface Command {
        Outcome<Negotiation, NegotiationEvent> apply(Negotiation negotiation, Side side, ActingPartner acting,
                LanesOfMatch lanesOfMatch, Instant now);
    }

    private Done act(PartnerPrincipal caller, NegotiationId id, Side requestedSide, Command command) {
        Instant now = clock.instant();
        Versioned<Negotiation> stored = negotiations.find(id).orElseThrow(() -> notFound("No such negotiation."));
        Negotiation negotiation = stored.value();
        var acting = actingPartner(caller, negotiation.carrier(), negotiation.shipper(), now);
        if (!acting.mayActForAnySide() && !acting.isParty()) {
            throw notFound(MayActOnNegotiation.NO_SUCH_NEGOTIATION);
        }
        Side side = sideOf(acting, negotiation.carrier(), negotiation.shipper(), requestedSide);
        var lanesOfMatch = lanesOf(negotiation.capacityLaneId().value(), negotiation.loadLaneId().value());
        var outcome = command.apply(negotiation, side, acting.partner(), lanesOfMatch, now);
        Negotiation next = changedOrThrow(outcome);
        List<NegotiationEvent> events = ((Outcome.Changed<Negotiation, NegotiationEvent>) outcome).events();
        if (next.status() == NegotiationStatus.AGREED) {
            BookingId booking = book(next, stored.version(), lanesOfMatch, events, now, new BookingId(ids.next()),
                    null);
            return new Done(view(next, side, lanesOfMatch, booking), false);
        }
        var notifications = notificationsFor(next, events, now);
        try {
            negotiations.update(next, stored.version(), notifications);
        } catch (StaleWriteException e) {
            throw changedMeanwhile();
        }
        notifier.handOver(notifications);
        return new Done(view(next, side, lanesOfMatch, null), false);
    }

    /** Agreement: both lanes, the match, the negotiation and the new booking in one transaction. */
    private BookingId book(Negotiation agreed, long expectedVersion, LanesOfMatch lanesOfMatch,
            List<NegotiationEvent> events, Instant now, BookingId bookingId, IdempotencyRecord idempotencyRecord) {
        gate.requireBookable(agreed.carrier(), agreed.shipper(), lanesOfMatch.load().lane());
        var bookingOutcome = Booking.book(bookingId, agreed, lanesOfMatch.load().lane(), now);
        Booking booking = changedOrThrow(bookingOutcome);
        List<Notification> notifications = new ArrayList<>(notificationsFor(agreed, events, now));
        notifications.addAll(BookingNotifications.of(booking, NotificationType.BOOKING_CONFIRMED, ids, now));
        try {
            negotiations.agreeAndBook(agreed, expectedVersion, lanesOfMatch.capacity(), lanesOfMatch.load(), booking,
                    now, notifications, idempotencyRecord);
        } catch (NegotiationRepository.LaneNoLongerOpenException e) {
            throw new ProblemException(ProblemType.CONFLICT, "A lane of this match is no longer open: it was booked "
                    + "through another negotiation, withdrawn or has expired. Nothing was booked.");
        } catch (NegotiationRepository.NegotiationAlreadyOpenException e) {
            throw new ProblemException(ProblemType.CONFLICT, "This match already has an open negotiation.");
        } catch (StaleWriteException e) {
            throw changedMeanwhile();
        }
        notifier.handOver(notifications);
        supersedeCompetitors(agreed, now);
        for (String laneId : List.of(agreed.capacityLaneId().value(), agreed.loadLaneId().value())) {
            matches.retractAllOf(laneId, now);
            laneBooked.booked(laneId, agreed.id(), now);
        }
        return booking.id();
    }

    /**
     * After a booking, the other open negotiations on either lane close as SUPERSEDED. Done right after the
     * commit; one that fails here is harmless, since any agreement on it fails the lanes' condition, and the
     * next command on it supersedes it (see {@link #act}: booking refused → 409).
     */
    private void supersedeCompetitors(Negotiation winner, Instant now) {
        List<NegotiationId> competing = new ArrayList<>();
        competing.addAll(negotiations.openOnLane(winner.capacityLaneId().value()));
        competing.addAll(negotiations.openOnLane(winner.loadLaneId().value()));
        for (NegotiationId id : competing.stream().distinct().filter(other -> !other.equals(winner.id())).toList()) {
            negotiations.find(id).ifPresent(stored -> {
                if (stored.value().supersede(winner.id(), now) instanceof Outcome.Changed<Negotiation, NegotiationEvent>
                        changed) {
                    try {
                        negotiations.update(changed.state(), stored.version(), List.of());
                    } catch (StaleWriteException ignored) {
                        // Changed meanwhile: the lanes' conditions still keep it from booking.
                    }
                }
            });
        }
    }

    // ---- reading

    SideView read(PartnerPrincipal caller, NegotiationId id) {
        Instant now = clock.instant();
        Negotiation negotiation = negotiations.find(id).orElseThrow(() -> notFound("No such negotiation.")).value();
        var acting = actingPartner(caller, negotiation.carrier(), negotiation.shipper(), now);
        Side side = readableSide(acting, negotiation.carrier(), negotiation.shipper())
                .orElseThrow(() -> notFound("No such negotiation."));
        BookingId booking = negotiation.status() == NegotiationStatus.AGREED
                ? negotiations.bookingOf(id).orElse(null) : null;
        return view(negotiation, side, lanesOf(negotiation.capacityLaneId().value(),
                negotiation.loadLaneId().value()), booking);
    }

    /**
     * The caller's negotiations, or (a broker) those of the partner it acts for, each with the booking it made and
     * its load's places: the load lanes of a page in one batch read, not one read per row.
     */
    Page<Row> list(PartnerPrincipal caller, PartnerId onBehalfOf, NegotiationStatus status, int limit,
            String cursor) {
        Instant now = clock.instant();
        PartnerId party = partyListedFor(caller, onBehalfOf, delegations, now);
        var page = negotiations.listForParty(party, status, now, limit, cursor);
        Map<String, PostedLane> loads = lanes.findLanes(page.items().stream()
                .map(row -> row.negotiation().loadLaneId().value()).distinct().toList());
        return new Page<>(page.items().stream().map(row -> new Row(row.negotiation(), row.bookingId(),
                Places.of(loads.get(row.negotiation().loadLaneId().value())))).toList(), page.nextCursor());
    }

    /** {@link #partyListedFor(PartnerPrincipal, PartnerId, DelegationRepository, Instant)} now. */
    PartnerId partyListedFor(PartnerPrincipal caller, PartnerId onBehalfOf) {
        return partyListedFor(caller, onBehalfOf, delegations, clock.instant());
    }

    /**
     * Whose negotiations or bookings a listing shows: the caller's own, or, with {@code onBehalfOf}, that partner's
     * when {@link MayListForPrincipal} allows it (403 with its reason code otherwise).
     */
    static PartnerId partyListedFor(PartnerPrincipal caller, PartnerId onBehalfOf, DelegationRepository delegations,
            Instant now) {
        if (onBehalfOf == null || onBehalfOf.equals(caller.partnerId())) {
            return caller.partnerId();
        }
        var decision = MayListForPrincipal.decide(caller.partnerId(), caller.roles(), onBehalfOf,
                delegations.find(onBehalfOf, caller.partnerId()), now);
        if (decision instanceof Decision.Rejected rejected) {
            throw new ProblemException(Problem.of(ProblemType.FORBIDDEN, rejected.detail(), List.of())
                    .withReasonCode(rejected.reasonCode()));
        }
        return onBehalfOf;
    }

    /** The side a caller reads a negotiation as: its own side, or the side whose party delegated to it. */
    Optional<Side> readableSide(Acting acting, PartnerId carrier, PartnerId shipper) {
        if (acting.partner().id().equals(carrier) || acting.mayActFor(Side.CARRIER)) {
            return Optional.of(Side.CARRIER);
        }
        if (acting.partner().id().equals(shipper) || acting.mayActFor(Side.SHIPPER)) {
            return Optional.of(Side.SHIPPER);
        }
        return Optional.empty();
    }

    // ---- auto-accept prices (private to the lane's owner)

    Optional<Money> autoAcceptPrice(PartnerPrincipal caller, String laneId) {
        ownLane(caller, laneId);
        return autoAcceptPrices.find(laneId);
    }

    Money setAutoAcceptPrice(PartnerPrincipal caller, String laneId, Money price) {
        PostedLane lane = ownLane(caller, laneId);
        Refusal notOpen = AutoAcceptPrices.refusalToSetOn(lane.effectiveStatus(clock.instant()));
        if (notOpen != null) {
            throw Refusals.toProblem(new Outcome.Refused<>(List.of(notOpen)));
        }
        String currency = switch (lane) {
            case PostedLane.Capacity capacity -> capacity.lane().minimumRatePerLoadedMile() != null
                    ? capacity.lane().minimumRatePerLoadedMile().currency().getCurrencyCode()
                    : price.currency().getCurrencyCode();
            case PostedLane.Load load -> load.lane().budget() != null
                    ? load.lane().budget().currency().getCurrencyCode() : price.currency().getCurrencyCode();
        };
        if (!price.currency().getCurrencyCode().equals(currency)) {
            throw ProblemException.invalidField("/amount/currency", "The lane's prices are in " + currency + ".");
        }
        if (price.amountMinorUnits() <= 0) {
            throw ProblemException.invalidField("/amount/amountMinorUnits", "An auto-accept price is positive.");
        }
        autoAcceptPrices.set(laneId, price);
        return price;
    }

    void clearAutoAcceptPrice(PartnerPrincipal caller, String laneId) {
        ownLane(caller, laneId);
        autoAcceptPrices.clear(laneId);
    }

    private PostedLane ownLane(PartnerPrincipal caller, String laneId) {
        return lanes.findLane(laneId).filter(lane -> lane.owner().equals(caller.partnerId()))
                .orElseThrow(() -> notFound("No such lane."));
    }

    // ---- helpers

    /** The caller as the domain sees it, with the delegations it holds from the two parties (read consistently). */
    Acting actingPartner(PartnerPrincipal caller, PartnerId carrier, PartnerId shipper, Instant now) {
        List<Delegation> held = new ArrayList<>();
        if (!caller.partnerId().equals(carrier) && !caller.partnerId().equals(shipper)) {
            delegations.find(carrier, caller.partnerId()).ifPresent(held::add);
            delegations.find(shipper, caller.partnerId()).ifPresent(held::add);
        }
        return new Acting(new ActingPartner(caller.partnerId(), caller.roles(), held), carrier, shipper, now);
    }

    /** The acting partner and, for a broker, which sides it may act for now. */
    record Acting(ActingPartner partner, PartnerId carrier, PartnerId shipper, Instant now) {
        boolean isParty() {
            return partner.id().equals(carrier) || partner.id().equals(shipper);
        }

        boolean mayActFor(Side side) {
            PartnerId party = side == Side.CARRIER ? carrier : shipper;
            return partner.delegationsHeld().stream()
                    .anyMatch(delegation -> delegation.letsNegotiate(party, partner.id(), now));
        }

        boolean mayActForAnySide() {
            return mayActFor(Side.CARRIER) || mayActFor(Side.SHIPPER);
        }
    }

    /**
     * The side the caller acts for: a party's own side (asking for the other is refused by the domain), or,
     * for a broker, the side it names or else the one side whose party delegated to it.
     */
    private static Side sideOf(Acting acting, PartnerId carrier, PartnerId shipper, Side requested) {
        if (requested != null) {
            return requested;
        }
        if (acting.partner().id().equals(carrier)) {
            return Side.CARRIER;
        }
        if (acting.partner().id().equals(shipper)) {
            return Side.SHIPPER;
        }
        boolean forCarrier = acting.mayActFor(Side.CARRIER);
        boolean forShipper = acting.mayActFor(Side.SHIPPER);
        if (forCarrier && forShipper) {
            throw ProblemException.invalidField("/side", "You hold delegations from both parties: say which "
                    + "side you act for (CARRIER or SHIPPER).");
        }
        // Callers without any delegation were answered 404 before; the domain refuses anything else.
        return forCarrier ? Side.CARRIER : Side.SHIPPER;
    }

    record LanesOfMatch(PostedLane.Capacity capacity, PostedLane.Load load) {
    }

    private LanesOfMatch lanesOf(String capacityLaneId, String loadLaneId) {
        var capacity = lanes.findLane(capacityLaneId).orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
                "A lane of this match no longer exists."));
        var load = lanes.findLane(loadLaneId).orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
                "A lane of this match no longer exists."));
        return new LanesOfMatch((PostedLane.Capacity) capacity, (PostedLane.Load) load);
    }

    private AutoAcceptPrices autoAcceptFor(Side receiver, LanesOfMatch lanesOfMatch) {
        return receiver == Side.CARRIER
                ? autoAcceptPrices.find(lanesOfMatch.capacity().laneId()).map(AutoAcceptPrices::carrierAtOrAbove)
                        .orElse(AutoAcceptPrices.NONE)
                : autoAcceptPrices.find(lanesOfMatch.load().laneId()).map(AutoAcceptPrices::shipperAtOrBelow)
                        .orElse(AutoAcceptPrices.NONE);
    }

    private SideView view(Negotiation negotiation, Side side, LanesOfMatch lanesOfMatch, BookingId booking) {
        if (side == Side.CARRIER) {
            Money ownCost = matches.find(negotiation.matchId())
                    .map(match -> match.explanation().economics().carrierIncrementalCost()).orElse(null);
            var limits = new CarrierLimits(ownCost, lanesOfMatch.capacity().lane().minimumRatePerLoadedMile(),
                    autoAcceptPrices.find(lanesOfMatch.capacity().laneId()).orElse(null));
            return new SideView(negotiation, side, limits, null, booking, Places.of(lanesOfMatch.load()));
        }
        var limits = new ShipperLimits(lanesOfMatch.load().lane().budget(),
                autoAcceptPrices.find(lanesOfMatch.load().laneId()).orElse(null));
        return new SideView(negotiation, side, null, limits, booking, Places.of(lanesOfMatch.load()));
    }

    private List<Notification> notificationsFor(Negotiation negotiation, List<NegotiationEvent> events, Instant now) {
        return NegotiationNotifications.of(negotiation, events, ids, now);
    }

    static <S> S changedOrThrow(Outcome<S, ?> outcome) {
        return switch (outcome) {
            case Outcome.Changed<S, ?> changed -> changed.state();
            case Outcome.Unchanged<S, ?> unchanged -> unchanged.state();
            case Outcome.Refused<S, ?> refused -> throw Refusals.toProblem(refused);
        };
    }

    private static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    private static ProblemException changedMeanwhile() {
        return new ProblemException(ProblemType.CONFLICT, "This negotiation changed while your request was being "
                + "handled (another party or broker acted first). Read it again and decide anew.");
    }
}
