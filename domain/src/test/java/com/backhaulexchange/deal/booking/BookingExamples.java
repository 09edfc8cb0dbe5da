package com.backhaulexchange.deal.booking;

import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER_PARTY;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.changed;

import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.deal.negotiation.AccessorialTerms;
import com.backhaulexchange.deal.negotiation.Negotiation;
import com.backhaulexchange.deal.negotiation.NegotiationExamples;
import com.backhaulexchange.deal.negotiation.Side;
import java.time.Instant;

/** A booking of the example match at USD 1,200, pickup window opening Monday 08:00 (Chicago). */
final class BookingExamples {

    static final BookingId BOOKING_ID = new BookingId("01JDBKNG000000000000000001");
    static final Instant PICKUP_OPENS = LaneExamples.at(0, 8, 0);

    private BookingExamples() {
    }

    static Negotiation agreed(AccessorialTerms accessorials) {
        var terms = new com.backhaulexchange.deal.negotiation.OfferTerms(NegotiationExamples.usd(120_000), accessorials,
                NegotiationExamples.NOW.plusSeconds(3_600), null);
        Negotiation opened = changed(Negotiation.open(NegotiationExamples.NEGOTIATION_ID, NegotiationExamples.match(),
                Side.SHIPPER, NegotiationExamples.SHIPPER_PARTY, terms,
                com.backhaulexchange.deal.negotiation.AutoAcceptPrices.NONE,
                com.backhaulexchange.deal.negotiation.NegotiationRules.DEFAULT, NegotiationExamples.NOW));
        return changed(opened.accept(Side.CARRIER, CARRIER_PARTY, NegotiationExamples.NOW.plusSeconds(60)));
    }

    static Booking booked() {
        return booked(AccessorialTerms.usualUsd());
    }

    static Booking booked(AccessorialTerms accessorials) {
        return changed(Booking.book(BOOKING_ID, agreed(accessorials), LaneExamples.load(),
                NegotiationExamples.NOW.plusSeconds(61)));
    }
}
