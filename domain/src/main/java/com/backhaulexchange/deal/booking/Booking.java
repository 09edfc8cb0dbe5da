package com.backhaulexchange.deal.booking;

import com.backhaulexchange.deal.booking.BookingEvent.Booked;
import com.backhaulexchange.deal.booking.BookingEvent.Cancelled;
import com.backhaulexchange.deal.booking.BookingEvent.Delivered;
import com.backhaulexchange.deal.booking.BookingEvent.PickedUp;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.deal.negotiation.AccessorialTerms;
import com.backhaulexchange.deal.negotiation.Negotiation;
import com.backhaulexchange.deal.negotiation.NegotiationId;
import com.backhaulexchange.deal.negotiation.NegotiationStatus;
import com.backhaulexchange.deal.negotiation.Outcome;
import com.backhaulexchange.deal.negotiation.ReasonCode;
import com.backhaulexchange.deal.negotiation.Refusal;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.partner.PartnerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A booked move: the agreed negotiation's amount and accessorials on its two lanes, and what the parties
 * record afterwards — the records settlement reads. Immutable; every command returns an {@link Outcome}.
 *
 * <p>Who records what (kept simple, ADR 14): the carrier — whose driver is there — records pickup and
 * delivery; either party cancels, before pickup only, and is recorded as the party at fault. Brokers do not
 * record (their delegation covers negotiating). Each transition happens at most once: the same command
 * repeated with the same data is {@link Outcome.Unchanged} (an idempotent repeat), with other data a
 * conflict.
 *
 * <p>TONU: when the shipper cancels less than the agreed {@code tonuCancellationWindowHours} before the
 * load's pickup window opens (or after it opened), the agreed TONU fee is owed to the carrier. The pickup time
 * is the opening of the load lane's pickup window, copied onto the booking when it is made.
 *
 * <p>Recorded times ({@link RecordedTimePolicy}): a pickup or delivery has happened (not in the future), after
 * the booking was made, and within {@link RecordedTimePolicy#WINDOW_TOLERANCE} of the load's pickup or delivery
 * window; the windows are the load lane's, passed in with the command.
 */
public record Booking(
        BookingId id,
        NegotiationId negotiationId,
        MatchId matchId,
        CapacityLaneId capacityLaneId,
        LoadLaneId loadLaneId,
        PartnerId carrier,
        PartnerId shipper,
        Money agreedAmount,
        AccessorialTerms accessorials,
        Instant pickupWindowOpensAt,
        BookingStatus status,
        PickedUp pickup,
        Delivered delivery,
        Cancelled cancellation,
        List<BookingEvent> history) {

    /** No move of one truckload is longer (a coast-to-coast haul is ~3,000 miles). */
    public static final double MAX_ACTUAL_MILES = 10_000;
    public static final int MAX_REASON_LENGTH = 1_000;

    public Booking {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(negotiationId, "negotiationId");
        Objects.requireNonNull(matchId, "matchId");
        Objects.requireNonNull(capacityLaneId, "capacityLaneId");
        Objects.requireNonNull(loadLaneId, "loadLaneId");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(shipper, "shipper");
        Objects.requireNonNull(agreedAmount, "agreedAmount");
        Objects.requireNonNull(accessorials, "accessorials");
        Objects.requireNonNull(pickupWindowOpensAt, "pickupWindowOpensAt");
        Objects.requireNonNull(status, "status");
        history = List.copyOf(history);
    }

    /** Books the agreed offer of {@code negotiation} on its load lane {@code load}. */
    public static Outcome<Booking, BookingEvent> book(BookingId id, Negotiation negotiation, LoadLane load,
            Instant now) {
        if (!load.id().equals(negotiation.loadLaneId())) {
            throw new IllegalArgumentException("load " + load.id() + " is not the negotiation's");
        }
        if (negotiation.status() != NegotiationStatus.AGREED) {
            return Outcome.refused(ReasonCode.NOT_AGREED,
                    "Negotiation " + negotiation.id() + " is " + negotiation.status() + ", not AGREED.");
        }
        var offer = negotiation.agreedOffer();
        var booked = new Booked(1, now, negotiation.id(), offer.amount());
        return new Outcome.Changed<>(new Booking(id, negotiation.id(), negotiation.matchId(),
                negotiation.capacityLaneId(), negotiation.loadLaneId(), negotiation.carrier(), negotiation.shipper(),
                offer.amount(), offer.accessorials(), load.pickupWindow().opensAt(), BookingStatus.BOOKED, null, null,
                null, List.of(booked)), List.of(booked));
    }

    /** The carrier records that the load {@code load} (this booking's) was picked up at {@code actualTime}. */
    public Outcome<Booking, BookingEvent> recordPickup(PartnerId by, Instant actualTime, LoadLane load, Instant now) {
        requireOwnLoad(load);
        var refused = carrierOnly(by, "pickup");
        if (refused != null) {
            return refused;
        }
        Refusal badTime = RecordedTimePolicy.pickup(actualTime, bookedAt(), load.pickupWindow(), now);
        if (badTime != null) {
            return Outcome.refused(badTime);
        }
        if (pickup != null) {
            return pickup.actualTime().equals(actualTime) ? new Outcome.Unchanged<>(this)
                    : Outcome.refused(ReasonCode.PICKUP_ALREADY_RECORDED,
                            "The pickup was recorded at " + pickup.actualTime() + ".");
        }
        if (status == BookingStatus.CANCELLED) {
            return cancelledAlready();
        }
        var event = new PickedUp(nextSequence(), now, by, actualTime);
        return changed(new Booking(id, negotiationId, matchId, capacityLaneId, loadLaneId, carrier, shipper,
                agreedAmount, accessorials, pickupWindowOpensAt, BookingStatus.PICKED_UP, event, null, null,
                append(event)), event);
    }

    /**
     * The carrier records the delivery of {@code load} (this booking's) at {@code actualTime}, with the loaded
     * miles driven if it knows them.
     */
    public Outcome<Booking, BookingEvent> recordDelivery(PartnerId by, Instant actualTime, Double actualMiles,
            LoadLane load, Instant now) {
        requireOwnLoad(load);
        var refused = carrierOnly(by, "delivery");
        if (refused != null) {
            return refused;
        }
        List<Refusal> bad = new ArrayList<>();
        Refusal badTime = RecordedTimePolicy.delivery(actualTime, bookedAt(), load.deliveryWindow(), now);
        if (badTime != null) {
            bad.add(badTime);
        } else if (pickup != null && actualTime.isBefore(pickup.actualTime())) {
            bad.add(new Refusal(ReasonCode.DELIVERY_BEFORE_PICKUP,
                    "The delivery cannot be before the pickup at " + pickup.actualTime() + ".", "/actualTime"));
        }
        if (actualMiles != null && !(actualMiles > 0 && actualMiles <= MAX_ACTUAL_MILES)) {
            bad.add(new Refusal(ReasonCode.MILES_OUT_OF_RANGE,
                    "Actual miles are above 0 and at most " + (int) MAX_ACTUAL_MILES + ".", "/actualMiles"));
        }
        if (!bad.isEmpty()) {
            return new Outcome.Refused<>(bad);
        }
        if (delivery != null) {
            return delivery.actualTime().equals(actualTime) && Objects.equals(delivery.actualMiles(), actualMiles)
                    ? new Outcome.Unchanged<>(this)
                    : Outcome.refused(ReasonCode.DELIVERY_ALREADY_RECORDED,
                            "The delivery was recorded at " + delivery.actualTime() + ".");
        }
        if (status == BookingStatus.CANCELLED) {
            return cancelledAlready();
        }
        if (status == BookingStatus.BOOKED) {
            return Outcome.refused(ReasonCode.NOT_PICKED_UP, "Record the pickup before the delivery.");
        }
        var event = new Delivered(nextSequence(), now, by, actualTime, actualMiles);
        return changed(new Booking(id, negotiationId, matchId, capacityLaneId, loadLaneId, carrier, shipper,
                agreedAmount, accessorials, pickupWindowOpensAt, BookingStatus.DELIVERED, pickup, event, null,
                append(event)), event);
    }

    /**
     * A party cancels before pickup, giving a reason; it is recorded as the party at fault. A TONU fee applies
     * when the shipper cancels inside the agreed window before the pickup window opens.
     */
    public Outcome<Booking, BookingEvent> cancel(PartnerId by, String reason, Instant now) {
        if (!by.equals(carrier) && !by.equals(shipper)) {
            return Outcome.refused(ReasonCode.NOT_A_PARTY, "No such booking.");
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            return Outcome.refused(new Refusal(ReasonCode.REASON_REQUIRED,
                    "A cancellation gives a reason of 1 to " + MAX_REASON_LENGTH + " characters.", "/reason"));
        }
        Side side = by.equals(carrier) ? Side.CARRIER : Side.SHIPPER;
        switch (status) {
            case CANCELLED -> {
                return cancellation.cancelledBy().equals(by) && cancellation.reason().equals(reason)
                        ? new Outcome.Unchanged<>(this)
                        : Outcome.refused(ReasonCode.ALREADY_CANCELLED, "This booking was already cancelled by the "
                                + cancellation.atFault().name().toLowerCase() + ".");
            }
            case PICKED_UP -> {
                return Outcome.refused(ReasonCode.ALREADY_PICKED_UP,
                        "The load is on the truck; a booking is cancelled only before pickup.");
            }
            case DELIVERED -> {
                return Outcome.refused(ReasonCode.ALREADY_DELIVERED, "The load has been delivered.");
            }
            case BOOKED -> {
                Money fee = side == Side.SHIPPER && isInsideTonuWindow(now)
                        && accessorials.tonuFee().amountMinorUnits() > 0 ? accessorials.tonuFee() : null;
                var event = new Cancelled(nextSequence(), now, by, side, reason, fee);
                return changed(new Booking(id, negotiationId, matchId, capacityLaneId, loadLaneId, carrier, shipper,
                        agreedAmount, accessorials, pickupWindowOpensAt, BookingStatus.CANCELLED, null, null, event,
                        append(event)), event);
            }
            default -> throw new IllegalStateException(status.name());
        }
    }

    /** Whether a cancellation at {@code now} falls inside the TONU window (which runs on past the pickup). */
    public boolean isInsideTonuWindow(Instant now) {
        Instant windowStarts = pickupWindowOpensAt.minus(Duration.ofHours(accessorials.tonuCancellationWindowHours()));
        return !now.isBefore(windowStarts);
    }

    public PartnerId party(Side side) {
        return side == Side.CARRIER ? carrier : shipper;
    }

    /** When the booking was made: its first event. */
    public Instant bookedAt() {
        return history.getFirst().recordedAt();
    }

    private void requireOwnLoad(LoadLane load) {
        if (!load.id().equals(loadLaneId)) {
            throw new IllegalArgumentException("load " + load.id() + " is not the booking's");
        }
    }

    private Outcome<Booking, BookingEvent> carrierOnly(PartnerId by, String what) {
        if (by.equals(carrier)) {
            return null;
        }
        if (by.equals(shipper)) {
            return Outcome.refused(ReasonCode.WRONG_PARTY, "Only the carrier records the " + what + ".");
        }
        return Outcome.refused(ReasonCode.NOT_A_PARTY, "No such booking.");
    }

    private Outcome<Booking, BookingEvent> cancelledAlready() {
        return Outcome.refused(ReasonCode.BOOKING_CANCELLED, "This booking was cancelled.");
    }

    private static Outcome<Booking, BookingEvent> changed(Booking next, BookingEvent event) {
        return new Outcome.Changed<>(next, List.of(event));
    }

    private long nextSequence() {
        return history.get(history.size() - 1).sequence() + 1;
    }

    private List<BookingEvent> append(BookingEvent event) {
        List<BookingEvent> next = new ArrayList<>(history);
        next.add(event);
        return next;
    }
}
