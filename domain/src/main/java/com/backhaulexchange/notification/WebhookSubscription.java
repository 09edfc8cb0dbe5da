package com.backhaulexchange.notification;

import com.backhaulexchange.partner.PartnerId;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Where a partner wants its notifications: an endpoint URL, the secret it chose for the signatures (ADR 16:
 * kept as given, because signing needs it, and never shown again after creation) and the types it subscribed
 * to. Build one only from input {@link WebhookSubscriptionPolicies} accepted.
 */
public record WebhookSubscription(WebhookId id, PartnerId partnerId, URI url, String secret,
        Set<NotificationType> eventTypes, Instant createdAt) {

    public WebhookSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw new IllegalArgumentException("a subscription has at least one event type");
        }
        eventTypes = Collections.unmodifiableSet(EnumSet.copyOf(eventTypes));
    }

    /** Every type a partner can subscribe to: the default when a registration names none. */
    public static Set<NotificationType> allSubscribableTypes() {
        EnumSet<NotificationType> all = EnumSet.noneOf(NotificationType.class);
        for (NotificationType type : NotificationType.values()) {
            if (type.isSubscribable()) {
                all.add(type);
            }
        }
        return Collections.unmodifiableSet(all);
    }

    /** Whether a notification of this type goes to this webhook when it is sent to the partner's webhooks. */
    public boolean wants(NotificationType type) {
        return eventTypes.contains(type);
    }

    /** The last four characters of the secret: enough for a partner to tell its secrets apart, useless to others. */
    public String secretLastFour() {
        return secret.substring(secret.length() - 4);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "WebhookSubscription[id=" + id + ", partnerId=" + partnerId + ", url=" + url + ", secret=..."
                + secretLastFour() + ", eventTypes=" + eventTypes + ", createdAt=" + createdAt + "]";
    }
}
