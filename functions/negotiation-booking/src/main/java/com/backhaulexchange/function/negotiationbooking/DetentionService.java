package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.partner.access.Principal.PartnerPrincipal;
import com.backhaulexchange.tracking.Detention;
import com.backhaulexchange.tracking.DetentionCalculator;
import com.backhaulexchange.tracking.DetentionClaim;
import com.backhaulexchange.tracking.DetentionClaimPolicy;
import com.backhaulexchange.tracking.DetentionClaimRepository;
import com.backhaulexchange.tracking.StopKind;
import com.backhaulexchange.tracking.TrackingOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Detention of a booking's stops (ADR 38): computed from tracking's arrival and departure and the offer's
 * accessorials, claimed by the carrier, confirmed or disputed by the shipper, each step told to both parties.
 * Every step is idempotent: the same step again answers the stop as it stands and writes nothing.
 */
final class DetentionService {
    private static final int ATTEMPTS = 3;

    private final TrackingService tracking;
    private final DetentionClaimRepository claims;
    private final Notifier notifier;
    private final Ulid ids;
    private final Clock clock;

    DetentionService(TrackingService tracking, DetentionClaimRepository claims, Notifier notifier, Ulid ids,
            Clock clock) {
        this.tracking = tracking;
        this.claims = claims;
        this.notifier = notifier;
        this.ids = ids;
        this.clock = clock;
    }

    DetentionViews.BookingDetention read(PartnerPrincipal caller, BookingId id) {
        var tracked = tracking.tracked(id);
        DetentionClaimPolicy.mayRead(tracked.tracked(), caller.partnerId()).ifPresent(refusal -> {
            throw TrackingService.toProblem(new TrackingOutcome.Refused(List.of(refusal)));
        });
        List<DetentionClaim> stored = claims.claims(id);
        List<DetentionViews.StopDetention> stops = new ArrayList<>();
        for (StopKind stop : DetentionClaimPolicy.STOPS) {
            stops.add(DetentionViews.of(stop, computed(tracked, stop),
                    stored.stream().filter(claim -> claim.stop() == stop).findFirst()));
        }
        return new DetentionViews.BookingDetention(id.value(), stops);
    }

    DetentionViews.StopDetention claim(PartnerPrincipal caller, BookingId id, StopKind stop) {
        return step(id, stop, NotificationType.DETENTION_CLAIMED, (tracked, existing, now) -> DetentionClaimPolicy
                .claim(tracked.tracked(), caller.partnerId(), computed(tracked, stop), existing, now));
    }

    DetentionViews.StopDetention answer(PartnerPrincipal caller, BookingId id, StopKind stop,
            DetentionClaimPolicy.Answer answer, String reason) {
        NotificationType told = answer == DetentionClaimPolicy.Answer.CONFIRM ? NotificationType.DETENTION_CONFIRMED
                : NotificationType.DETENTION_DISPUTED;
        return step(id, stop, told, (tracked, existing, now) -> DetentionClaimPolicy.answer(tracked.tracked(),
                caller.partnerId(), existing, answer, reason, now));
    }

    private interface Step {
        DetentionClaimPolicy.Outcome apply(TrackingService.Tracked tracked, Optional<DetentionClaim> existing,
                Instant now);
    }

    private DetentionViews.StopDetention step(BookingId id, StopKind stop, NotificationType told, Step step) {
        for (int attempt = 1; ; attempt++) {
            var tracked = tracking.tracked(id);
            Optional<DetentionClaim> existing = claims.find(id, stop);
            Instant now = clock.instant();
            var outcome = step.apply(tracked, existing, now);
            if (outcome instanceof DetentionClaimPolicy.Outcome.Refused refused) {
                throw TrackingService.toProblem(new TrackingOutcome.Refused(List.of(refused.refusal())));
            }
            var done = (DetentionClaimPolicy.Outcome.Done) outcome;
            var view = DetentionViews.of(stop, Optional.of(done.claim().detention()), Optional.of(done.claim()));
            if (!done.changed()) {
                return view;
            }
            List<Notification> notifications = TrackingNotifications.detention(tracked.booking(), told, view, ids,
                    now);
            try {
                claims.save(done.claim(), existing.map(DetentionClaim::status).orElse(null), notifications);
                notifier.handOver(notifications);
                return view;
            } catch (StaleWriteException e) {
                if (attempt == ATTEMPTS) {
                    throw new ProblemException(ProblemType.CONFLICT,
                            "This detention changed while your request was being handled. Send it again.");
                }
            }
        }
    }

    private static Optional<Detention> computed(TrackingService.Tracked tracked, StopKind stop) {
        return DetentionCalculator.compute(tracked.tracked().stop(stop), tracked.state().progress(stop),
                tracked.booking().accessorials());
    }
}
