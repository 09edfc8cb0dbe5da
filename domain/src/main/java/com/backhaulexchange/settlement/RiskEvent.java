package com.backhaulexchange.settlement;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A cancelled booking's cost: {@code affected} suffered a loss of {@code cost} caused by {@code atFault}.
 * TONU: the shipper cancelled inside the TONU window and owes the carrier the agreed fee (affected = carrier,
 * cost = the fee). Dry run: the carrier cancelled (or did not show) and the shipper pays for another truck at
 * short notice (affected = shipper, cost = the documented dry-run amount the persistence layer supplies).
 * Detention (ADR 38): a delivered booking whose detention the shipper confirmed (affected = carrier, at fault =
 * shipper, cost = the confirmed charges of its stops together, one event a booking).
 * {@code pickupAt} is the booking's planned pickup (the opening of its pickup window), for detention its actual
 * pickup (the time that places a delivered booking in a period).
 */
public record RiskEvent(BookingId bookingId, Kind kind, Instant pickupAt, PartnerId atFault, PartnerId affected,
        Money cost) {

    public enum Kind {
        TONU,
        DRY_RUN,
        DETENTION
    }

    public RiskEvent {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pickupAt, "pickupAt");
        Objects.requireNonNull(atFault, "atFault");
        Objects.requireNonNull(affected, "affected");
        Objects.requireNonNull(cost, "cost");
    }

    /**
     * The risk event of a cancelled booking: a TONU when the shipper owes a fee, a dry run costing
     * {@code dryRunCost} when the carrier was at fault, none when the shipper cancelled in time.
     */
    public static Optional<RiskEvent> of(Booking booking, Money dryRunCost) {
        if (booking.status() != BookingStatus.CANCELLED) {
            return Optional.empty();
        }
        var cancellation = booking.cancellation();
        if (cancellation.atFault() == Side.SHIPPER) {
            return Optional.ofNullable(cancellation.tonuFee()).map(fee -> new RiskEvent(booking.id(), Kind.TONU,
                    booking.pickupWindowOpensAt(), booking.shipper(), booking.carrier(), fee));
        }
        return Optional.of(new RiskEvent(booking.id(), Kind.DRY_RUN, booking.pickupWindowOpensAt(), booking.carrier(),
                booking.shipper(), dryRunCost));
    }

    /**
     * The detention risk event of a delivered booking: the shipper owes the carrier {@code confirmedCharges}
     * (the sum of its confirmed stops' charges); none when nothing was confirmed.
     */
    public static Optional<RiskEvent> detention(Booking booking, Money confirmedCharges) {
        if (booking.status() != BookingStatus.DELIVERED || confirmedCharges.amountMinorUnits() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new RiskEvent(booking.id(), Kind.DETENTION, booking.pickup().actualTime(),
                booking.shipper(), booking.carrier(), confirmedCharges));
    }
}
