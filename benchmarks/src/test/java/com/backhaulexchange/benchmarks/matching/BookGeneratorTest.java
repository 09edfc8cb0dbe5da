package com.backhaulexchange.benchmarks.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.lane.LanePostingPolicies;
import com.backhaulexchange.lane.PostedLane;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BookGeneratorTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final UsCities CITIES = UsCities.bundled();

    @Test
    void halfCapacityHalfLoadsWithTheEventsApart() {
        var book = new BookGenerator(CITIES, NOW, 7).generate(1_000, 50);

        assertThat(book.lanes()).hasSize(1_000);
        assertThat(book.capacities()).hasSize(500);
        assertThat(book.loads()).hasSize(500);
        assertThat(book.events()).hasSize(50);
        assertThat(book.events().stream().filter(PostedLane.Load.class::isInstance)).hasSize(25);
    }

    @Test
    void everyLaneIsOneTheLanePostingFunctionWouldAccept() {
        var book = new BookGenerator(CITIES, NOW, 11).generate(2_000, 0);

        for (PostedLane lane : book.lanes()) {
            var rejections = switch (lane) {
                case PostedLane.Capacity capacity -> LanePostingPolicies.rejections(capacity.lane(), NOW);
                case PostedLane.Load load -> LanePostingPolicies.rejections(load.lane(), NOW);
            };
            assertThat(rejections).as(lane.toString()).isEmpty();
            assertThat(lane.isOpenForMatchingAt(NOW)).isTrue();
        }
    }

    @Test
    void theSameSeedGivesTheSameBook() {
        var first = new BookGenerator(CITIES, NOW, 3).generate(200, 10);
        var second = new BookGenerator(CITIES, NOW, 3).generate(200, 10);

        assertThat(first).isEqualTo(second);
    }

    @Test
    void citiesAreDrawnByPopulation() {
        var random = new java.util.Random(1);
        long newYork = 0;
        for (int i = 0; i < 20_000; i++) {
            if (CITIES.drawByPopulation(random).name().equals("New York City")) {
                newYork++;
            }
        }
        // New York City is some 8 M of the roughly 100 M people in the bundled cities.
        assertThat(newYork).isBetween(1_000L, 2_400L);
    }

    @Test
    void percentilesAreNearestRank() {
        double[] sample = {5, 1, 4, 2, 3};
        assertThat(Percentiles.median(sample)).isEqualTo(3);
        assertThat(Percentiles.of(sample, 95)).isEqualTo(5);
        assertThat(Percentiles.of(new double[] {1, 2, 3, 4}, 50)).isEqualTo(2);
        assertThat(Percentiles.median(new double[] {1, 2, 3, 4})).isEqualTo(2.5);
    }
}
