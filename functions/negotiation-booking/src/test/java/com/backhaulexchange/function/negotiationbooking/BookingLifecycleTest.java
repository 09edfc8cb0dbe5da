package com.backhaulexchange.function.negotiationbooking;


import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookingLifecycleTest {
    private DealFixture fixture;
    private DealFixture.Caller carrier;
    private DealFixture.Caller shipper;
    private String bookingId;

    @BeforeEach
    void aBookedMove() {
        fixture = new DealFixture();
        carrier = fixture.carrier();
        shipper = fixture.shipper();
        var deal = fixture.matched(carrier, shipper);
        String negotiation = fixture.offer(shipper, deal, 200_000).json().path("negotiationId").asText();
        bookingId = fixture.act("accept", carrier, negotiation).json().path("bookingId").asText();
        fixture.notifications();
    }

    private String at(Instant instant) {
        return instant.toString();
    }

    @Test
    void theCarrierRecordsPickupAndDeliveryOnceEachAndBothPartiesHearOfIt() {
        // Monday 07:30 Chicago: the pickup window opened at 07:00.
        fixture.clock.set(Instant.parse("2026-11-23T13:45:00Z"));
        Instant pickedUp = Instant.parse("2026-11-23T13:30:00Z");

        var pickup = fixture.send("record-pickup.json", carrier, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME", at(pickedUp));
        var again = fixture.send("record-pickup.json", carrier, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME", at(pickedUp));
        var different = fixture.send("record-pickup.json", carrier, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME",
                at(pickedUp.plusSeconds(60)));

        assertThat(pickup.status()).as(pickup.toString()).isEqualTo(200);
        assertThat(pickup.json().path("status").asText()).isEqualTo("PICKED_UP");
        assertThat(again.status()).as("the same record again changes nothing").isEqualTo(200);
        assertThat(again.json().path("history")).hasSize(2);
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.json().path("reasonCode").asText()).isEqualTo("PICKUP_ALREADY_RECORDED");

        fixture.clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        var delivery = fixture.send("record-delivery.json", carrier, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME",
                at(Instant.parse("2026-11-24T15:10:00Z")));
        assertThat(delivery.status()).as(delivery.toString()).isEqualTo(200);
        assertThat(delivery.json().path("delivery").path("actualMiles").asDouble()).isEqualTo(612.4);
        var cancelAfterDelivery = fixture.send("cancel-booking.json", shipper, "PATH_BOOKING_ID", bookingId,
                "REASON", "too late");
        assertThat(cancelAfterDelivery.status()).isEqualTo(409);

        assertThat(fixture.notifications()).extracting(Notification::type).containsExactlyInAnyOrder(
                NotificationType.BOOKING_PICKED_UP, NotificationType.BOOKING_PICKED_UP,
                NotificationType.BOOKING_DELIVERED, NotificationType.BOOKING_DELIVERED);
    }

    @Test
    void onlyTheCarrierRecordsThePickupAndAStrangerIsToldNothing() {
        fixture.clock.set(Instant.parse("2026-11-23T13:45:00Z"));
        var byShipper = fixture.send("record-pickup.json", shipper, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME",
                "2026-11-23T13:30:00Z");
        var byStranger = fixture.send("get-booking.json", fixture.shipper(), "PATH_BOOKING_ID", bookingId);
        var inTheFuture = fixture.send("record-pickup.json", carrier, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME",
                "2026-11-23T15:30:00Z");

        assertThat(byShipper.status()).isEqualTo(403);
        assertThat(byShipper.json().path("reasonCode").asText()).isEqualTo("WRONG_PARTY");
        assertThat(byStranger.status()).isEqualTo(404);
        assertThat(inTheFuture.status()).isEqualTo(400);
        assertThat(inTheFuture.json().path("reasonCode").asText()).isEqualTo("TIME_IN_THE_FUTURE");
        assertThat(fixture.send("get-booking.json", carrier, "PATH_BOOKING_ID", bookingId).json().path("status")
                .asText()).isEqualTo("BOOKED");
    }

    @Test
    void aPickupBeforeTheBookingOrFarFromItsWindowIsRefusedAndWritesNothing() {
        Instant bookedAt = fixture.clock.instant();
        fixture.clock.set(Instant.parse("2026-11-23T13:45:00Z"));

        var beforeBooking = fixture.send("record-pickup.json", carrier, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME",
                at(bookedAt.minusSeconds(3_600)));
        var twoWeeksEarly = fixture.send("record-pickup.json", carrier, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME",
                at(Instant.parse("2026-11-09T13:30:00Z")));

        assertThat(beforeBooking.status()).as(beforeBooking.toString()).isEqualTo(400);
        assertThat(beforeBooking.json().path("reasonCode").asText()).isEqualTo("TIME_BEFORE_BOOKING");
        assertThat(beforeBooking.json().path("errors").path(0).path("pointer").asText()).isEqualTo("/actualTime");
        assertThat(twoWeeksEarly.status()).isEqualTo(400);
        assertThat(twoWeeksEarly.json().path("reasonCode").asText()).isIn("TIME_BEFORE_BOOKING", "TIME_OUTSIDE_WINDOW");
        fixture.clock.set(Instant.parse("2026-12-10T13:45:00Z"));
        var weeksLate = fixture.send("record-pickup.json", carrier, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME",
                at(Instant.parse("2026-12-09T13:30:00Z")));
        assertThat(weeksLate.status()).isEqualTo(400);
        assertThat(weeksLate.json().path("reasonCode").asText()).isEqualTo("TIME_OUTSIDE_WINDOW");
        assertThat(fixture.send("get-booking.json", carrier, "PATH_BOOKING_ID", bookingId).json().path("status")
                .asText()).isEqualTo("BOOKED");
    }

    @Test
    void aShipperCancellingInsideTheWindowOwesTheTruckOrderedNotUsedFee() {
        // Sunday 14:00 Chicago: 17 hours before the pickup window opens, inside the 24-hour window.
        fixture.clock.set(Instant.parse("2026-11-22T20:00:00Z"));

        var cancelled = fixture.send("cancel-booking.json", shipper, "PATH_BOOKING_ID", bookingId, "REASON",
                "Plant shut for a power outage");

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("cancellation").path("atFault").asText()).isEqualTo("SHIPPER");
        assertThat(cancelled.json().path("cancellation").path("tonuFee").path("amountMinorUnits").asLong())
                .isEqualTo(25_000);
        var carrierReads = fixture.send("get-booking.json", carrier, "PATH_BOOKING_ID", bookingId);
        assertThat(carrierReads.json().path("cancellation").path("tonuFee").path("amountMinorUnits").asLong())
                .isEqualTo(25_000);
    }

    @Test
    void aShipperCancellingDaysAheadOwesNothing() {
        fixture.clock.advance(Duration.ofHours(1));

        var cancelled = fixture.send("cancel-booking.json", shipper, "PATH_BOOKING_ID", bookingId, "REASON",
                "Order moved to rail");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("cancellation").has("tonuFee")).isFalse();
        var listed = fixture.send("list-bookings.json", carrier);
        assertThat(listed.json().path("items")).extracting(item -> item.path("status").asText())
                .containsExactly("CANCELLED");
    }
}
