package com.backhaulexchange.adapter.dynamodb.document;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingEvent;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.deal.negotiation.NegotiationId;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.partner.PartnerId;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;

/**
 * A booking as NegotiationsTable stores it: a JSON string in the {@code document} attribute of its BOOKING
 * item and of its two party copies (which the settlement function reads). Ids are objects
 * ({@code {"value": …}}) and events are tagged by an {@code event} property, also where one is held on its
 * own ({@code pickup}, {@code delivery}, {@code cancellation}): the shape of the first stored bookings, which
 * serialised the domain records themselves.
 */
public record BookingDocument(
        IdValue id,
        IdValue negotiationId,
        IdValue matchId,
        IdValue capacityLaneId,
        IdValue loadLaneId,
        IdValue carrier,
        IdValue shipper,
        MoneyDocument agreedAmount,
        AccessorialsDocument accessorials,
        Instant pickupWindowOpensAt,
        String status,
        PickedUp pickup,
        Delivered delivery,
        Cancelled cancellation,
        List<EventDocument> history) {

    /** Version 1: the serialised domain records, as stored until they had their own types (issue 9). */
    public static final int SCHEMA_VERSION = 1;

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "event")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Booked.class, name = "Booked"),
            @JsonSubTypes.Type(value = PickedUp.class, name = "PickedUp"),
            @JsonSubTypes.Type(value = Delivered.class, name = "Delivered"),
            @JsonSubTypes.Type(value = Cancelled.class, name = "Cancelled")})
    public sealed interface EventDocument {
    }

    public record Booked(long sequence, Instant recordedAt, IdValue negotiationId, MoneyDocument agreedAmount)
            implements EventDocument {
    }

    public record PickedUp(long sequence, Instant recordedAt, IdValue recordedBy, Instant actualTime)
            implements EventDocument {
    }

    public record Delivered(long sequence, Instant recordedAt, IdValue recordedBy, Instant actualTime,
            Double actualMiles) implements EventDocument {
    }

    public record Cancelled(long sequence, Instant recordedAt, IdValue cancelledBy, String atFault, String reason,
            MoneyDocument tonuFee) implements EventDocument {
    }

    // ---- from the domain

    public static BookingDocument of(Booking booking) {
        return new BookingDocument(new IdValue(booking.id().value()), new IdValue(booking.negotiationId().value()),
                new IdValue(booking.matchId().value()), new IdValue(booking.capacityLaneId().value()),
                new IdValue(booking.loadLaneId().value()), new IdValue(booking.carrier().value()),
                new IdValue(booking.shipper().value()), MoneyDocument.of(booking.agreedAmount()),
                AccessorialsDocument.of(booking.accessorials()), booking.pickupWindowOpensAt(),
                booking.status().name(),
                booking.pickup() == null ? null : pickedUp(booking.pickup()),
                booking.delivery() == null ? null : delivered(booking.delivery()),
                booking.cancellation() == null ? null : cancelled(booking.cancellation()),
                booking.history().stream().map(BookingDocument::eventDocument).toList());
    }

    private static EventDocument eventDocument(BookingEvent event) {
        return switch (event) {
            case BookingEvent.Booked booked -> new Booked(booked.sequence(), booked.recordedAt(),
                    IdValue.of(booked.negotiationId() == null ? null : booked.negotiationId().value()),
                    MoneyDocument.of(booked.agreedAmount()));
            case BookingEvent.PickedUp pickedUp -> pickedUp(pickedUp);
            case BookingEvent.Delivered delivered -> delivered(delivered);
            case BookingEvent.Cancelled cancelled -> cancelled(cancelled);
        };
    }

    private static PickedUp pickedUp(BookingEvent.PickedUp event) {
        return new PickedUp(event.sequence(), event.recordedAt(), partner(event.recordedBy()), event.actualTime());
    }

    private static Delivered delivered(BookingEvent.Delivered event) {
        return new Delivered(event.sequence(), event.recordedAt(), partner(event.recordedBy()), event.actualTime(),
                event.actualMiles());
    }

    private static Cancelled cancelled(BookingEvent.Cancelled event) {
        return new Cancelled(event.sequence(), event.recordedAt(), partner(event.cancelledBy()),
                event.atFault() == null ? null : event.atFault().name(), event.reason(),
                MoneyDocument.of(event.tonuFee()));
    }

    private static IdValue partner(PartnerId id) {
        return id == null ? null : new IdValue(id.value());
    }

    // ---- to the domain

    public Booking toBooking() {
        return new Booking(new BookingId(id.value()), new NegotiationId(negotiationId.value()),
                new MatchId(matchId.value()), new CapacityLaneId(capacityLaneId.value()),
                new LoadLaneId(loadLaneId.value()), new PartnerId(carrier.value()), new PartnerId(shipper.value()),
                agreedAmount.toMoney(), accessorials.toTerms(), pickupWindowOpensAt, BookingStatus.valueOf(status),
                pickup == null ? null : pickedUp(pickup), delivery == null ? null : delivered(delivery),
                cancellation == null ? null : cancelled(cancellation),
                history.stream().map(BookingDocument::event).toList());
    }

    private static BookingEvent event(EventDocument event) {
        return switch (event) {
            case Booked booked -> new BookingEvent.Booked(booked.sequence(), booked.recordedAt(),
                    booked.negotiationId() == null ? null : new NegotiationId(booked.negotiationId().value()),
                    MoneyDocument.moneyOf(booked.agreedAmount()));
            case PickedUp pickedUp -> pickedUp(pickedUp);
            case Delivered delivered -> delivered(delivered);
            case Cancelled cancelled -> cancelled(cancelled);
        };
    }

    private static BookingEvent.PickedUp pickedUp(PickedUp event) {
        return new BookingEvent.PickedUp(event.sequence(), event.recordedAt(), partnerId(event.recordedBy()),
                event.actualTime());
    }

    private static BookingEvent.Delivered delivered(Delivered event) {
        return new BookingEvent.Delivered(event.sequence(), event.recordedAt(), partnerId(event.recordedBy()),
                event.actualTime(), event.actualMiles());
    }

    private static BookingEvent.Cancelled cancelled(Cancelled event) {
        return new BookingEvent.Cancelled(event.sequence(), event.recordedAt(), partnerId(event.cancelledBy()),
                event.atFault() == null ? null : Side.valueOf(event.atFault()), event.reason(),
                MoneyDocument.moneyOf(event.tonuFee()));
    }

    private static PartnerId partnerId(IdValue id) {
        return id == null ? null : new PartnerId(id.value());
    }
}
