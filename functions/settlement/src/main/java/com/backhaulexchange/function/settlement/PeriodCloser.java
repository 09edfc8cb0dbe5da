package com.backhaulexchange.function.settlement;

import com.backhaulexchange.settlement.collaboration.CollaborationStore;
import com.backhaulexchange.emissions.EmissionsCalculator;
import com.backhaulexchange.matching.MatchExplanation;
import com.backhaulexchange.settlement.EmissionsInputs;
import com.backhaulexchange.settlement.PeriodPairings;
import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.packagedeal.BookedPackageLeg;
import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.settlement.collaboration.Agreement;
import com.backhaulexchange.settlement.collaboration.Collaboration;
import com.backhaulexchange.settlement.collaboration.SettlementPeriod;
import com.backhaulexchange.settlement.collaboration.SettledPeriod;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.MatchEconomics;
import com.backhaulexchange.matching.MatchEvaluation;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.settlement.RealisedBooking;
import com.backhaulexchange.settlement.RiskEvent;
import com.backhaulexchange.settlement.SettlementInputs;
import com.backhaulexchange.settlement.SettlementOutcome;
import com.backhaulexchange.settlement.SettlementResult;
import com.backhaulexchange.settlement.Statement;
import com.backhaulexchange.settlement.PeriodSettlement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Settles a collaboration's periods, exactly once in effect (docs/guide/collaborations-and-settlement.md, "Period close, exactly once in effect"; ADR 20). Periods are settled in
 * order, from the one after the last completely settled period up to the one asked for (so a message for a
 * later period settles the earlier ones first, and a message for a settled one changes nothing).
 *
 * <p>Per period: (1) if no settlement is committed, read the inputs, settle, and commit the whole settlement
 * document (ledger, figures, statements, settled booking ids) in one transaction whose header Put is
 * conditioned on {@code attribute_not_exists}: of two runs, one commits and the other reads what it committed;
 * (2) mark the document's bookings as settled; (3) move the schedule on. Steps 2 and 3 are idempotent and
 * derived from the committed document, so a crash after step 1 is completed by the next run with the same
 * ledger, never a second one.
 */
final class PeriodCloser {

    /** What one close did: each period's outcome, and whether this run committed it. */
    record Closed(String collaborationId, List<String> periods) {
    }

    private final CollaborationStore store;
    private final SettlementSources sources;
    private final long dryRunCostMinorUnits;
    private final Clock clock;
    private final MatchEvaluator evaluator;
    /** The factor set the period's CO₂e is computed with, the matching engine's: one method per statement. */
    private final EmissionsCalculator emissions;
    /**
     * Bookings of one period beyond which unbooked pairings are not priced: the pass evaluates every truck with
     * every other load (300² = 90,000 evaluations, a few seconds) and the coalition values then solve
     * assignments of that size for every coalition.
     */
    static final int MAX_BOOKINGS_TO_REPAIR = 300;

    PeriodCloser(CollaborationStore store, SettlementSources sources, long dryRunCostMinorUnits, MatchingConfig matching, Clock clock) {
        this.store = store;
        this.evaluator = new MatchEvaluator(matching);
        this.emissions = matching.emissions();
        this.sources = sources;
        this.dryRunCostMinorUnits = dryRunCostMinorUnits;
        this.clock = clock;
    }

    /** Settles every closed, unsettled period up to {@code targetIndex}; periods not yet closed are left. */
    Closed close(String collaborationId, long targetIndex) {
        List<String> done = new ArrayList<>();
        Optional<CollaborationStore.Versioned> found = store.find(collaborationId);
        if (found.isEmpty()) {
            return new Closed(collaborationId, done);
        }
        Collaboration collaboration = found.get().collaboration();
        long last = store.schedule(collaborationId).map(CollaborationStore.Schedule::lastSettledPeriod)
                .orElse(-1L);
        Instant now = clock.instant();
        for (long index = last + 1; index <= targetIndex; index++) {
            SettlementPeriod period = collaboration.schedule().period(index);
            if (period.closesAt().isAfter(now)) {
                break;
            }
            done.add(index + ":" + settle(collaboration, period, now));
        }
        return new Closed(collaborationId, done);
    }

