package com.backhaulexchange.deal.booking;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.deal.negotiation.NegotiationId;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;

/** What happened to a booking, numbered from 1 without gaps; {@code recordedAt} is when it was recorded. */
public sealed interface BookingEvent {

    long sequence();

    Instant recordedAt();

    record Booked(long sequence, Instant recordedAt, NegotiationId negotiationId, Money agreedAmount)
            implements BookingEvent {
        public Booked {
            Objects.requireNonNull(recordedAt, "recordedAt");
        }
    }

    record PickedUp(long sequence, Instant recordedAt, PartnerId recordedBy, Instant actualTime)
            implements BookingEvent {
        public PickedUp {
            Objects.requireNonNull(recordedAt, "recordedAt");
        }
    }

    /** {@code actualMiles}: the loaded miles actually driven, when the carrier reports them; null otherwise. */
    record Delivered(long sequence, Instant recordedAt, PartnerId recordedBy, Instant actualTime, Double actualMiles)
            implements BookingEvent {
        public Delivered {
            Objects.requireNonNull(recordedAt, "recordedAt");
        }
    }

    /** {@code tonuFee}: owed by the shipper to the carrier; null when none applies. */
    record Cancelled(long sequence, Instant recordedAt, PartnerId cancelledBy, Side atFault, String reason,
            Money tonuFee) implements BookingEvent {
        public Cancelled {
            Objects.requireNonNull(recordedAt, "recordedAt");
        }
    }
}
