package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.adapter.http.problem.FieldError;
import com.backhaulexchange.adapter.http.problem.Problem;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.booking.BookingRepository;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.lane.LaneRepository;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.partner.access.Principal.PartnerPrincipal;
import com.backhaulexchange.tracking.PositionTracker;
import com.backhaulexchange.tracking.ReportedPosition;
import com.backhaulexchange.tracking.TrackedBooking;
import com.backhaulexchange.tracking.TrackingEvent;
import com.backhaulexchange.tracking.TrackingOutcome;
import com.backhaulexchange.tracking.TrackingRefusal;
import com.backhaulexchange.tracking.TrackingRepository;
import com.backhaulexchange.tracking.TrackingState;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.tracking.DetentionCalculator;
import com.backhaulexchange.tracking.ProofOfDelivery;
import com.backhaulexchange.tracking.TrackingEventType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;
import java.time.Instant;
import java.util.List;

/**
 * Tracking of a booking (ADR 30): the carrier's position reports in, the state, ETA and events out to both parties.
 * A request is idempotent: the same reports again change nothing and answer with the same tracking.
 */
final class TrackingService {
    /** Two carriers' devices racing on one booking: read again and reapply, a few times. */
    private static final int ATTEMPTS = 3;

    private final BookingRepository bookings;
    private final LaneRepository lanes;
    private final TrackingRepository tracking;
    private final PositionTracker tracker;
    private final MatchingConfig config;
    private final Notifier notifier;
    private final Ulid ids;
    private final Clock clock;

    TrackingService(BookingRepository bookings, LaneRepository lanes, TrackingRepository tracking,
            PositionTracker tracker, MatchingConfig config, Notifier notifier, Ulid ids, Clock clock) {
        this.notifier = notifier;
        this.ids = ids;
        this.bookings = bookings;
        this.lanes = lanes;
        this.tracking = tracking;
        this.tracker = tracker;
        this.config = config;
        this.clock = clock;
    }

    /** What a party sees: the booking, its tracking state and a page of its events, newest first. */
    record Tracking(Booking booking, TrackingState state, Page<TrackingEvent> events) {
    }

    Tracking report(PartnerPrincipal caller, BookingId id, List<ReportedPosition> positions) {
        Booking booking = partyOf(caller, id);
        var load = ((PostedLane.Load) lanes.findLane(booking.loadLaneId().value()).orElseThrow()).lane();
        TrackedBooking tracked = TrackedBooking.of(booking, load, config);
        for (int attempt = 1; ; attempt++) {
            var stored = tracking.find(id).orElse(new TrackingRepository.Versioned(TrackingState.start(id), 0));
            Instant now = clock.instant();
            var outcome = tracker.report(tracked, stored.state(), caller.partnerId(), positions, now);
            if (outcome instanceof TrackingOutcome.Refused refused) {
                throw toProblem(refused);
            }
            var accepted = (TrackingOutcome.Accepted) outcome;
            try {
                tracking.keep(id, accepted.trail());
            } catch (TrackingRepository.ConflictingReportException e) {
                throw new ProblemException(Problem.of(ProblemType.CONFLICT, "Another position is kept for "
                        + e.kept().reportedAt() + ".", List.of()).withReasonCode("CONFLICTING_REPORT"));
            }
            if (!accepted.changed()) {
                return new Tracking(booking, accepted.state(), tracking.events(id, PAGE, null));
            }
            List<Notification> notifications = new ArrayList<>(
                    TrackingNotifications.of(booking, accepted.events(), ids, now));
            notifications.addAll(detentionComputed(booking, tracked, accepted, now));
            try {
                tracking.update(accepted.state(), stored.version(), accepted.events(), notifications);
                notifier.handOver(notifications);
                return new Tracking(booking, accepted.state(), tracking.events(id, PAGE, null));
            } catch (StaleWriteException e) {
                if (attempt == ATTEMPTS) {
                    throw new ProblemException(ProblemType.CONFLICT,
                            "This booking's tracking changed while your request was being handled. Send it again.");
                }
            }
        }
    }

    private static final int PAGE = 25;