    private String settle(Collaboration collaboration, SettlementPeriod period, Instant now) {
        String id = collaboration.id();
        SettledPeriod document = store.period(id, period.index()).orElse(null);
        boolean committed = false;
        if (document == null) {
            SettledPeriod computed = compute(collaboration, period);
            committed = store.commitPeriod(computed, now);
            document = committed ? computed : store.period(id, period.index())
                    .orElseThrow(() -> new IllegalStateException("period " + period.index() + " of " + id
                            + " was neither committed nor found"));
        }
        store.markSettled(id, period.index(), document.settledBookings());
        store.advance(id, period.index(), collaboration.schedule().period(period.index() + 1).closesAt());
        return document.outcome().name() + (committed ? "" : " (already committed)");
    }

    // ---- the settlement of one period

    SettledPeriod compute(Collaboration collaboration, SettlementPeriod period) {
        String id = collaboration.id();
        List<PartnerId> members = collaboration.activeMembers(period.index());
        Agreement agreement = collaboration.agreementFor(period.index());
        if (members.isEmpty()) {
            return SettledPeriod.of(id, period, agreement, members, new SettledPeriod.Empty(), List.of());
        }
        Inputs inputs = inputs(collaboration, period, members, agreement);
        return switch (PeriodSettlement.settle(inputs.settlement(), agreement)) {
            // Nothing settled: the bookings stay unmarked and count in the next period, as adjustments.
            case SettlementOutcome.Refused refused -> SettledPeriod.of(id, period, agreement, members,
                    new SettledPeriod.Refused(refused.reasons()), List.of());
            case SettlementOutcome.Settled settled -> {
                SettlementResult result = settled.result();
                Map<PartnerId, Statement> statements = new LinkedHashMap<>();
                for (PartnerId member : members) {
                    statements.put(member, Statement.of(result, inputs.settlement(), member));
                }
                yield SettledPeriod.of(id, period, agreement, members, new SettledPeriod.Settled(
                        SettledPeriod.Figures.of(result), result.ledger(), statements), inputs.considered());
            }
        };
    }

    /** The period's settlement inputs and every booking they account for (to mark as settled). */
    record Inputs(SettlementInputs settlement, List<String> considered) {
    }

