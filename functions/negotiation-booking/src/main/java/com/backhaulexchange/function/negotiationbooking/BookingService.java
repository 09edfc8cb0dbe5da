package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.partner.access.Principal.PartnerPrincipal;
import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingEvent;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.booking.BookingRepository;
import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.deal.booking.RateConfirmation;
import com.backhaulexchange.deal.outcome.DeliveredOutcome;
import com.backhaulexchange.deal.outcome.LanePair;
import com.backhaulexchange.deal.packagedeal.BookedPackageLeg;
import com.backhaulexchange.gazetteer.Gazetteer;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchRepository;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.lane.LaneRepository;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.deal.negotiation.NegotiationRepository.Versioned;
import com.backhaulexchange.deal.negotiation.Outcome;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerRepository;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Bookings after agreement: the rate confirmation, and what the parties record — pickup, delivery,
 * cancellation — each at most once (a repeat with the same data answers as the first time, writes nothing).
 */
final class BookingService {
    private final BookingRepository bookings;
    private final LaneRepository lanes;
    private final MatchRepository matches;
    private final PartnerRepository partners;
    private final Notifier notifier;
    private final Ulid ids;
    private final Clock clock;
    private final Supplier<Gazetteer> gazetteer;
    private final Function<Booking, Optional<BookedPackageLeg>> packageLegs;

    /** {@code packageLegs}: the package leg a booking is, when it was booked through a package deal (ADR 49). */
    BookingService(BookingRepository bookings, LaneRepository lanes, MatchRepository matches,
            PartnerRepository partners, Notifier notifier, Ulid ids, Clock clock, Supplier<Gazetteer> gazetteer,
            Function<Booking, Optional<BookedPackageLeg>> packageLegs) {
        this.packageLegs = packageLegs;
        this.bookings = bookings;
        this.lanes = lanes;
        this.matches = matches;
        this.partners = partners;
        this.notifier = notifier;
        this.ids = ids;
        this.clock = clock;
        this.gazetteer = gazetteer;
    }

    Booking read(PartnerPrincipal caller, BookingId id) {
        return partyOf(caller, id).value();
    }

    Page<Booking> list(PartnerPrincipal caller, BookingStatus status, int limit, String cursor) {
        return list(caller.partnerId(), status, limit, cursor);
    }

    /** A party's bookings: the caller's own, or those of the principal a broker lists for (checked by the caller). */
    Page<Booking> list(PartnerId party, BookingStatus status, int limit, String cursor) {
        return bookings.listForParty(party, status, limit, cursor);
    }

    RateConfirmation rateConfirmation(PartnerPrincipal caller, BookingId id) {
        Booking booking = read(caller, id);
        var capacity = (PostedLane.Capacity) lanes.findLane(booking.capacityLaneId().value()).orElseThrow();
        var load = (PostedLane.Load) lanes.findLane(booking.loadLaneId().value()).orElseThrow();
        Partner carrier = partners.findById(booking.carrier()).orElseThrow();
        Partner shipper = partners.findById(booking.shipper()).orElseThrow();
        return RateConfirmation.of(booking, capacity.lane(), load.lane(), carrier, shipper,
                RateConfirmation.PaymentTerms.NET_30, booking.history().getFirst().recordedAt());
    }

    Booking recordPickup(PartnerPrincipal caller, BookingId id, Instant actualTime) {
        return change(caller, id, NotificationType.BOOKING_PICKED_UP,
                (booking, now) -> booking.recordPickup(caller.partnerId(), actualTime, loadOf(booking), now));
    }

    Booking recordDelivery(PartnerPrincipal caller, BookingId id, Instant actualTime, Double actualMiles) {
        return change(caller, id, NotificationType.BOOKING_DELIVERED,
                (booking, now) -> booking.recordDelivery(caller.partnerId(), actualTime, actualMiles, loadOf(booking),
                        now));
    }

