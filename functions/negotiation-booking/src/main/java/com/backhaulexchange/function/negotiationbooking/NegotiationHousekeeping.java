package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.deal.packagedeal.PackageDeal;
import com.backhaulexchange.deal.packagedeal.PackageDealEvent;
import com.backhaulexchange.deal.packagedeal.PackageDealRepository;

import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.deal.negotiation.Negotiation;
import com.backhaulexchange.deal.negotiation.NegotiationEvent;
import com.backhaulexchange.deal.negotiation.NegotiationRepository;
import com.backhaulexchange.deal.negotiation.Outcome;
import com.backhaulexchange.notification.NotificationOutbox;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import com.backhaulexchange.compliance.CarrierCompliance;
import com.backhaulexchange.compliance.ComplianceRepository;
import com.backhaulexchange.compliance.ExpiryNotices;
import com.backhaulexchange.compliance.InsuranceCertificate;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;

/**
 * What runs on a schedule: negotiations whose offer lapsed are closed as EXPIRED, package deals that lapsed FAILED (commands never needed it:
 * they judge expiry against their own clock), which tells both parties; and notifications left in the outbox
 * (their request could not hand them over) are handed over.
 */
final class NegotiationHousekeeping {
    /** A notification younger than this is still its own request's to hand over. */
    static final Duration OUTBOX_GRACE = Duration.ofSeconds(30);
    static final int BATCH = 100;

    /** What one run did. */
    record Run(int expired, int packageDealsLapsed, int complianceNotices, int notificationsHandedOver) {
    }

    private final NegotiationRepository negotiations;
    private final PackageDealRepository packageDeals;
    private final NotificationOutbox outbox;
    private final Notifier notifier;
    private final Ulid ids;
    private final Clock clock;
    private final ComplianceRepository compliance;

    NegotiationHousekeeping(NegotiationRepository negotiations, PackageDealRepository packageDeals,
            NotificationOutbox outbox, ComplianceRepository compliance, Notifier notifier, Ulid ids, Clock clock) {
        this.compliance = compliance;
        this.negotiations = negotiations;
        this.packageDeals = packageDeals;
        this.outbox = outbox;
        this.notifier = notifier;
        this.ids = ids;
        this.clock = clock;
    }

    Run run() {
        Instant now = clock.instant();
        int expired = 0;
        for (var id : negotiations.withLapsedOffers(now, BATCH)) {
            var stored = negotiations.find(id);
            if (stored.isEmpty()) {
                continue;
            }
            var outcome = stored.get().value().expire(now);
            if (outcome instanceof Outcome.Changed<Negotiation, NegotiationEvent> changed) {
                var notifications = NegotiationNotifications.of(changed.state(), changed.events(), ids, now);
                try {
                    negotiations.update(changed.state(), stored.get().version(), notifications);
                    notifier.handOver(notifications);
                    expired++;
                } catch (StaleWriteException e) {
                    // Someone acted on it meanwhile; the next run sees its new state.
                }
            }
        }
        int lapsed = 0;
        for (var id : packageDeals.lapsedBefore(now, BATCH)) {
            var stored = packageDeals.find(id);
            if (stored.isEmpty()) {
                continue;
            }
            // A package deal lapses at its earliest unanswered offer or its deadline (ADR 32): every party is told.
            if (stored.get().value().expire(now) instanceof Outcome.Changed<PackageDeal, PackageDealEvent> changed) {
                var notifications = PackageDealNotifications.of(changed.state(), changed.events(), ids, now);
                try {
                    packageDeals.update(changed.state(), stored.get().version(), notifications);
                    notifier.handOver(notifications);
                    lapsed++;
                } catch (StaleWriteException e) {
                    // Someone acted on it meanwhile; the next run sees its new state.
                }
            }
        }
        int notices = sendComplianceNotices(now);
        int handedOver = notifier.handOver(outbox.pending(now.minus(OUTBOX_GRACE), BATCH));
        return new Run(expired, lapsed, notices, handedOver);
    }

    /**
     * Certificates whose next expiry notice is due (ADR 37), at most {@link #BATCH} a run from the schedule's index:
     * the carrier is told COMPLIANCE_EXPIRING once per certificate and threshold (30, then 7 days), the notice
     * recorded with its outbox entry so a second run sends nothing again.
     */
    private int sendComplianceNotices(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int sent = 0;
        for (var due : compliance.noticesDue(today, BATCH)) {
            var certificate = compliance.find(due.carrier()).map(CarrierCompliance::insurance)
                    .filter(insurance -> insurance.id().equals(due.certificate()));
            var notice = certificate.flatMap(insurance -> ExpiryNotices.dueOn(insurance.expiresOn(), today));
            if (notice.isEmpty()) {
                compliance.cancelNotices(due);
                continue;
            }
            InsuranceCertificate insurance = certificate.get();
            int threshold = notice.get().thresholdDays();
            var notification = new Notification(ids.next(), NotificationType.COMPLIANCE_EXPIRING, due.carrier(), now,
                    ComplianceNotifications.expiring(insurance, threshold, notice.get().daysLeft()));
            if (compliance.recordNotice(due, threshold,
                    ExpiryNotices.nextDueOn(insurance.expiresOn(), threshold).orElse(null), List.of(notification))) {
                notifier.handOver(List.of(notification));
                sent++;
            }
        }
        return sent;
    }
}
