package com.backhaulexchange.deal.booking;

/**
 * BOOKED → PICKED_UP → DELIVERED, or BOOKED → CANCELLED. A booking is not cancelled once picked up: the
 * freight is on the truck, and what goes wrong from there is a claim, not a cancellation (ADR 14).
 */
public enum BookingStatus {
    BOOKED,
    PICKED_UP,
    DELIVERED,
    CANCELLED;

    public boolean isFinal() {
        return this == DELIVERED || this == CANCELLED;
    }
}
