package com.backhaulexchange.deal.booking;

import static com.backhaulexchange.deal.booking.BookingExamples.booked;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.SHIPPER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.STRANGER_ID;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.changed;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.deal.negotiation.Outcome;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (status × command × actor) of a booking and its exact outcome: {@code →STATUS}, {@code =}
 * (idempotent repeat) or {@code !REASON}. SAME commands repeat the data the state already holds (pickup
 * Monday 09:00; delivery Tuesday 10:00 with 610 miles; cancelled by the shipper, "plant closed"); OTHER
 * commands carry different data. A stranger is told nothing exists, whatever the state.
 */
class BookingTransitionTableTest {

    static final Instant PICKED_UP_AT = LaneExamples.at(0, 9, 0);
    static final Instant OTHER_PICKUP = LaneExamples.at(0, 9, 30);
    static final Instant DELIVERED_AT = LaneExamples.at(1, 10, 0);
    static final Instant OTHER_DELIVERY = LaneExamples.at(1, 11, 0);
    static final Instant NOW = LaneExamples.at(1, 20, 0);
    static final String REASON = "plant closed";

    enum Command { PICKUP_SAME, PICKUP_OTHER, DELIVERY_SAME, DELIVERY_OTHER, CANCEL_SAME, CANCEL_OTHER }

    /** status, command, by the carrier, by the shipper. */
    static final String[][] TABLE = {
        {"BOOKED", "PICKUP_SAME", "→PICKED_UP", "!WRONG_PARTY"},
        {"BOOKED", "PICKUP_OTHER", "→PICKED_UP", "!WRONG_PARTY"},
        {"BOOKED", "DELIVERY_SAME", "!NOT_PICKED_UP", "!WRONG_PARTY"},
        {"BOOKED", "DELIVERY_OTHER", "!NOT_PICKED_UP", "!WRONG_PARTY"},
        {"BOOKED", "CANCEL_SAME", "→CANCELLED", "→CANCELLED"},
        {"BOOKED", "CANCEL_OTHER", "→CANCELLED", "→CANCELLED"},
        {"PICKED_UP", "PICKUP_SAME", "=", "!WRONG_PARTY"},
        {"PICKED_UP", "PICKUP_OTHER", "!PICKUP_ALREADY_RECORDED", "!WRONG_PARTY"},
        {"PICKED_UP", "DELIVERY_SAME", "→DELIVERED", "!WRONG_PARTY"},
        {"PICKED_UP", "DELIVERY_OTHER", "→DELIVERED", "!WRONG_PARTY"},
        {"PICKED_UP", "CANCEL_SAME", "!ALREADY_PICKED_UP", "!ALREADY_PICKED_UP"},
        {"PICKED_UP", "CANCEL_OTHER", "!ALREADY_PICKED_UP", "!ALREADY_PICKED_UP"},
        {"DELIVERED", "PICKUP_SAME", "=", "!WRONG_PARTY"},
        {"DELIVERED", "PICKUP_OTHER", "!PICKUP_ALREADY_RECORDED", "!WRONG_PARTY"},
        {"DELIVERED", "DELIVERY_SAME", "=", "!WRONG_PARTY"},
        {"DELIVERED", "DELIVERY_OTHER", "!DELIVERY_ALREADY_RECORDED", "!WRONG_PARTY"},
        {"DELIVERED", "CANCEL_SAME", "!ALREADY_DELIVERED", "!ALREADY_DELIVERED"},
        {"DELIVERED", "CANCEL_OTHER", "!ALREADY_DELIVERED", "!ALREADY_DELIVERED"},
        {"CANCELLED", "PICKUP_SAME", "!BOOKING_CANCELLED", "!WRONG_PARTY"},
        {"CANCELLED", "PICKUP_OTHER", "!BOOKING_CANCELLED", "!WRONG_PARTY"},
        {"CANCELLED", "DELIVERY_SAME", "!BOOKING_CANCELLED", "!WRONG_PARTY"},
        {"CANCELLED", "DELIVERY_OTHER", "!BOOKING_CANCELLED", "!WRONG_PARTY"},
        // The shipper cancelled: the carrier cancelling is another cancellation, not a repeat.
        {"CANCELLED", "CANCEL_SAME", "!ALREADY_CANCELLED", "="},
        {"CANCELLED", "CANCEL_OTHER", "!ALREADY_CANCELLED", "!ALREADY_CANCELLED"},
    };

