package com.backhaulexchange.deal.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.matching.PlannedOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The optimiser's plan against what was booked (ADR 48) reconciles like every network figure: random plans and
 * bookings of recommended options in a few regions over a year, stored per region-week as the ADDs would sum
 * them; every total of the figures is the sum of its rows, and the shares are computed from the summed counters.
 */
class PlanAgainstBookedPropertiesTest {
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final List<MatchingRegion> REGIONS = List.of(MatchingRegion.parse("9v"),
            MatchingRegion.parse("dp"), MatchingRegion.parse("9y"));

    private static List<NetworkEntry> events(long seed, int count) {
        Random random = new Random(seed);
        List<NetworkEntry> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MatchingRegion region = REGIONS.get(random.nextInt(REGIONS.size()));
            Instant at = START.plus(random.nextInt(365 * 24), ChronoUnit.HOURS);
            List<PlannedOption> options = new ArrayList<>();
            for (int o = random.nextInt(4); o > 0; o--) {
                options.add(option(random));
            }
            events.add(random.nextBoolean() ? NetworkActivity.planned(region, at, options)
                    : NetworkActivity.bookedOfPlan(new Match.Recommendation(at.minusSeconds(3_600), region),
                            option(random), at));
        }
        return events;
    }

    private static PlannedOption option(Random random) {
        boolean reloadPackage = random.nextInt(4) == 0;
        return new PlannedOption(reloadPackage, reloadPackage ? 2 + random.nextInt(2) : 1,
                random.nextDouble() * 400, random.nextInt(5) == 0 ? Money.of(random.nextInt(90_000), "CAD")
                        : Money.of(random.nextInt(200_000), "USD"));
    }

    private static List<NetworkEntry> stored(List<NetworkEntry> events) {
        Map<String, NetworkEntry> items = new HashMap<>();
        for (NetworkEntry entry : events) {
            items.merge(entry.region() + "/" + entry.week(), entry, (a, b) ->
                    new NetworkEntry(a.region(), a.week(), a.counters().plus(b.counters())));
        }
        return List.copyOf(items.values());
    }

    @Property(tries = 50)
    @Label("every plan-against-booked total is the sum of its rows, and of the events")
    void totalsAreTheSumsOfTheRows(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int count) {
        List<NetworkEntry> events = events(seed, count);
        NetworkFigures figures = NetworkFigures.of(NetworkWeek.parse("2026-W01"), NetworkWeek.parse("2027-W52"),
                stored(events));

        PlanCounters ofRows = figures.rows().stream().map(row -> row.counters().plan())
                .reduce(PlanCounters.ZERO, PlanCounters::plus);
        PlanCounters ofRegions = figures.byRegion().values().stream().map(NetworkCounters::plan)
                .reduce(PlanCounters.ZERO, PlanCounters::plus);
        PlanCounters ofEvents = events.stream().map(event -> event.counters().plan())
                .reduce(PlanCounters.ZERO, PlanCounters::plus);
        for (PlanCounters sum : List.of(ofRows, ofRegions, ofEvents)) {
            PlanCounters total = figures.total().plan();
            assertThat(sum.plansStored()).isEqualTo(total.plansStored());
            assertThat(sum.optionsRecommended()).isEqualTo(total.optionsRecommended());
            assertThat(sum.packagesRecommended()).isEqualTo(total.packagesRecommended());
            assertThat(sum.loadsRecommended()).isEqualTo(total.loadsRecommended());
            assertThat(sum.emptyMilesAvoidedPlanned()).isCloseTo(total.emptyMilesAvoidedPlanned(), within(1e-6));
            assertThat(sum.surplusPlannedByCurrency()).isEqualTo(total.surplusPlannedByCurrency());
            assertThat(sum.recommendedOptionsBooked()).isEqualTo(total.recommendedOptionsBooked());
            assertThat(sum.recommendedLoadsBooked()).isEqualTo(total.recommendedLoadsBooked());
            assertThat(sum.emptyMilesAvoidedBookedOfPlan())
                    .isCloseTo(total.emptyMilesAvoidedBookedOfPlan(), within(1e-6));
            assertThat(sum.surplusBookedOfPlanByCurrency()).isEqualTo(total.surplusBookedOfPlanByCurrency());
        }
        PlanCounters total = figures.total().plan();
        if (total.optionsRecommended() == 0) {
            assertThat(total.shareOfPlanBooked()).isNull();
        } else {
            assertThat(total.shareOfPlanBooked())
                    .isEqualTo((double) total.recommendedOptionsBooked() / total.optionsRecommended());
        }
    }

    @Test
    void aPlanCountsItsOptionsInItsRegionAndWeek() {
        var entry = NetworkActivity.planned(MatchingRegion.parse("9v"), Instant.parse("2026-03-04T10:00:00Z"),
                List.of(new PlannedOption(false, 1, 120.5, Money.of(30_000, "USD")),
                        new PlannedOption(true, 3, 200, Money.of(50_000, "USD"))));

        assertThat(entry.week()).isEqualTo(NetworkWeek.parse("2026-W10"));
        PlanCounters plan = entry.counters().plan();
        assertThat(plan.plansStored()).isEqualTo(1);
        assertThat(plan.optionsRecommended()).isEqualTo(2);
        assertThat(plan.pairsRecommended()).isEqualTo(1);
        assertThat(plan.packagesRecommended()).isEqualTo(1);
        assertThat(plan.loadsRecommended()).isEqualTo(4);
        assertThat(plan.emptyMilesAvoidedPlanned()).isEqualTo(320.5);
        assertThat(plan.surplusPlannedByCurrency()).containsExactly(Map.entry("USD", 80_000L));
        assertThat(entry.counters().bookings()).isZero();
    }

    @Test
    void aBookingOfARecommendedOptionCountsInTheRecommendingRegionAndFollowsThePlan() {
        var recommendation = new Match.Recommendation(Instant.parse("2026-03-04T10:00:00Z"),
                MatchingRegion.parse("9v"));
        Instant bookedAt = Instant.parse("2026-03-05T08:00:00Z");
        var followed = NetworkActivity.bookedOfPlan(recommendation,
                new PlannedOption(false, 1, 120.5, Money.of(30_000, "USD")), bookedAt);
        var booking = new NetworkCounters(0, 0, 0, 0, 1, 0, 0, 0, 0, 0, Map.of(), Map.of(), Set.of());

        NetworkCounters week = booking.plus(followed.counters());

        assertThat(followed.region()).isEqualTo(MatchingRegion.parse("9v"));
        assertThat(followed.week()).isEqualTo(NetworkWeek.parse("2026-W10"));
        assertThat(week.plan().recommendedOptionsBooked()).isEqualTo(1);
        assertThat(week.plan().surplusBookedOfPlanByCurrency()).containsExactly(Map.entry("USD", 30_000L));
        assertThat(week.shareOfBookingsFollowingPlan()).isEqualTo(1.0);
        assertThat(NetworkCounters.ZERO.shareOfBookingsFollowingPlan()).isNull();
    }
}
