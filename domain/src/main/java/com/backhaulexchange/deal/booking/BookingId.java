package com.backhaulexchange.deal.booking;

import com.backhaulexchange.kernel.id.Ulid;

/** A booking's identifier: a ULID; also the rate confirmation's reference number. */
public record BookingId(String value) {
    public BookingId {
        if (!Ulid.isValid(value)) {
            throw new IllegalArgumentException("not a booking id: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
