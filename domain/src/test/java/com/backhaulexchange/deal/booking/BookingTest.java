package com.backhaulexchange.deal.booking;

import static com.backhaulexchange.deal.booking.BookingExamples.BOOKING_ID;
import static com.backhaulexchange.deal.booking.BookingExamples.PICKUP_OPENS;
import static com.backhaulexchange.deal.booking.BookingExamples.booked;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.NEGOTIATION_ID;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.SHIPPER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.changed;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.openedByShipper;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.booking.BookingEvent.Cancelled;
import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.deal.negotiation.AccessorialTerms;
import com.backhaulexchange.deal.negotiation.Outcome;
import com.backhaulexchange.deal.negotiation.ReasonCode;
import com.backhaulexchange.deal.negotiation.Refusal;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.partner.Partner;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BookingTest {
    private static final com.backhaulexchange.lane.LoadLane LOAD = LaneExamples.load();

    private static Cancelled cancellation(Outcome<Booking, BookingEvent> outcome) {
        return changed(outcome) instanceof Booking booking ? booking.cancellation() : null;
    }

    @Test
    void bookingAnAgreedNegotiationCopiesItsAmountAccessorialsAndThePickupWindow() {
        Booking booking = booked();
        assertThat(booking.status()).isEqualTo(BookingStatus.BOOKED);
        assertThat(booking.negotiationId()).isEqualTo(NEGOTIATION_ID);
        assertThat(booking.agreedAmount()).isEqualTo(usd(120_000));
        assertThat(booking.accessorials()).isEqualTo(AccessorialTerms.usualUsd());
        assertThat(booking.pickupWindowOpensAt()).isEqualTo(PICKUP_OPENS);
        assertThat(booking.capacityLaneId()).isEqualTo(LaneExamples.capacity().id());
        assertThat(booking.history()).singleElement().isInstanceOf(BookingEvent.Booked.class);
    }

    @Test
    void anOpenNegotiationCannotBeBooked() {
        var outcome = Booking.book(BOOKING_ID, openedByShipper(), LaneExamples.load(), LaneExamples.NOW);
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(ReasonCode.NOT_AGREED));
    }

    @Test
    void theShipperCancellingInsideTheWindowOwesTheTonuFee() {
        Instant windowStarts = PICKUP_OPENS.minus(Duration.ofHours(24));
        Cancelled inside = cancellation(booked().cancel(SHIPPER, "plant closed", windowStarts));
        assertThat(inside.tonuFee()).isEqualTo(usd(20_000));
        assertThat(inside.atFault()).isEqualTo(Side.SHIPPER);
        assertThat(cancellation(booked().cancel(SHIPPER, "late", PICKUP_OPENS.plusSeconds(600))).tonuFee())
                .as("after the pickup window opened").isEqualTo(usd(20_000));
    }

    @Test
    void theShipperCancellingBeforeTheWindowOwesNothing() {
        Instant before = PICKUP_OPENS.minus(Duration.ofHours(24)).minusMillis(1);
        assertThat(cancellation(booked().cancel(SHIPPER, "plant closed", before)).tonuFee()).isNull();
    }

    @Test
    void theCarrierCancellingOwesNoTonuAndIsAtFault() {
        Cancelled byCarrier = cancellation(booked().cancel(CARRIER, "truck broke down", PICKUP_OPENS));
        assertThat(byCarrier.tonuFee()).isNull();
        assertThat(byCarrier.atFault()).isEqualTo(Side.CARRIER);
        assertThat(byCarrier.cancelledBy()).isEqualTo(CARRIER);
    }

    @Test
    void aZeroTonuFeeIsNoFee() {
        var noTonu = new AccessorialTerms(2, usd(5_000), usd(0), 24);
        assertThat(cancellation(booked(noTonu).cancel(SHIPPER, "plant closed", PICKUP_OPENS)).tonuFee()).isNull();
    }

    @Test
    void aCancellationNeedsAReason() {
        for (String reason : new String[] {null, " ", "x".repeat(1_001)}) {
            assertThat(booked().cancel(SHIPPER, reason, PICKUP_OPENS)).isInstanceOfSatisfying(Outcome.Refused.class,
                    refused -> assertThat(refused.first()).isEqualTo(new Refusal(ReasonCode.REASON_REQUIRED,
                            refused.first().detail(), "/reason")));
        }
    }

    @Test
    void recordedTimesAreNotInTheFutureAndADeliveryFollowsItsPickup() {
        Instant pickedUp = PICKUP_OPENS.plusSeconds(3_600);
        assertThat(booked().recordPickup(CARRIER, pickedUp, LOAD, pickedUp.minusSeconds(1)))
                .isInstanceOfSatisfying(Outcome.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ReasonCode.TIME_IN_THE_FUTURE));
        Booking onTruck = changed(booked().recordPickup(CARRIER, pickedUp, LOAD, pickedUp));
        var outcome = onTruck.recordDelivery(CARRIER, pickedUp.minusSeconds(1), 0.0, LOAD, pickedUp.plusSeconds(99));
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused<Booking, BookingEvent>) outcome).refusals()).extracting(Refusal::reason)
                .containsExactly(ReasonCode.DELIVERY_BEFORE_PICKUP, ReasonCode.MILES_OUT_OF_RANGE);
    }

    @Test
    void aRecordedTimeBeforeTheBookingWasMadeIsRefused() {
        Booking booking = booked();
        Instant bookedAt = booking.bookedAt();
        Instant tooEarly = bookedAt.minus(RecordedTimePolicy.CLOCK_GRACE).minusSeconds(1);
        var outcome = booking.recordPickup(CARRIER, tooEarly, LOAD, PICKUP_OPENS);
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(ReasonCode.TIME_BEFORE_BOOKING);
            assertThat(refused.first().field()).isEqualTo("/actualTime");
        });
        assertThat(booking.recordPickup(CARRIER, bookedAt.minus(RecordedTimePolicy.CLOCK_GRACE), LOAD, bookedAt))
                .as("a device clock a minute behind").isInstanceOf(Outcome.Changed.class);
        var delivery = booking.recordDelivery(CARRIER, tooEarly, null, LOAD, PICKUP_OPENS);
        assertThat(delivery).isInstanceOfSatisfying(Outcome.Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(ReasonCode.TIME_BEFORE_BOOKING));
    }

    @Test
    void aPickupOrDeliveryFarOutsideItsWindowIsRefusedAndOneWithinTheToleranceIsNot() {
        Duration tolerance = RecordedTimePolicy.WINDOW_TOLERANCE;
        Instant pickupCloses = LOAD.pickupWindow().closesAt();
        Instant lateLimit = pickupCloses.plus(tolerance);
        assertThat(booked().recordPickup(CARRIER, lateLimit.plusSeconds(1), LOAD, lateLimit.plusSeconds(60)))
                .isInstanceOfSatisfying(Outcome.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ReasonCode.TIME_OUTSIDE_WINDOW));
        Booking onTruck = changed(booked().recordPickup(CARRIER, lateLimit, LOAD, lateLimit.plusSeconds(60)));
        assertThat(onTruck.status()).isEqualTo(BookingStatus.PICKED_UP);

        Instant deliveryLimit = LOAD.deliveryWindow().closesAt().plus(tolerance);
        assertThat(onTruck.recordDelivery(CARRIER, deliveryLimit.plusSeconds(1), null, LOAD, deliveryLimit.plusSeconds(9)))
                .isInstanceOfSatisfying(Outcome.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ReasonCode.TIME_OUTSIDE_WINDOW));
        assertThat(onTruck.recordDelivery(CARRIER, deliveryLimit, null, LOAD, deliveryLimit.plusSeconds(9)))
                .isInstanceOf(Outcome.Changed.class);
    }

    @Test
    void theEarliestRecordedTimeIsTheWindowLessTheToleranceOrTheBookingWhicheverIsLater() {
        Instant opens = Instant.parse("2026-12-01T14:00:00Z");
        var window = new com.backhaulexchange.lane.TimeWindow(opens, opens.plus(Duration.ofHours(4)),
                java.time.ZoneOffset.UTC);
        Instant longBefore = opens.minus(Duration.ofDays(14));
        Instant now = opens.plus(Duration.ofDays(1));
        assertThat(RecordedTimePolicy.pickup(opens.minus(Duration.ofDays(14)), longBefore, window, now).reason())
                .as("two weeks before the window").isEqualTo(ReasonCode.TIME_OUTSIDE_WINDOW);
        assertThat(RecordedTimePolicy.pickup(opens.minus(RecordedTimePolicy.WINDOW_TOLERANCE), longBefore, window,
                now)).isNull();
        assertThat(RecordedTimePolicy.delivery(opens, opens.plus(Duration.ofMinutes(2)), window, now).reason())
                .isEqualTo(ReasonCode.TIME_BEFORE_BOOKING);
        assertThat(RecordedTimePolicy.delivery(now.plusSeconds(1), longBefore, window, now).reason())
                .isEqualTo(ReasonCode.TIME_IN_THE_FUTURE);
    }

    @Test
    void deliveryRecordsTheActualMilesWhenGiven() {
        Instant pickedUp = PICKUP_OPENS.plusSeconds(3_600);
        Instant delivered = pickedUp.plus(Duration.ofHours(14));
        Booking done = changed(changed(booked().recordPickup(CARRIER, pickedUp, LOAD, pickedUp))
                .recordDelivery(CARRIER, delivered, 612.5, LOAD, delivered));
        assertThat(done.status()).isEqualTo(BookingStatus.DELIVERED);
        assertThat(done.delivery().actualMiles()).isEqualTo(612.5);
        assertThat(done.pickup().actualTime()).isEqualTo(pickedUp);
        assertThat(done.history()).extracting(BookingEvent::sequence).containsExactly(1L, 2L, 3L);
    }

    @Test
    void theRateConfirmationAssemblesTheBookingTheLanesAndTheParties() {
        Booking booking = booked();
        Partner carrier = Partner.registered(CARRIER, PartnerExamples.carrierProfile(), LaneExamples.NOW);
        Partner shipper = Partner.registered(SHIPPER, PartnerExamples.minimalShipperProfile(), LaneExamples.NOW);

        RateConfirmation confirmation = RateConfirmation.of(booking, LaneExamples.capacity(), LaneExamples.load(),
                carrier, shipper, RateConfirmation.PaymentTerms.NET_30, LaneExamples.NOW);

        assertThat(confirmation.reference()).isEqualTo(BOOKING_ID);
        assertThat(confirmation.carrier().legalName()).isEqualTo("Lakeshore Freight LLC");
        assertThat(confirmation.carrier().dotNumber()).isEqualTo("1234567");
        assertThat(confirmation.carrier().mcNumber()).isEqualTo("MC-765432");
        assertThat(confirmation.shipper().mcNumber()).isNull();
        assertThat(confirmation.pickup().window()).isEqualTo(LaneExamples.load().pickupWindow());
        assertThat(confirmation.delivery().place()).isEqualTo(LaneExamples.load().destination());
        assertThat(confirmation.commodity()).isEqualTo("canned goods");
        assertThat(confirmation.weightLbs()).isEqualTo(30_000);
        assertThat(confirmation.pallets()).isEqualTo(20);
        assertThat(confirmation.allInRate()).isEqualTo(usd(120_000));
        assertThat(confirmation.cancellation()).isEqualTo(new RateConfirmation.CancellationTerms(usd(20_000), 24));
        assertThat(confirmation.paymentTerms().netDays()).isEqualTo(30);
        assertThat(confirmation.toString()).as("the budget stays private").doesNotContain("150000");
    }
}
