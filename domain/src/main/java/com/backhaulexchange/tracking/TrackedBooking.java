package com.backhaulexchange.tracking;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;

/**
 * What tracking needs of a booking: its parties, its status, when it was made, and its two stops (the load lane's
 * origin and destination with their windows; the dwell times of the matching model).
 */
public record TrackedBooking(BookingId id, PartnerId carrier, PartnerId shipper, BookingStatus status,
        Instant bookedAt, TrackedStop pickup, TrackedStop delivery) {

    public TrackedBooking {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(shipper, "shipper");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(bookedAt, "bookedAt");
        Objects.requireNonNull(pickup, "pickup");
        Objects.requireNonNull(delivery, "delivery");
    }

    public static TrackedBooking of(Booking booking, LoadLane load, MatchingConfig config) {
        if (!load.id().equals(booking.loadLaneId())) {
            throw new IllegalArgumentException("load " + load.id() + " is not the booking's");
        }
        return new TrackedBooking(booking.id(), booking.carrier(), booking.shipper(), booking.status(),
                booking.bookedAt(),
                new TrackedStop(StopKind.PICKUP, load.origin().coordinates(), load.pickupWindow(), config.pickupDwell()),
                new TrackedStop(StopKind.DELIVERY, load.destination().coordinates(), load.deliveryWindow(),
                        config.deliveryDwell()));
    }

    public TrackedStop stop(StopKind kind) {
        return kind == StopKind.PICKUP ? pickup : delivery;
    }

    public boolean isParty(PartnerId partner) {
        return carrier.equals(partner) || shipper.equals(partner);
    }
}
