package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.tracking.StopKind;
import com.backhaulexchange.tracking.TrackingEvent;
import com.backhaulexchange.tracking.TrackingEventType;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's tracking events as webhooks to both parties (ADR 30). Every arrival, departure and delay is told;
 * of the ETA changes only the latest per stop, since a receiver wants the current ETA, not the ones a buffered
 * batch passed through: at most 8 events, 16 notifications, a request (and a DETENTION_COMPUTED to each party
 * per stop departed after its free time, ADR 38).
 */
final class TrackingNotifications {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrackingNotifications() {
    }

    static List<Notification> of(Booking booking, List<TrackingEvent> events, Ulid ids, Instant now) {
        Map<StopKind, TrackingEvent> latestEta = new HashMap<>();
        events.stream().filter(event -> event.type() == TrackingEventType.ETA_CHANGED)
                .forEach(event -> latestEta.put(event.stop(), event));
        List<Notification> notifications = new ArrayList<>();
        for (TrackingEvent event : events) {
            if (event.type() == TrackingEventType.ETA_CHANGED && latestEta.get(event.stop()) != event) {
                continue;
            }
            for (PartnerId recipient : List.of(booking.carrier(), booking.shipper())) {
                notifications.add(new Notification(ids.next(), type(event.type()), recipient, now, json(
                        new TrackingPayload(booking.id().value(), event.sequence(), event.type().name(),
                                event.stop().name(), event.occurredAt().toString(), text(event.eta()),
                                text(event.previousEta()), null))));
            }
        }
        return notifications;
    }

    private static NotificationType type(TrackingEventType type) {
        return switch (type) {
            case ARRIVED -> NotificationType.SHIPMENT_ARRIVED;
            case DEPARTED -> NotificationType.SHIPMENT_DEPARTED;
            case ETA_CHANGED -> NotificationType.ETA_CHANGED;
            case DELAYED -> NotificationType.SHIPMENT_DELAYED;
            case PROOF_OF_DELIVERY -> NotificationType.PROOF_OF_DELIVERY;
        };
    }

    /** The PROOF_OF_DELIVERY event to both parties, naming the verified document (ADR 38). */
    static List<Notification> proofOfDelivery(Booking booking, TrackingEvent event, String documentId, Ulid ids,
            Instant now) {
        List<Notification> notifications = new ArrayList<>();
        for (PartnerId recipient : List.of(booking.carrier(), booking.shipper())) {
            notifications.add(new Notification(ids.next(), NotificationType.PROOF_OF_DELIVERY, recipient, now, json(
                    new TrackingPayload(booking.id().value(), event.sequence(), event.type().name(),
                            event.stop().name(), event.occurredAt().toString(), null, null, documentId))));
        }
        return notifications;
    }

    /** A stop's detention (computed, claimed, confirmed or disputed) to both parties (ADR 38). */
    static List<Notification> detention(Booking booking, NotificationType type, DetentionViews.StopDetention stop,
            Ulid ids, Instant now) {
        List<Notification> notifications = new ArrayList<>();
        for (PartnerId recipient : List.of(booking.carrier(), booking.shipper())) {
            notifications.add(new Notification(ids.next(), type, recipient, now,
                    json(new DetentionPayload(booking.id().value(), stop))));
        }
        return notifications;
    }

    /** The data of a tracking notification (the webhook's {@code data}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TrackingPayload(String bookingId, long sequence, String event, String stop, String occurredAt, String eta,
            String previousEta, String documentId) {
    }

    /** The data of a detention notification: the booking and the stop's detention as the API shows it. */
    record DetentionPayload(String bookingId, DetentionViews.StopDetention detention) {
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String json(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification payload always serialises", e);
        }
    }
}
