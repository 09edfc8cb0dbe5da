package com.backhaulexchange.deal.booking;

import static com.backhaulexchange.deal.booking.BookingExamples.PICKUP_OPENS;
import static com.backhaulexchange.deal.booking.BookingExamples.booked;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.SHIPPER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.changed;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.settlement.RealisedBooking;
import com.backhaulexchange.settlement.RiskEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What settlement reads from a booking: realised gains of a delivery, the risk event of a cancellation. */
class SettlementFiguresTest {

    @Test
    void aDeliveredBookingRealisesAgreedAmountMinusCostForTheCarrierAndPriceMinusAgreedForTheShipper() {
        var pickedUp = changed(booked().recordPickup(CARRIER, PICKUP_OPENS, LaneExamples.load(), PICKUP_OPENS.plusSeconds(60)));
        var delivered = changed(pickedUp.recordDelivery(CARRIER, PICKUP_OPENS.plusSeconds(36_000), null,
                LaneExamples.load(), PICKUP_OPENS.plusSeconds(36_100)));

        RealisedBooking figures = RealisedBooking.of(delivered, usd(150_000), usd(80_000));

        assertThat(figures.carrierGain()).isEqualTo(usd(120_000 - 80_000));
        assertThat(figures.shipperGain()).isEqualTo(usd(150_000 - 120_000));
        assertThat(figures.pickupAt()).isEqualTo(PICKUP_OPENS);
    }

    @Test
    void confirmedDetentionOfADeliveryIsTheShippersRiskEventTowardsTheCarrierAtTheActualPickup() {
        var pickedUp = changed(booked().recordPickup(CARRIER, PICKUP_OPENS.plusSeconds(900), LaneExamples.load(),
                PICKUP_OPENS.plusSeconds(960)));
        var delivered = changed(pickedUp.recordDelivery(CARRIER, PICKUP_OPENS.plusSeconds(36_000), null,
                LaneExamples.load(), PICKUP_OPENS.plusSeconds(36_100)));

        RiskEvent event = RiskEvent.detention(delivered, usd(7_500)).orElseThrow();

        assertThat(event.kind()).isEqualTo(RiskEvent.Kind.DETENTION);
        assertThat(event.atFault()).isEqualTo(SHIPPER);
        assertThat(event.affected()).isEqualTo(CARRIER);
        assertThat(event.cost()).isEqualTo(usd(7_500));
        assertThat(event.pickupAt()).isEqualTo(PICKUP_OPENS.plusSeconds(900));
        assertThat(RiskEvent.detention(delivered, usd(0))).isEmpty();
        assertThat(RiskEvent.detention(pickedUp, usd(7_500))).isEmpty();
    }

    @Test
    void aShipperCancellingInsideTheTonuWindowIsAtFaultTowardsTheCarrierForTheFee() {
        var cancelled = changed(booked().cancel(SHIPPER, "plant closed", PICKUP_OPENS.minus(Duration.ofHours(1))));

        RiskEvent event = RiskEvent.of(cancelled, usd(30_000)).orElseThrow();

        assertThat(event.kind()).isEqualTo(RiskEvent.Kind.TONU);
        assertThat(event.atFault()).isEqualTo(SHIPPER);
        assertThat(event.affected()).isEqualTo(CARRIER);
        assertThat(event.cost()).isEqualTo(cancelled.cancellation().tonuFee());
    }

    @Test
    void aCarrierCancellingCostsTheShipperTheDocumentedDryRunAmount() {
        var cancelled = changed(booked().cancel(CARRIER, "truck broke down", PICKUP_OPENS.minus(Duration.ofDays(3))));

        RiskEvent event = RiskEvent.of(cancelled, usd(30_000)).orElseThrow();

        assertThat(event.kind()).isEqualTo(RiskEvent.Kind.DRY_RUN);
        assertThat(event.atFault()).isEqualTo(CARRIER);
        assertThat(event.affected()).isEqualTo(SHIPPER);
        assertThat(event.cost()).isEqualTo(usd(30_000));
    }

    @Test
    void aShipperCancellingInTimeIsNoRiskEvent() {
        var cancelled = changed(booked().cancel(SHIPPER, "plans changed", PICKUP_OPENS.minus(Duration.ofDays(5))));

        assertThat(RiskEvent.of(cancelled, usd(30_000))).isEmpty();
    }
}
