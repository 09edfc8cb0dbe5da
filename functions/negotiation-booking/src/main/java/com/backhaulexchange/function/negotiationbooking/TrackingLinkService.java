package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.booking.BookingRepository;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.lane.LaneRepository;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.partner.access.Principal.PartnerPrincipal;
import com.backhaulexchange.tracking.PublicTracking;
import com.backhaulexchange.tracking.TrackedBooking;
import com.backhaulexchange.tracking.TrackingLink;
import com.backhaulexchange.tracking.TrackingLinkId;
import com.backhaulexchange.tracking.TrackingLinkPolicy;
import com.backhaulexchange.tracking.TrackingLinkRepository;
import com.backhaulexchange.tracking.TrackingLinkToken;
import com.backhaulexchange.tracking.TrackingOutcome;
import com.backhaulexchange.tracking.TrackingRefusal;
import com.backhaulexchange.tracking.TrackingRepository;
import com.backhaulexchange.tracking.TrackingState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shareable tracking links (ADR 33): the shipper makes, lists and revokes them; anyone holding a live token reads
 * the booking's public view. An unknown, malformed, expired or revoked token, or one whose booking is gone, all get
 * the same 404.
 */
final class TrackingLinkService {
    private final BookingRepository bookings;
    private final LaneRepository lanes;
    private final TrackingRepository tracking;
    private final TrackingLinkRepository links;
    private final TrackingLinkPolicy policy;
    private final MatchingConfig config;
    private final Ulid ids;
    private final Clock clock;

    TrackingLinkService(BookingRepository bookings, LaneRepository lanes, TrackingRepository tracking,
            TrackingLinkRepository links, TrackingLinkPolicy policy, MatchingConfig config, Ulid ids, Clock clock) {
        this.bookings = bookings;
        this.lanes = lanes;
        this.tracking = tracking;
        this.links = links;
        this.policy = policy;
        this.config = config;
        this.ids = ids;
        this.clock = clock;
    }

    /** What the public sees, and until when the link lets it. */
    record PublicView(PublicTracking tracking, Instant linkExpiresAt) {
    }

    /**
     * {@code idempotencyRecordFor} seals the answer, token included, for a retry with the same Idempotency-Key
     * (ADR 3: encrypted under a key derived from the client's Idempotency-Key, so the table alone opens no link).
     */
    TrackingLinkPolicy.Creation.Created create(PartnerPrincipal caller, BookingId id, Instant expiresAt,
            Function<TrackingLinkPolicy.Creation.Created, IdempotencyRecord> idempotencyRecordFor) {
        TrackedBooking booking = tracked(id).orElseThrow(TrackingLinkService::noSuchBooking);
        Instant now = clock.instant();
        var creation = policy.create(booking, caller.partnerId(), new TrackingLinkId(ids.next()), expiresAt,
                booking.shipper().equals(caller.partnerId()) ? links.list(id) : List.of(), now);
        return switch (creation) {
            case TrackingLinkPolicy.Creation.Refused refused ->
                    throw TrackingService.toProblem(new TrackingOutcome.Refused(refused.refusals()));
            case TrackingLinkPolicy.Creation.Created created -> {
                links.create(created.link(), idempotencyRecordFor == null ? null
                        : idempotencyRecordFor.apply(created));
                yield created;
            }
        };
    }

    List<TrackingLink> list(PartnerPrincipal caller, BookingId id) {
        mayManage(caller, id);
        return links.list(id);
    }

    /** Idempotent: revoking a revoked link answers as the first time did. */
    TrackingLink revoke(PartnerPrincipal caller, BookingId id, TrackingLinkId linkId) {
        mayManage(caller, id);
        TrackingLink link = links.find(id, linkId).orElseThrow(
                () -> new ProblemException(ProblemType.NOT_FOUND, "No such tracking link."));
        TrackingLink revoked = link.revokedAt(clock.instant());
        if (revoked != link) {
            links.revoke(revoked);
        }
        return revoked;
    }

    Optional<PublicView> publicView(String token) {
        if (!TrackingLinkToken.isWellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return links.findByTokenSha256Hex(new TrackingLinkToken(token).sha256Hex())
                .filter(link -> link.isLiveAt(now))
                .flatMap(link -> tracked(link.bookingId()).map(booking -> new PublicView(
                        PublicTracking.of(booking, tracking.find(booking.id())
                                .map(TrackingRepository.Versioned::state).orElse(TrackingState.start(booking.id()))),
                        link.expiresAt())));
    }

    private void mayManage(PartnerPrincipal caller, BookingId id) {
        TrackedBooking booking = tracked(id).orElseThrow(TrackingLinkService::noSuchBooking);
        TrackingRefusal refusal = TrackingLinkPolicy.mayManage(booking, caller.partnerId());
        if (refusal != null) {
            throw TrackingService.toProblem(new TrackingOutcome.Refused(List.of(refusal)));
        }
    }

    private Optional<TrackedBooking> tracked(BookingId id) {
        return bookings.find(id).map(stored -> stored.value()).flatMap(this::withLoad);
    }

    private Optional<TrackedBooking> withLoad(Booking booking) {
        return lanes.findLane(booking.loadLaneId().value())
                .filter(PostedLane.Load.class::isInstance)
                .map(lane -> TrackedBooking.of(booking, ((PostedLane.Load) lane).lane(), config));
    }

    private static ProblemException noSuchBooking() {
        return new ProblemException(ProblemType.NOT_FOUND, "No such booking.");
    }
}