    /**
     * The bookings between two of the period's members, in the agreement's currency: delivered ones whose
     * actual pickup, and cancelled ones whose planned pickup, fell in the period — or in an earlier period
     * (on or after the start) without a settled marker: late, settled here as adjustments. Bookings not yet
     * delivered or cancelled wait. The market: the lanes of the period's delivered bookings, each booked pair
     * with its match surplus, and every other pairing of those lanes the matching engine finds feasible (so
     * v(S) = the best matching of S's booked lanes; ADR 20). The emissions game: the same lanes and pairings
     * weighed in grams of CO₂e avoided, and each realised booking's grams (ADR 35). A realised booking's detention
     * the shipper confirmed is a DETENTION risk event beside it (ADR 38), shared under the risk terms as a TONU is.
     */
    Inputs inputs(Collaboration collaboration, SettlementPeriod period, List<PartnerId> members, Agreement agreement) {
        Set<PartnerId> memberSet = Set.copyOf(members);
        Map<String, Booking> bookings = new TreeMap<>();
        for (PartnerId member : members) {
            for (Booking booking : sources.bookingsOf(member)) {
                if (memberSet.contains(booking.carrier()) && memberSet.contains(booking.shipper())
                        && booking.agreedAmount().currency().equals(agreement.currency())) {
                    bookings.putIfAbsent(booking.id().value(), booking);
                }
            }
        }
        Instant start = collaboration.schedule().startsAt();
        Map<String, Booking> candidates = new LinkedHashMap<>();
        for (Booking booking : bookings.values()) {
            Instant at = switch (booking.status()) {
                case DELIVERED -> booking.pickup().actualTime();
                case CANCELLED -> booking.pickupWindowOpensAt();
                default -> null;
            };
            if (at != null && !at.isBefore(start) && at.isBefore(period.endsAt())) {
                candidates.put(booking.id().value(), booking);
            }
        }
        Set<String> alreadySettled = store.settledAmong(collaboration.id(), candidates.keySet());
        List<RealisedBooking> realised = new ArrayList<>();
        List<RiskEvent> risks = new ArrayList<>();
        List<String> considered = new ArrayList<>();
        Map<PartnerId, Integer> player = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            player.put(members.get(i), i);
        }
        PeriodPairings.Builder market = PeriodPairings.builder(members.size());
        Map<String, Long> co2eGrams = new HashMap<>();
        List<BookedPair> booked = new ArrayList<>();
        Money dryRunCost = new Money(dryRunCostMinorUnits, agreement.currency());
        for (Booking booking : candidates.values()) {
            if (alreadySettled.contains(booking.id().value())) {
                continue;
            }
            if (booking.status() == BookingStatus.CANCELLED) {
                RiskEvent.of(booking, dryRunCost).ifPresent(risks::add);
                considered.add(booking.id().value());
                continue;
            }
            Optional<BookedPackageLeg> leg = sources.packageLeg(booking);
            if (leg.isPresent()) {
                if (countPackageLeg(booking, leg.get(), agreement, period, player, market, realised, co2eGrams)) {
                    considered.add(booking.id().value());
                }
                continue;
            }
            Optional<Match> match = sources.match(booking.matchId());
            Optional<MatchEconomics> economics = match.map(Match::explanation)
                    .map(explanation -> explanation.economics())
                    .filter(found -> found.shipperPrice().currency().equals(agreement.currency()));
            if (economics.isEmpty()) {
                continue; // no match economics to realise against: left out, never marked
            }
            RealisedBooking figures = RealisedBooking.of(booking, economics.get().shipperPrice(),
                    economics.get().carrierIncrementalCost());
            realised.add(figures);
            RiskEvent.detention(booking, sources.confirmedDetention(booking.id(), agreement.currency()))
                    .ifPresent(risks::add);
            considered.add(booking.id().value());
            long grams = co2eAvoidedGrams(match.get().explanation());
            co2eGrams.put(booking.id().value(), grams);
            if (period.contains(figures.pickupAt())) {
                int capacity = market.capacityLane(player.get(booking.carrier()));
                int load = market.loadLane(player.get(booking.shipper()));
                market.pairing(capacity, load, economics.get().shipperPrice().amountMinorUnits()
                        - economics.get().carrierIncrementalCost().amountMinorUnits(), grams);
                booked.add(new BookedPair(booking, capacity, load, costPerMile(economics.get(),
                        match.get().explanation().outOfRouteMiles())));
            }
        }
        priceUnbookedPairs(booked, market, agreement);
        PeriodPairings pairings = market.build();
        return new Inputs(new SettlementInputs(collaboration.id(), period, members, realised, risks, pairings.money(),
                new EmissionsInputs(emissions.factors().method(), pairings.emissions(), co2eGrams)), considered);
    }

    /**
     * A booking made through a package deal (ADR 39) realises its load's share of the package: the shipper's price
     * and the carrier's cost share the chain's economics attribute to that load (ADR 22), and the load's share of
     * the chain's CO₂e by its attributable miles. In the coalition market each leg is a pairing of its own slot of
     * the carrier's truck with the load's lane: exact for every coalition that holds all the package's parties, an
     * over-estimate for one holding the carrier and only some of its shippers (the leg counts as if the truck
     * could carry that load alone at the package's share); the legs are not re-paired with other bookings' lanes.
     * Returns false (left out, never marked) when the package has no economics in the agreement's currency.
     */
    private boolean countPackageLeg(Booking booking, BookedPackageLeg leg, Agreement agreement,
            SettlementPeriod period, Map<PartnerId, Integer> player, PeriodPairings.Builder market,
            List<RealisedBooking> realised, Map<String, Long> co2eGrams) {
        var explanation = leg.explanation();
        var economics = explanation.economics();
        if (economics == null || !economics.shipperPrice().currency().equals(agreement.currency())) {
            return false;
        }
        var share = economics.perLoad().get(leg.index());
        RealisedBooking figures = RealisedBooking.of(booking, share.shipperPrice(), share.carrierCostShare());
        realised.add(figures);
        var miles = explanation.miles();
        List<Double> empty = new ArrayList<>();
        for (var load : miles.loads()) {
            empty.add(load.deadheadToPickupMiles());
        }
        empty.add(miles.destinationDeadheadMiles());
        long chainGrams = EmissionsInputs.grams(emissions.avoidedAgainstRunHome(miles.baselineEmptyMiles(), empty,
                explanation.co2eAvoided().fleet()).kgWellToWheel());
        long grams = Math.round(chainGrams * leg.mileShare());
        co2eGrams.put(booking.id().value(), grams);
        if (period.contains(figures.pickupAt())) {
            int capacity = market.capacityLane(player.get(booking.carrier()));
            int load = market.loadLane(player.get(booking.shipper()));
            market.pairing(capacity, load, share.shipperPrice().amountMinorUnits()
                    - share.carrierCostShare().amountMinorUnits(), grams);
        }
        return true;
    }

    /**
     * Well-to-wheel CO₂e a booked match avoids, in grams, recomputed from its stored miles with this function's
     * factor set (as the evaluator prices the unbooked pairings): a match stored under an older set counts with
     * the current one, so every figure of the period's emissions game comes from one factor set and version. The
     * carrier's fleet fuel economy the match was computed with stays (ADR 47), as the evaluator takes it from the
     * stored lane for the unbooked pairings.
     */
    private long co2eAvoidedGrams(MatchExplanation explanation) {
        return EmissionsInputs.grams(emissions.avoidedAgainstRunHome(explanation.baselineEmptyMiles(),
                List.of(explanation.originDeadheadMiles(), explanation.destinationDeadheadMiles()),
                explanation.co2eAvoided().fleet()).kgWellToWheel());
    }

    /** A pair booked in the period: its two lanes in the market and the carrier's cost per mile, if known. */
    private record BookedPair(Booking booking, int capacityLane, int loadLane, Money carrierCostPerMile) {
    }

    /**
     * The period's booked lanes could also have been paired otherwise: each truck with each other booking's load,
     * judged by the same {@link MatchEvaluator} as the match engine (feasibility, hours of service, economics),
     * so v(S) is the best matching of S's booked lanes, not only the pairs S booked. Above
     * {@value #MAX_BOOKINGS_TO_REPAIR} bookings in a period only the booked pairs count (the quadratic pass would
     * dominate the settlement); the carrier's cost per mile is the one its own booked match was priced with.
     */
    private void priceUnbookedPairs(List<BookedPair> booked, PeriodPairings.Builder market, Agreement agreement) {
        if (booked.size() < 2 || booked.size() > MAX_BOOKINGS_TO_REPAIR) {
            return;
        }
        Map<String, PostedLane> lanes = new HashMap<>();
        for (BookedPair pair : booked) {
            for (String laneId : List.of(pair.booking().capacityLaneId().value(), pair.booking().loadLaneId().value())) {
                sources.lane(laneId).ifPresent(lane -> lanes.put(laneId, lane));
            }
        }
        Map<String, Optional<MatchExplanation>> feasibleLanePair = new HashMap<>();
        for (BookedPair truck : booked) {
            var capacity = lanes.get(truck.booking().capacityLaneId().value());
            if (truck.carrierCostPerMile() == null || !(capacity instanceof PostedLane.Capacity capacityLane)) {
                continue;
            }
            for (BookedPair other : booked) {
                var load = lanes.get(other.booking().loadLaneId().value());
                if (other == truck || !(load instanceof PostedLane.Load loadLane)) {
                    continue;
                }
                Optional<MatchExplanation> feasible = feasibleLanePair.computeIfAbsent(capacity.laneId() + "/"
                        + load.laneId() + "/" + truck.carrierCostPerMile().amountMinorUnits(), key -> feasible(
                        capacityLane, truck.carrierCostPerMile(), loadLane));
                feasible.ifPresent(explanation -> market.pairing(truck.capacityLane(), other.loadLane(),
                        surplus(explanation, agreement), EmissionsInputs.grams(explanation.co2eAvoided()
                                .kgWellToWheel())));
            }
        }
    }

    /** The explanation of a pair the evaluator finds feasible (a pairing of both games, ADR 35); empty otherwise. */
    private Optional<MatchExplanation> feasible(PostedLane.Capacity capacity, Money costPerMile, PostedLane.Load load) {
        if (evaluator.evaluate(capacity.lane(), costPerMile, load.lane()) instanceof MatchEvaluation.Feasible feasible) {
            return Optional.of(feasible.explanation());
        }
        return Optional.empty();
    }

    /** A feasible pair's surplus in the agreement's currency; 0 (worth nothing to the money's game) otherwise. */
    private static long surplus(MatchExplanation explanation, Agreement agreement) {
        Money surplus = explanation.economics().surplus();
        return surplus.currency().equals(agreement.currency()) ? Math.max(0, surplus.amountMinorUnits()) : 0;
    }

    /** The cost per mile the booked match was priced with: its incremental cost over its out-of-route miles. */
    private static Money costPerMile(MatchEconomics economics, double outOfRouteMiles) {
        if (!(outOfRouteMiles >= 1)) {
            return null;
        }
        long perMile = Math.round(economics.carrierIncrementalCost().amountMinorUnits() / outOfRouteMiles);
        return new Money(perMile, economics.carrierIncrementalCost().currency());
    }
}
