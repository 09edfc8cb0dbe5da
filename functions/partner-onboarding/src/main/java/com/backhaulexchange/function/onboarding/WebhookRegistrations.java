package com.backhaulexchange.function.onboarding;

import com.backhaulexchange.kernel.policy.Decision;

import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.WebhookDeliveryAttempt;
import com.backhaulexchange.notification.WebhookDeliveryLog;
import com.backhaulexchange.notification.NotificationPublisher;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.notification.WebhookId;
import com.backhaulexchange.notification.WebhookSubscription;
import com.backhaulexchange.notification.WebhookSubscriptionPolicies;
import com.backhaulexchange.notification.WebhookSubscriptionRepository;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.adapter.http.problem.FieldError;
import com.backhaulexchange.adapter.http.problem.Problem;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** A partner's webhooks (ADR 16): register, list, delete, ask for a test delivery, read the recent deliveries (ADR 40). */
final class WebhookRegistrations {
    private final WebhookSubscriptionRepository webhooks;
    private final WebhookDeliveryLog deliveries;
    private final NotificationPublisher notifications;
    private final Ulid ids;
    private final Clock clock;
    private final boolean loopbackAllowed;

    WebhookRegistrations(WebhookSubscriptionRepository webhooks, WebhookDeliveryLog deliveries,
            NotificationPublisher notifications, Ulid ids, Clock clock, boolean loopbackAllowed) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.ids = ids;
        this.clock = clock;
        this.loopbackAllowed = loopbackAllowed;
    }

    /**
     * Checks every rule, then stores it if the partner has room: nothing is written for a rejected request.
     * {@code idempotencyRecordFor}, when given, seals the response into a record stored in the same transaction.
     */
    WebhookSubscription register(PartnerId partner, String url, String secret, Set<NotificationType> eventTypes,
            Function<WebhookSubscription, IdempotencyRecord> idempotencyRecordFor) {
        var rejections = WebhookSubscriptionPolicies.rejections(url, secret, loopbackAllowed);
        if (!rejections.isEmpty()) {
            throw ProblemException.invalid("The webhook breaks " + rejections.size() + " rule"
                    + (rejections.size() == 1 ? "." : "s."), rejections.stream()
                    .map(r -> new FieldError(r.field(), r.detail() + " (" + r.reasonCode() + ")")).toList());
        }
        var subscription = new WebhookSubscription(new WebhookId(ids.next()), partner, URI.create(url), secret,
                eventTypes == null || eventTypes.isEmpty() ? WebhookSubscription.allSubscribableTypes() : eventTypes,
                clock.instant());
        try {
            webhooks.add(subscription, WebhookSubscriptionPolicies.MAX_WEBHOOKS_PER_PARTNER,
                    idempotencyRecordFor == null ? null : idempotencyRecordFor.apply(subscription));
        } catch (WebhookSubscriptionRepository.WebhookLimitReachedException e) {
            var rejected = (com.backhaulexchange.kernel.policy.Decision.Rejected) WebhookSubscriptionPolicies
                    .mayAddAnother(WebhookSubscriptionPolicies.MAX_WEBHOOKS_PER_PARTNER);
            throw new ProblemException(Problem.of(ProblemType.CONFLICT, rejected.detail() + " (" + rejected.reasonCode()
                    + ")", List.of()));
        } catch (StaleWriteException e) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "Another request changed this partner's webhooks at the same time; nothing was changed, retry.");
        }
        return subscription;
    }

    List<WebhookSubscription> list(PartnerId partner) {
        return webhooks.listFor(partner);
    }

    void delete(PartnerId partner, WebhookId webhook) {
        if (!webhooks.remove(partner, webhook)) {
            throw notFound();
        }
    }

    /** Queues a WEBHOOK_TEST for this webhook; 503 if the queue does not take it (the ping is the whole request). */
    Notification test(PartnerId partner, WebhookId webhook) {
        webhooks.find(partner, webhook).orElseThrow(WebhookRegistrations::notFound);
        var ping = new Notification(ids.next(), NotificationType.WEBHOOK_TEST, partner, clock.instant(),
                "{\"webhookId\":\"" + webhook.value() + "\",\"message\":\"This is a test notification from Backhaul"
                        + " Exchange.\"}");
        try {
            notifications.publishTo(ping, webhook);
        } catch (NotificationPublisher.NotificationNotPublishedException e) {
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                    "The test notification could not be queued; nothing was sent. Retry in a moment.");
        }
        return ping;
    }

    /**
     * The webhook's recent delivery attempts, newest first (ADR 40); 404 for a webhook the partner does not have
     * (another partner's included), deleted ones too.
     *
     * @throws com.backhaulexchange.kernel.persistence.InvalidCursorException for a cursor this listing did not issue
     */
    Page<WebhookDeliveryAttempt> deliveries(PartnerId partner, WebhookId webhook, int limit, String cursor) {
        webhooks.find(partner, webhook).orElseThrow(WebhookRegistrations::notFound);
        return deliveries.recent(partner, webhook, limit, cursor);
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No such webhook.");
    }
}
