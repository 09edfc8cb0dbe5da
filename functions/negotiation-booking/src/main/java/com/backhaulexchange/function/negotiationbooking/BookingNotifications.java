package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.adapter.json.MoneyView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.partner.PartnerId;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;

/** A booking's status changes, told to both of its parties. */
final class BookingNotifications {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BookingNotifications() {
    }

    static List<Notification> of(Booking booking, NotificationType type, Ulid ids, Instant now) {
        return List.of(notification(booking, type, booking.carrier(), ids, now),
                notification(booking, type, booking.shipper(), ids, now));
    }

    private static Notification notification(Booking booking, NotificationType type, PartnerId recipient, Ulid ids,
            Instant now) {
        var cancellation = booking.cancellation();
        var data = new BookingPayload(booking.id().value(), booking.negotiationId().value(), booking.matchId().value(),
                booking.status().name(), MoneyView.of(booking.agreedAmount()),
                cancellation == null ? null : cancellation.atFault().name(),
                cancellation == null ? null : MoneyView.of(cancellation.tonuFee()));
        return new Notification(ids.next(), type, recipient, now, json(data));
    }

    /** The data of a booking notification (the webhook's {@code data}); cancellation fields only once cancelled. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BookingPayload(String bookingId, String negotiationId, String matchId, String status,
            MoneyView agreedAmount, String cancelledBy, MoneyView tonuFee) {
    }

    private static String json(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification payload always serialises", e);
        }
    }
}