    Booking cancel(PartnerPrincipal caller, BookingId id, String reason) {
        return change(caller, id, NotificationType.BOOKING_CANCELLED,
                (booking, now) -> booking.cancel(caller.partnerId(), reason, now));
    }

    /** The booking's load lane as posted, whose pickup region the network counters use (ADR 41). */
    private PostedLane.Load loadLaneOf(Booking booking) {
        return (PostedLane.Load) lanes.findLane(booking.loadLaneId().value()).orElseThrow();
    }

    /** The booking's load lane: its pickup and delivery windows bound the recorded times. */
    private LoadLane loadOf(Booking booking) {
        return ((PostedLane.Load) lanes.findLane(booking.loadLaneId().value()).orElseThrow()).lane();
    }

    @FunctionalInterface
    private interface Transition {
        Outcome<Booking, BookingEvent> apply(Booking booking, Instant now);
    }

    private Booking change(PartnerPrincipal caller, BookingId id, NotificationType type, Transition transition) {
        Instant now = clock.instant();
        Versioned<Booking> stored = partyOf(caller, id);
        var outcome = transition.apply(stored.value(), now);
        if (outcome instanceof Outcome.Changed<Booking, BookingEvent> changed) {
            List<Notification> notifications = BookingNotifications.of(changed.state(), type, ids, now);
            try {
                var achieved = changed.state().status() == BookingStatus.DELIVERED
                        ? deliveredOutcome(changed.state()) : Optional.<Achieved>empty();
                if (achieved.isPresent()) {
                    bookings.deliver(changed.state(), stored.version(), notifications, achieved.get().outcome(),
                            achieved.get().load());
                } else {
                    // Not delivered, or delivered over 30 days after the lanes' windows, when the match or package is
                    // gone (LaneItems' retention): the delivery is recorded without an outcome (ADR 26).
                    bookings.update(changed.state(), stored.version(), notifications);
                }
            } catch (StaleWriteException e) {
                throw new ProblemException(ProblemType.CONFLICT, "This booking changed while your request was being "
                        + "handled. Read it again.");
            }
            notifier.handOver(notifications);
            return changed.state();
        }
        return NegotiationService.changedOrThrow(outcome);
    }

    /** A delivered booking's outcome, and its load lane as read once for the outcome and the network counters. */
    private record Achieved(DeliveredOutcome outcome, PostedLane.Load load) {
    }

    /**
     * What a delivered booking achieved: a package booking its load's share of the package (ADR 49; the truck and
     * load may also have a single match of their own, whose figures are not the ones booked), any other its match's.
     * Empty when the match or package is gone.
     */
    private Optional<Achieved> deliveredOutcome(Booking delivered) {
        var leg = packageLegs.apply(delivered);
        var match = leg.isPresent() ? Optional.<Match>empty() : matches.find(delivered.matchId());
        if (leg.isEmpty() && match.isEmpty()) {
            return Optional.empty();
        }
        PostedLane.Load load = loadLaneOf(delivered);
        LanePair lanePair = LanePair.of(load.lane(), gazetteer.get());
        return Optional.of(new Achieved(leg.isPresent() ? DeliveredOutcome.ofPackageLeg(delivered, leg.get(), lanePair)
                : DeliveredOutcome.of(delivered, match.get().explanation(), lanePair), load));
    }

    /** The booking, for one of its two parties; anyone else is told it does not exist. */
    private Versioned<Booking> partyOf(PartnerPrincipal caller, BookingId id) {
        Function<String, ProblemException> notFound = detail -> new ProblemException(ProblemType.NOT_FOUND, detail);
        var stored = bookings.find(id).orElseThrow(() -> notFound.apply("No such booking."));
        Booking booking = stored.value();
        if (!booking.carrier().equals(caller.partnerId()) && !booking.shipper().equals(caller.partnerId())) {
            throw notFound.apply("No such booking.");
        }
        return stored;
    }
}
