package com.backhaulexchange.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.demo.CapabilityShowcase.Fate;
import com.backhaulexchange.localstack.demo.CapabilityShowcase.Move;
import com.backhaulexchange.localstack.demo.CapabilityShowcase.Plan;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The showcase's plan: what the seed decides before any call (the calls themselves: DemoStartTest). */
class CapabilityShowcaseTest {
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9/");

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnotherOne() {
        assertThat(plan(20_261_123L)).isEqualTo(plan(20_261_123L));
        assertThat(plan(20_261_123L)).isNotEqualTo(plan(7));
    }

    @Test
    void everyStateOnceTwoDeliveriesAndEachLoadOnItsOwnTrucksWay() {
        for (long seed : List.of(20_261_123L, 1L, 2L, 3L, 4L, 5L)) {
            Plan plan = plan(seed);
            assertThat(plan.moves()).extracting(Move::fate).containsExactly(Fate.DELIVERED, Fate.DELIVERED,
                    Fate.PICKED_UP, Fate.BOOKED, Fate.CANCELLED, Fate.NEGOTIATION_OPEN, Fate.NEGOTIATION_COUNTERED);
            assertThat(plan.moves()).extracting(Move::shipper).containsOnly(0, 1).contains(0, 1);
            for (Move move : plan.moves()) {
                assertThat(move.tomorrow()).as("only the negotiations are picked up tomorrow")
                        .isEqualTo(!move.fate().booked());
                assertThat(move.destination()).isEqualTo(plan.home());
                assertThat(move.origin().greatCircleMilesTo(plan.home())).isBetween(250.0, 600.0);
                assertThat(move.openingPercent()).isBetween(78, 86);
                for (Move other : plan.moves()) {
                    if (other != move) {
                        assertThat(move.origin().greatCircleMilesTo(other.origin()))
                                .as("no truck is within reach of another move's load").isGreaterThanOrEqualTo(120);
                    }
                }
            }
        }
    }

    @Test
    void theRoundTripTurnsADaysDriveFromHomeOutOfReachOfTheMovesTrucks() {
        for (long seed : List.of(20_261_123L, 1L, 2L, 3L, 4L, 5L)) {
            Plan plan = plan(seed);
            CapabilityShowcase.Tour tour = plan.tour();
            assertThat(tour.turnaround().greatCircleMilesTo(plan.home())).isBetween(150.0, 300.0);
            for (Move move : plan.moves()) {
                assertThat(tour.turnaround().greatCircleMilesTo(move.origin()))
                        .as("no truck of a move takes the return load").isGreaterThanOrEqualTo(120);
            }
            assertThat(tour.outboundBudget()).isPositive();
            assertThat(tour.returnBudget()).isPositive();
        }
    }

    private static Plan plan(long seed) {
        return new CapabilityShowcase(NOWHERE, new Random(seed), Clock.systemUTC(), null).plan();
    }
}
