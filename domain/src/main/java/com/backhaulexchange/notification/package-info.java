/**
 * Partner notifications and their delivery to webhooks (ADR 16): what happened ({@link
 * com.backhaulexchange.notification.Notification} of a {@link com.backhaulexchange.notification.NotificationType}
 * for one recipient partner), where a partner wants it ({@link com.backhaulexchange.notification.WebhookSubscription},
 * checked by {@link com.backhaulexchange.notification.WebhookSubscriptionPolicies}), how a receiver knows it came
 * from us ({@link com.backhaulexchange.notification.WebhookSignature}) and when a failed delivery is tried again
 * ({@link com.backhaulexchange.notification.DeliveryBackoff}). Producers hand notifications to a {@link
 * com.backhaulexchange.notification.NotificationPublisher}; plain Java, no AWS and no JSON library.
 */
package com.backhaulexchange.notification;
