package com.backhaulexchange.adapter.json;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingEvent;
import com.backhaulexchange.deal.negotiation.Actor;
import com.backhaulexchange.deal.negotiation.Negotiation;
import com.backhaulexchange.deal.negotiation.NegotiationEvent;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * Negotiations and bookings as they were first stored: the aggregates themselves, every record component and
 * nothing else (no derived getters), their sealed event and actor types tagged by name, through mix-ins.
 *
 * @deprecated The stored negotiation and booking documents now have their own types and a schema version in
 *     the DynamoDB adapter ({@code adapter.dynamodb.document.NegotiationDocument}, {@code BookingDocument};
 *     items through {@code adapter.dynamodb.DealItems}), so that renaming a domain field no longer changes
 *     what is stored. This copy of the version-1 mapping is kept only for benchmarks/PeriodCloseBenchmark,
 *     which writes booking copies with it; move it to {@code DealItems.partyBookingCopy} and delete this class
 *     (and DealDocumentsTest).
 */
@Deprecated(forRemoval = true)
public final class DealDocuments {
    private static final ObjectMapper MAPPER = Json.newMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .addMixIn(NegotiationEvent.class, NegotiationEventTags.class)
            .addMixIn(Actor.class, ActorTags.class)
            .addMixIn(BookingEvent.class, BookingEventTags.class);

    private DealDocuments() {
    }

    public static String toJson(Negotiation negotiation) {
        return write(negotiation);
    }

    public static Negotiation negotiationFrom(String json) {
        return read(json, Negotiation.class);
    }

    public static String toJson(Booking booking) {
        return write(booking);
    }

    public static Booking bookingFrom(String json) {
        return read(json, Booking.class);
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable stored " + type.getSimpleName(), e);
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "event")
    @JsonSubTypes({
            @JsonSubTypes.Type(NegotiationEvent.OfferMade.class),
            @JsonSubTypes.Type(NegotiationEvent.OfferAccepted.class),
            @JsonSubTypes.Type(NegotiationEvent.OfferAutoAccepted.class),
            @JsonSubTypes.Type(NegotiationEvent.OfferRejected.class),
            @JsonSubTypes.Type(NegotiationEvent.OfferWithdrawn.class),
            @JsonSubTypes.Type(NegotiationEvent.OfferExpired.class),
            @JsonSubTypes.Type(NegotiationEvent.Superseded.class)})
    private interface NegotiationEventTags {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "actor")
    @JsonSubTypes({@JsonSubTypes.Type(Actor.Party.class), @JsonSubTypes.Type(Actor.Exchange.class)})
    private interface ActorTags {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "event")
    @JsonSubTypes({
            @JsonSubTypes.Type(BookingEvent.Booked.class),
            @JsonSubTypes.Type(BookingEvent.PickedUp.class),
            @JsonSubTypes.Type(BookingEvent.Delivered.class),
            @JsonSubTypes.Type(BookingEvent.Cancelled.class)})
    private interface BookingEventTags {
    }
}
