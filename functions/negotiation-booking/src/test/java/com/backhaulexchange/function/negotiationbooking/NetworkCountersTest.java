package com.backhaulexchange.function.negotiationbooking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.adapter.dynamodb.DynamoDbNetworkStore;
import com.backhaulexchange.deal.network.NetworkCounters;
import com.backhaulexchange.deal.network.NetworkEntry;
import com.backhaulexchange.deal.network.NetworkWeek;
import com.backhaulexchange.deal.outcome.DayLedger;
import com.backhaulexchange.deal.outcome.OutcomeFigures;
import com.backhaulexchange.deal.outcome.OutcomeRole;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchingRegion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The booking and the delivery ADD to the network counters in their own transactions (ADR 41): the booking in
 * the week it was made, the delivery in its UTC day's week, both in the region of the load's pickup; a repeated
 * delivery adds nothing; and the network's figures equal the sum over the two partners' outcome ledgers.
 */
class NetworkCountersTest {
    private static final long AGREED_CENTS = 200_000;

    @Test
    void aBookingAndItsDeliveryAddOnceAndReconcileWithThePartiesLedgers() {
        var fixture = new DealFixture();
        var carrier = fixture.carrier();
        var shipper = fixture.shipper();
        var deal = fixture.matched(carrier, shipper);
        String negotiation = fixture.offer(shipper, deal, AGREED_CENTS).json().path("negotiationId").asText();
        String bookingId = fixture.act("accept", carrier, negotiation).json().path("bookingId").asText();
        fixture.clock.set(Instant.parse("2026-11-23T13:45:00Z"));
        assertThat(fixture.send("record-pickup.json", carrier, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME",
                "2026-11-23T13:30:00Z").status()).isEqualTo(200);
        fixture.clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        for (int i = 0; i < 2; i++) {
            assertThat(fixture.send("record-delivery.json", carrier, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME",
                    "2026-11-24T15:10:00Z").status()).isEqualTo(200);
        }

        var network = new DynamoDbNetworkStore(fixture.dynamoDb, fixture.analyticsTable);
        List<NetworkEntry> entries = network.allRegions(NetworkWeek.parse("2026-W47"), NetworkWeek.parse("2026-W48"));
        MatchingRegion pickup = MatchingRegion.of(deal.load());
        assertThat(entries).allSatisfy(entry -> assertThat(entry.region()).isEqualTo(pickup));
        Map<String, NetworkCounters> byWeek = new HashMap<>();
        entries.forEach(entry -> byWeek.put(entry.week().toString(), entry.counters()));
        assertThat(byWeek.get("2026-W47").bookings()).as("booked on Friday 20 November").isEqualTo(1);
        NetworkCounters delivered = byWeek.get("2026-W48");
        assertThat(delivered.deliveries()).as("delivered on Tuesday 24 November, once").isEqualTo(1);
        assertThat(delivered.partners()).containsExactlyInAnyOrder(carrier.partner().id(), shipper.partner().id());

        LocalDate day = LocalDate.of(2026, 11, 24);
        OutcomeFigures carrierSide = only(fixture.deals.days(carrier.partner().id(), day, day)).totals()
                .get(OutcomeRole.CARRIER);
        OutcomeFigures shipperSide = only(fixture.deals.days(shipper.partner().id(), day, day)).totals()
                .get(OutcomeRole.SHIPPER);
        assertThat(delivered.loadedMiles()).isEqualTo(carrierSide.loadedMiles());
        assertThat(delivered.emptyMilesDriven()).isEqualTo(carrierSide.emptyMilesDriven());
        assertThat(delivered.baselineEmptyMiles()).isEqualTo(carrierSide.baselineEmptyMiles());
        assertThat(delivered.emptyMilesAvoided()).isEqualTo(carrierSide.emptyMilesAvoided());
        assertThat(delivered.surplusByCurrency().get("USD")).isEqualTo(
                carrierSide.surplusMinorUnits().get("USD") + shipperSide.surplusMinorUnits().get("USD"));
        assertThat(delivered.co2eAvoided().values().iterator().next().wellToWheel()).isCloseTo(
                carrierSide.co2eAvoided().values().iterator().next().wellToWheel(), within(1e-9));
    }

    @Test
    void aBookingOfARecommendedMatchFollowedThePlanAndOneOfAnotherMatchDidNot() {
        var fixture = new DealFixture();
        var carrier = fixture.carrier();
        var shipper = fixture.shipper();
        var recommended = fixture.matched(carrier, shipper);
        MatchingRegion pickup = MatchingRegion.of(recommended.load());
        assertThat(fixture.matches.recommend(recommended.match().id(),
                new Match.Recommendation(fixture.clock.instant(), pickup))).isTrue();
        var other = fixture.matched(carrier, shipper);
        for (var deal : List.of(recommended, other)) {
            String negotiation = fixture.offer(shipper, deal, AGREED_CENTS).json().path("negotiationId").asText();
            assertThat(fixture.act("accept", carrier, negotiation).status()).isEqualTo(200);
        }

        var week = new DynamoDbNetworkStore(fixture.dynamoDb, fixture.analyticsTable)
                .regions(List.of(pickup), NetworkWeek.parse("2026-W47"), NetworkWeek.parse("2026-W47"));
        NetworkCounters counters = week.getFirst().counters();
        assertThat(counters.bookings()).isEqualTo(2);
        assertThat(counters.plan().recommendedOptionsBooked()).isEqualTo(1);
        assertThat(counters.plan().recommendedLoadsBooked()).isEqualTo(1);
        assertThat(counters.plan().emptyMilesAvoidedBookedOfPlan())
                .isEqualTo(recommended.match().score().emptyMilesAvoided());
        assertThat(counters.plan().surplusBookedOfPlanByCurrency())
                .containsExactly(Map.entry("USD", recommended.match().score().surplus().amountMinorUnits()));
        assertThat(counters.shareOfBookingsFollowingPlan()).isEqualTo(0.5);
    }

    private static DayLedger only(List<DayLedger> days) {
        assertThat(days).hasSize(1);
        return days.getFirst();
    }
}
