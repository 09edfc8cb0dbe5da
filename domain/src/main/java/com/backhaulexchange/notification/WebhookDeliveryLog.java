package com.backhaulexchange.notification;

import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.partner.PartnerId;

/**
 * The recent delivery attempts of each webhook (PartnersTable, infra/table-design.md patterns 14–15): the
 * notifier records every attempt as it happens, the partner reads them newest first. Each record goes after
 * {@link WebhookDeliveryAttempt#RETENTION}.
 */
public interface WebhookDeliveryLog {

    /** Keeps one attempt: a single write, never a read. */
    void record(WebhookDeliveryAttempt attempt);

    /**
     * The webhook's attempts, newest first. Only the partner's own: the webhook id of another partner lists
     * nothing (the caller checks the webhook is the partner's before, to answer 404).
     *
     * @throws com.backhaulexchange.kernel.persistence.InvalidCursorException for a cursor this listing did not issue
     */
    Page<WebhookDeliveryAttempt> recent(PartnerId partnerId, WebhookId webhookId, int limit, String cursor);
}
