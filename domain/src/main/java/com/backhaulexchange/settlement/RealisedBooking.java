package com.backhaulexchange.settlement;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A delivered booking's realised figures, filled by the persistence layer from the match and the booking:
 * the carrier's realised gain = agreed amount − the carrier's incremental cost (out-of-route miles × its cost
 * per mile), the shipper's = its price (budget, or the market rate for the loaded miles) − agreed amount.
 * Either may be negative. {@code pickupAt} (the actual pickup) decides the period it belongs to.
 */
public record RealisedBooking(BookingId bookingId, Instant pickupAt, PartnerId carrier, PartnerId shipper,
        Money carrierGain, Money shipperGain) {

    public RealisedBooking {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(pickupAt, "pickupAt");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(shipper, "shipper");
        Objects.requireNonNull(carrierGain, "carrierGain");
        Objects.requireNonNull(shipperGain, "shipperGain");
    }

    /** The figures of a delivered booking, from its shipper price and carrier incremental cost. */
    public static RealisedBooking of(Booking booking, Money shipperPrice, Money carrierIncrementalCost) {
        if (booking.status() != BookingStatus.DELIVERED) {
            throw new IllegalArgumentException("booking " + booking.id() + " is " + booking.status());
        }
        return new RealisedBooking(booking.id(), booking.pickup().actualTime(), booking.carrier(), booking.shipper(),
                booking.agreedAmount().minus(carrierIncrementalCost), shipperPrice.minus(booking.agreedAmount()));
    }

    public Money total() {
        return carrierGain.plus(shipperGain);
    }
}