    /**
     * A departure after the free time: the detention charge as computed, to both parties, in the transaction that
     * records the departure (ADR 38). The carrier then claims it or not.
     */
    private List<Notification> detentionComputed(Booking booking, TrackedBooking tracked,
            TrackingOutcome.Accepted accepted, Instant now) {
        List<Notification> notifications = new ArrayList<>();
        for (TrackingEvent event : accepted.events()) {
            if (event.type() != TrackingEventType.DEPARTED) {
                continue;
            }
            var computed = DetentionCalculator.compute(tracked.stop(event.stop()),
                    accepted.state().progress(event.stop()), booking.accessorials());
            if (computed.isPresent() && computed.get().isCharged()) {
                notifications.addAll(TrackingNotifications.detention(booking, NotificationType.DETENTION_COMPUTED,
                        DetentionViews.of(event.stop(), computed, Optional.empty()), ids, now));
            }
        }
        return notifications;
    }

    /**
     * A verified proof of delivery as the booking's next tracking event and its webhooks, once a booking: a second
     * confirmation (a retry, another copy) finds it told and changes nothing (ADR 38).
     *
     * @return the event told now; empty when it was told before
     */
    Optional<TrackingEvent> proofOfDelivery(Booking booking, String documentId, Instant confirmedAt) {
        for (int attempt = 1; ; attempt++) {
            var stored = tracking.find(booking.id())
                    .orElse(new TrackingRepository.Versioned(TrackingState.start(booking.id()), 0));
            Instant now = clock.instant();
            var recorded = ProofOfDelivery.record(stored.state(), confirmedAt, now);
            if (recorded.isEmpty()) {
                return Optional.empty();
            }
            List<Notification> notifications = TrackingNotifications.proofOfDelivery(booking,
                    recorded.get().event(), documentId, ids, now);
            try {
                tracking.update(recorded.get().state(), stored.version(), List.of(recorded.get().event()),
                        notifications);
                notifier.handOver(notifications);
                return Optional.of(recorded.get().event());
            } catch (StaleWriteException e) {
                if (attempt == ATTEMPTS) {
                    throw new ProblemException(ProblemType.CONFLICT,
                            "This booking's tracking changed while your request was being handled. Send it again.");
                }
            }
        }
    }

    /** The booking's tracking state (the start, before any report) and the booking as tracking sees it. */
    record Tracked(Booking booking, TrackedBooking tracked, TrackingState state) {
    }

    Tracked tracked(BookingId id) {
        var booking = bookings.find(id).map(stored -> stored.value())
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No such booking."));
        var load = ((PostedLane.Load) lanes.findLane(booking.loadLaneId().value()).orElseThrow()).lane();
        TrackingState state = tracking.find(id).map(TrackingRepository.Versioned::state)
                .orElse(TrackingState.start(id));
        return new Tracked(booking, TrackedBooking.of(booking, load, config), state);
    }

    Tracking read(PartnerPrincipal caller, BookingId id, int limit, String cursor) {
        Booking booking = partyOf(caller, id);
        TrackingState state = tracking.find(id).map(TrackingRepository.Versioned::state)
                .orElse(TrackingState.start(id));
        return new Tracking(booking, state, tracking.events(id, limit, cursor));
    }

    /** The booking, for one of its two parties; anyone else is told it does not exist. */
    private Booking partyOf(PartnerPrincipal caller, BookingId id) {
        var booking = bookings.find(id).map(stored -> stored.value())
                .filter(found -> found.carrier().equals(caller.partnerId())
                        || found.shipper().equals(caller.partnerId()))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No such booking."));
        return booking;
    }

    /** As {@link Refusals}: the kind gives the status, the code the reasonCode; a 404 says no more than "none". */
    static ProblemException toProblem(TrackingOutcome.Refused refused) {
        TrackingRefusal first = refused.refusals().getFirst();
        ProblemType type = switch (first.reason().kind()) {
            case INVALID_INPUT -> ProblemType.VALIDATION_FAILED;
            case FORBIDDEN -> ProblemType.FORBIDDEN;
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case CONFLICT -> ProblemType.CONFLICT;
        };
        List<FieldError> errors = refused.refusals().stream().filter(refusal -> refusal.field() != null)
                .map(refusal -> new FieldError(refusal.field(), refusal.detail() + " (" + refusal.reason().name() + ")"))
                .toList();
        String detail = refused.refusals().size() == 1 ? first.detail()
                : "The request has " + refused.refusals().size() + " problems; see errors.";
        Problem problem = Problem.of(type, detail, errors);
        return new ProblemException(type == ProblemType.NOT_FOUND ? Problem.of(type, "No such booking.", List.of())
                : problem.withReasonCode(first.reason().name()));
    }
}
