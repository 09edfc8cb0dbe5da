package com.backhaulexchange.notification;

import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.partner.PartnerId;
import java.util.List;
import java.util.Optional;

/** A partner's webhook subscriptions (in PartnersTable, infra/table-design.md patterns 10–13). */
public interface WebhookSubscriptionRepository {

    /**
     * Stores a new subscription if its partner has fewer than {@code maxPerPartner}, atomically with the count.
     *
     * @throws WebhookLimitReachedException when the partner already has {@code maxPerPartner}
     */
    default void add(WebhookSubscription subscription, int maxPerPartner) {
        add(subscription, maxPerPartner, null);
    }

    /**
     * As {@link #add(WebhookSubscription, int)}, with the idempotency record of the request (or null) stored in
     * the same transaction.
     *
     * @throws com.backhaulexchange.kernel.idempotency.IdempotencyConflictException when that record already exists
     */
    void add(WebhookSubscription subscription, int maxPerPartner, IdempotencyRecord idempotencyRecord);

    /** The partner's subscriptions in creation order, read consistently. */
    List<WebhookSubscription> listFor(PartnerId partnerId);

    Optional<WebhookSubscription> find(PartnerId partnerId, WebhookId webhookId);

    /** Deletes it; {@code false} when the partner has no such subscription (also when it was just deleted). */
    boolean remove(PartnerId partnerId, WebhookId webhookId);

    class WebhookLimitReachedException extends RuntimeException {
        public WebhookLimitReachedException(String message) {
            super(message);
        }
    }
}
