package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.adapter.dynamodb.AttributeValues.n;
import static com.backhaulexchange.adapter.dynamodb.AttributeValues.s;

import com.backhaulexchange.adapter.dynamodb.document.BookingDocument;
import com.backhaulexchange.adapter.dynamodb.document.NegotiationDocument;
import com.backhaulexchange.adapter.dynamodb.document.PackageDealDocument;
import com.backhaulexchange.adapter.dynamodb.document.StoredDocument;
import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.negotiation.Negotiation;
import com.backhaulexchange.deal.packagedeal.PackageDeal;
import com.backhaulexchange.partner.PartnerId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The documents of NegotiationsTable's negotiation and booking items and of their party copies
 * ({@code PARTY#<partnerId> / NEGOTIATION#<id>}, {@code … / BOOKING#<id>}), each a JSON string in
 * {@code document} beside its version in {@code documentSchemaVersion}. Public for the settlement function,
 * which reads the members' booking copies itself (and its tests, which write them).
 */
public final class DealItems {
    static final StoredDocument<NegotiationDocument> NEGOTIATION = StoredDocument.asJsonString("document",
            NegotiationDocument.SCHEMA_VERSION, NegotiationDocument.class);
    static final StoredDocument<BookingDocument> BOOKING = StoredDocument.asJsonString("document",
            BookingDocument.SCHEMA_VERSION, BookingDocument.class);
    static final StoredDocument<PackageDealDocument> PACKAGE_DEAL = StoredDocument.asJsonString("document",
            PackageDealDocument.SCHEMA_VERSION, PackageDealDocument.class);
    /** Closed negotiations and finished bookings stay readable this long (settlement reads the bookings). */
    static final Duration RETENTION = Duration.ofDays(400);
    static final String TTL = "expiresAtEpochSeconds";

    private DealItems() {
    }

    /** The negotiation of a negotiation item or of a party copy. */
    public static Negotiation negotiationFrom(Map<String, AttributeValue> item) {
        return NEGOTIATION.read(item).toNegotiation();
    }

    /** The booking of a booking item or of a party copy. */
    public static Booking bookingFrom(Map<String, AttributeValue> item) {
        return BOOKING.read(item).toBooking();
    }

    /** The package deal of a PACKAGE_DEAL item. */
    public static PackageDeal packageDealFrom(Map<String, AttributeValue> item) {
        return PACKAGE_DEAL.read(item).toPackageDeal();
    }

    static Map<String, AttributeValue> packageDealDocument(PackageDeal deal) {
        return PACKAGE_DEAL.attributes(PackageDealDocument.of(deal));
    }

    static Map<String, AttributeValue> negotiationDocument(Negotiation negotiation) {
        return NEGOTIATION.attributes(NegotiationDocument.of(negotiation));
    }

    static Map<String, AttributeValue> bookingDocument(Booking booking) {
        return BOOKING.attributes(BookingDocument.of(booking));
    }

    /** The copy of {@code booking} listed under {@code party}, which the party's booking list reads. */
    public static Map<String, AttributeValue> partyBookingCopy(Booking booking, PartnerId party) {
        Map<String, AttributeValue> copy = new HashMap<>();
        copy.put("pk", s("PARTY#" + party.value()));
        copy.put("sk", s("BOOKING#" + booking.id().value()));
        copy.put("entityType", s("PARTY_BOOKING"));
        copy.put("status", s(booking.status().name()));
        copy.putAll(bookingDocument(booking));
        copy.put(TTL, n(booking.pickupWindowOpensAt().plus(RETENTION).getEpochSecond()));
        return copy;
    }
}
