package com.backhaulexchange.deal.outcome;

import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER_PARTY;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.NOW;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.SHIPPER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.changed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.negotiation.AccessorialTerms;
import com.backhaulexchange.deal.negotiation.AutoAcceptPrices;
import com.backhaulexchange.deal.negotiation.Negotiation;
import com.backhaulexchange.deal.negotiation.NegotiationExamples;
import com.backhaulexchange.deal.negotiation.NegotiationRules;
import com.backhaulexchange.deal.negotiation.OfferTerms;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.emissions.EmissionsMethod;
import com.backhaulexchange.kernel.policy.InvalidInputException;
import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.matching.Match;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example match (100 empty miles in, 600 loaded, 100 empty out, against 600 empty home; the shipper's
 * budget USD 1,500, the carrier's 200 out-of-route miles at USD 2.15 = USD 430) booked at USD 1,200 and
 * delivered: figures worked out by hand.
 */
class DeliveredOutcomeTest {
    static final Match MATCH = NegotiationExamples.match();
    static final Instant DELIVERED_AT = Instant.parse("2026-11-24T22:30:00Z");
    static final LanePair LANE_PAIR = new LanePair("US-TX", "US-MO");

    static Booking delivered(Double actualMiles) {
        var terms = new OfferTerms(NegotiationExamples.usd(120_000), AccessorialTerms.usualUsd(),
                NOW.plusSeconds(3_600), null);
        Negotiation opened = changed(Negotiation.open(NegotiationExamples.NEGOTIATION_ID, MATCH, Side.SHIPPER,
                NegotiationExamples.SHIPPER_PARTY, terms, AutoAcceptPrices.NONE, NegotiationRules.DEFAULT, NOW));
        Negotiation agreed = changed(opened.accept(Side.CARRIER, CARRIER_PARTY, NOW.plusSeconds(60)));
        Booking booked = changed(Booking.book(new BookingId("01JDBKNG000000000000000001"), agreed,
                LaneExamples.load(), NOW.plusSeconds(61)));
        Booking pickedUp = changed(booked.recordPickup(CARRIER, DELIVERED_AT.minus(Duration.ofHours(10)),
                LaneExamples.load(), DELIVERED_AT));
        return changed(pickedUp.recordDelivery(CARRIER, DELIVERED_AT, actualMiles, LaneExamples.load(),
                DELIVERED_AT.plusSeconds(60)));
    }

    @Test
    void aMatchFiguredWithTheCarriersFleetFuelEconomyIsCountedWithItsOwnFigureForBothParties() {
        var e = MATCH.explanation();
        var own = com.backhaulexchange.emissions.EmissionsCalculator.DEFAULT.avoidedAgainstRunHome(
                e.baselineEmptyMiles(), List.of(e.originDeadheadMiles(), e.destinationDeadheadMiles()),
                java.util.Optional.of(com.backhaulexchange.emissions.FleetFuelEconomy.byLoad(
                        com.backhaulexchange.emissions.Fuel.DIESEL, 7.2, 5.4)));
        var explanation = new com.backhaulexchange.matching.MatchExplanation(e.capacityLaneId(), e.loadLaneId(),
                e.miles(), own, e.economics(), e.schedule(), e.drivePlan());

        DeliveredOutcome outcome = DeliveredOutcome.of(delivered(null), explanation, LANE_PAIR);

        // 400 empty miles avoided at the fleet's 7.2 mpg empty, not the default truck's 8.1.
        for (LedgerEntry entry : outcome.entries()) {
            assertThat(entry.figures().co2eAvoided()).containsOnlyKeys(EmissionsMethod.DEFAULT);
            assertThat(entry.figures().co2eAvoided().get(EmissionsMethod.DEFAULT).wellToWheel())
                    .isCloseTo(400 / 7.2 * 12.65, within(1e-6));
        }
    }

    @Test
    void theCarrierIsCreditedTheEmptyMilesItAvoidedAndWhatItEarned() {
        DeliveredOutcome outcome = DeliveredOutcome.of(delivered(null), MATCH.explanation(), LANE_PAIR);

        LedgerEntry carrier = outcome.carrier();
        assertThat(carrier.partner()).isEqualTo(CARRIER);
        assertThat(carrier.counterparty()).isEqualTo(SHIPPER);
        assertThat(carrier.role()).isEqualTo(OutcomeRole.CARRIER);
        assertThat(carrier.day()).isEqualTo(LocalDate.of(2026, 11, 24));
        OutcomeFigures figures = carrier.figures();
        assertThat(figures.bookings()).isEqualTo(1);
        assertThat(figures.loadsMoved()).isEqualTo(1);
        assertThat(figures.loadedMiles()).isCloseTo(600, within(1e-6));
        assertThat(figures.emptyMilesDriven()).isCloseTo(200, within(1e-6));
        assertThat(figures.baselineEmptyMiles()).isCloseTo(600, within(1e-6));
        assertThat(figures.emptyMilesAvoided()).isCloseTo(400, within(1e-6));
        // USD 1,200 agreed − USD 430 incremental cost
        assertThat(figures.surplusMinorUnits()).isEqualTo(Map.of("USD", 77_000L));
        // 400 empty miles ÷ 8.1 mpg × 12.65 kg CO₂e per gallon (10.2 of it tank-to-wheel)
        Co2eKg kg = figures.co2eAvoided().get(new EmissionsMethod("GLEC-NA-2019+DESNZ-2024", "bhx-default-1"));
        assertThat(kg.wellToWheel()).isCloseTo(624.691, within(1e-3));
        assertThat(kg.tankToWheel()).isCloseTo(503.704, within(1e-3));
        // before: 600 empty beside 600 loaded = 50 %; after: 200 empty beside 600 loaded = 25 %
        assertThat(figures.deadheadShareBefore()).isCloseTo(0.5, within(1e-9));
        assertThat(figures.deadheadShareAfter()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void theShipperIsCreditedItsSavingAndItsLoadsCo2eButNoTruckMiles() {
        OutcomeFigures figures = DeliveredOutcome.of(delivered(null), MATCH.explanation(), LANE_PAIR).shipper()
                .figures();

        assertThat(figures.loadsMoved()).isEqualTo(1);
        assertThat(figures.loadedMiles()).isCloseTo(600, within(1e-6));
        assertThat(figures.emptyMilesDriven()).isZero();
        assertThat(figures.emptyMilesAvoided()).isZero();
        // USD 1,500 budget − USD 1,200 agreed
        assertThat(figures.surplusMinorUnits()).isEqualTo(Map.of("USD", 30_000L));
        assertThat(figures.deadheadShareBefore()).isNull();
        assertThat(figures.co2eAvoided().values()).singleElement()
                .satisfies(kg -> assertThat(kg.wellToWheel()).isCloseTo(624.691, within(1e-3)));
    }

    @Test
    void theActualLoadedMilesOfTheDeliveryReplaceThePlannedOnes() {
        OutcomeFigures figures = DeliveredOutcome.of(delivered(612.5), MATCH.explanation(), LANE_PAIR).carrier()
                .figures();

        assertThat(figures.loadedMiles()).isEqualTo(612.5);
        assertThat(figures.emptyMilesAvoided()).isCloseTo(400, within(1e-6));
    }

    @Test
    void onlyADeliveredBookingHasAnOutcome() {
        Booking delivered = delivered(null);
        Booking notYet = new Booking(delivered.id(), delivered.negotiationId(), delivered.matchId(),
                delivered.capacityLaneId(), delivered.loadLaneId(), delivered.carrier(), delivered.shipper(),
                delivered.agreedAmount(), delivered.accessorials(), delivered.pickupWindowOpensAt(),
                com.backhaulexchange.deal.booking.BookingStatus.PICKED_UP, delivered.pickup(), null, null,
                delivered.history());

        assertThatThrownBy(() -> DeliveredOutcome.of(notYet, MATCH.explanation(), LANE_PAIR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReportCoversAtMost366DaysAndEndsNoEarlierThanItStarts() {
        LocalDate first = LocalDate.of(2026, 1, 1);
        assertThat(new OutcomeQuery(first, first.plusDays(365), OutcomeQuery.Granularity.DAY).days()).isEqualTo(366);
        assertThatThrownBy(() -> new OutcomeQuery(first, first.plusDays(366), OutcomeQuery.Granularity.DAY))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting("field")
                        .containsExactly("/to"));
        assertThatThrownBy(() -> new OutcomeQuery(first, first.minusDays(1), OutcomeQuery.Granularity.DAY))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void weeksAreIsoWeeksAndMonthsCalendarMonthsClippedToTheRange() {
        // Thursday 2026-01-01 to Tuesday 2026-02-10
        var query = new OutcomeQuery(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 10),
                OutcomeQuery.Granularity.WEEK);
        List<OutcomeReport.Period> weeks = OutcomeReport.periods(query);
        assertThat(weeks.getFirst().start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(weeks.getFirst().end()).isEqualTo(LocalDate.of(2026, 1, 4));
        assertThat(weeks.get(1).start()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(weeks.getLast().start()).isEqualTo(LocalDate.of(2026, 2, 9));
        assertThat(weeks.getLast().end()).isEqualTo(LocalDate.of(2026, 2, 10));
        assertThat(weeks).hasSize(7);

        List<OutcomeReport.Period> months = OutcomeReport.periods(new OutcomeQuery(query.from(), query.to(),
                OutcomeQuery.Granularity.MONTH));
        assertThat(months).extracting(OutcomeReport.Period::end)
                .containsExactly(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 10));
    }
}
