package com.backhaulexchange.adapter.json;

import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER_PARTY;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.NOW;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.SHIPPER_BROKER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.changed;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.terms;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.deal.negotiation.AutoAcceptPrices;
import com.backhaulexchange.deal.negotiation.Negotiation;
import com.backhaulexchange.deal.negotiation.NegotiationExamples;
import com.backhaulexchange.deal.negotiation.NegotiationId;
import com.backhaulexchange.deal.negotiation.Side;
import org.junit.jupiter.api.Test;

@SuppressWarnings("removal")
class DealDocumentsTest {

    private static Negotiation agreedAfterACounterByTheShippersBroker() {
        Negotiation opened = changed(Negotiation.open(NegotiationExamples.NEGOTIATION_ID, NegotiationExamples.match(),
                Side.CARRIER, CARRIER_PARTY, terms(150_000), AutoAcceptPrices.NONE,
                com.backhaulexchange.deal.negotiation.NegotiationRules.DEFAULT, NOW));
        Negotiation countered = changed(opened.counter(Side.SHIPPER, SHIPPER_BROKER, terms(130_000), null,
                NOW.plusSeconds(60)));
        return changed(countered.accept(Side.CARRIER, CARRIER_PARTY, NOW.plusSeconds(120)));
    }

    @Test
    void aNegotiationWithEveryKindOfActorReadsBackEqual() {
        Negotiation agreed = agreedAfterACounterByTheShippersBroker();
        Negotiation superseded = changed(changed(Negotiation.open(new NegotiationId("01JDNEG0000000000000000009"),
                NegotiationExamples.match(), Side.SHIPPER, NegotiationExamples.SHIPPER_PARTY, terms(120_000),
                AutoAcceptPrices.NONE, com.backhaulexchange.deal.negotiation.NegotiationRules.DEFAULT, NOW))
                .supersede(agreed.id(), NOW.plusSeconds(5)));

        assertThat(DealDocuments.negotiationFrom(DealDocuments.toJson(agreed))).isEqualTo(agreed);
        assertThat(DealDocuments.negotiationFrom(DealDocuments.toJson(superseded))).isEqualTo(superseded);
    }

    @Test
    void aDeliveredAndACancelledBookingReadBackEqual() {
        Booking booked = changed(Booking.book(new BookingId("01JDBKNG000000000000000001"),
                agreedAfterACounterByTheShippersBroker(), LaneExamples.load(), NOW.plusSeconds(180)));
        Booking delivered = changed(changed(booked.recordPickup(booked.carrier(), NOW.plusSeconds(3_600),
                NOW.plusSeconds(3_700))).recordDelivery(booked.carrier(), NOW.plusSeconds(7_200), 612.5,
                NOW.plusSeconds(7_300)));
        Booking cancelled = changed(booked.cancel(booked.shipper(), "plant closed", NOW.plusSeconds(200)));

        assertThat(DealDocuments.bookingFrom(DealDocuments.toJson(delivered))).isEqualTo(delivered);
        assertThat(DealDocuments.bookingFrom(DealDocuments.toJson(cancelled))).isEqualTo(cancelled);
    }
}