    static Stream<Arguments> everyStatusCommandAndActor() {
        List<Arguments> cases = new ArrayList<>();
        for (String[] row : TABLE) {
            BookingStatus status = BookingStatus.valueOf(row[0]);
            Command command = Command.valueOf(row[1]);
            cases.add(Arguments.of(status, command, "CARRIER", row[2]));
            cases.add(Arguments.of(status, command, "SHIPPER", row[3]));
            cases.add(Arguments.of(status, command, "STRANGER", "!NOT_A_PARTY"));
        }
        return cases.stream();
    }

    @Test
    void theTableHasEveryStatusAndCommandOnce() {
        assertThat(Stream.of(TABLE).map(row -> row[0] + row[1]).distinct())
                .hasSize(BookingStatus.values().length * Command.values().length).hasSize(TABLE.length);
    }

    @ParameterizedTest(name = "{0} {1} by {2}: {3}")
    @MethodSource("everyStatusCommandAndActor")
    void everyTransitionHasExactlyItsOutcome(BookingStatus status, Command command, String actor, String expected) {
        Booking before = bookingIn(status);
        assertThat(before.status()).isEqualTo(status);
        PartnerId by = switch (actor) {
            case "CARRIER" -> CARRIER;
            case "SHIPPER" -> SHIPPER;
            default -> STRANGER_ID;
        };

        var outcome = switch (command) {
            case PICKUP_SAME -> before.recordPickup(by, PICKED_UP_AT, LaneExamples.load(), NOW);
            case PICKUP_OTHER -> before.recordPickup(by, OTHER_PICKUP, LaneExamples.load(), NOW);
            case DELIVERY_SAME -> before.recordDelivery(by, DELIVERED_AT, 610.0, LaneExamples.load(), NOW);
            case DELIVERY_OTHER -> before.recordDelivery(by, OTHER_DELIVERY, null, LaneExamples.load(), NOW);
            case CANCEL_SAME -> before.cancel(by, REASON, NOW);
            case CANCEL_OTHER -> before.cancel(by, "truck broke down", NOW);
        };

        String described = switch (outcome) {
            case Outcome.Changed<Booking, BookingEvent> changed -> {
                assertThat(changed.state().history()).startsWith(before.history().toArray(BookingEvent[]::new))
                        .hasSize(before.history().size() + 1);
                yield "→" + changed.state().status();
            }
            case Outcome.Unchanged<Booking, BookingEvent> unchanged -> {
                assertThat(unchanged.state()).isSameAs(before);
                yield "=";
            }
            case Outcome.Refused<Booking, BookingEvent> refused -> "!" + refused.reason();
        };
        assertThat(described).isEqualTo(expected);
    }

    static Booking bookingIn(BookingStatus status) {
        Booking booked = booked();
        return switch (status) {
            case BOOKED -> booked;
            case PICKED_UP -> changed(booked.recordPickup(CARRIER, PICKED_UP_AT, LaneExamples.load(), PICKED_UP_AT));
            case DELIVERED -> changed(changed(booked.recordPickup(CARRIER, PICKED_UP_AT, LaneExamples.load(), PICKED_UP_AT))
                    .recordDelivery(CARRIER, DELIVERED_AT, 610.0, LaneExamples.load(), DELIVERED_AT));
            case CANCELLED -> changed(booked.cancel(SHIPPER, REASON, LaneExamples.NOW));
        };
    }
}
