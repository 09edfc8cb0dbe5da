package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.partner.PartnerId;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        ObjectNode data = JSON.createObjectNode();
        data.put("bookingId", booking.id().value());
        data.put("negotiationId", booking.negotiationId().value());
        data.put("matchId", booking.matchId().value());
        data.put("status", booking.status().name());
        ObjectNode amount = data.putObject("agreedAmount");
        amount.put("amountMinorUnits", booking.agreedAmount().amountMinorUnits());
        amount.put("currency", booking.agreedAmount().currency().getCurrencyCode());
        if (booking.cancellation() != null) {
            data.put("cancelledBy", booking.cancellation().atFault().name());
            if (booking.cancellation().tonuFee() != null) {
                ObjectNode fee = data.putObject("tonuFee");
                fee.put("amountMinorUnits", booking.cancellation().tonuFee().amountMinorUnits());
                fee.put("currency", booking.cancellation().tonuFee().currency().getCurrencyCode());
            }
        }
        return new Notification(ids.next(), type, recipient, now, data.toString());
    }
}
