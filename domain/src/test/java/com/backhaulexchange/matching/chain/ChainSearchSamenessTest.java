package com.backhaulexchange.matching.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.matching.MatchingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;

/**
 * The faster chain search (each sequence priced once, package ids only for ties of surplus, miles measured once)
 * returns exactly what the search before it returned ({@link ChainSearchReference}): the same best chains in the
 * same order, the same nearest rejected ones with the same reasons, the same counts, on the random lanes of
 * {@link ChainPropertiesTest} at the sizes its properties use (9 and 400 loads), with tight bounds too.
 */
class ChainSearchSamenessTest {

    private static final MatchingConfig CONFIG = MatchingConfig.DEFAULT;
    private static final ChainSearch.Bounds TIGHT_CANDIDATES = new ChainSearch.Bounds(4, 100_000, 400);
    private static final ChainSearch.Bounds TIGHT_PREFIXES = new ChainSearch.Bounds(40, 60, 400);
    private static final ChainSearch.Bounds TIGHT_EVALUATIONS = new ChainSearch.Bounds(40, 100_000, 2);

    @Property(tries = 100)
    @Label("nine loads, every chain asked for: the same result as before")
    void nineLoads(@ForAll long seed) {
        assertSameResults(seed, 9, 10_000, ChainSearch.Bounds.DEFAULT, false);
    }

    @Property(tries = 20)
    @Label("a 400-load book, five chains asked for: the same result as before")
    void aLargeBook(@ForAll long seed) {
        assertSameResults(seed, 400, 5, ChainSearch.Bounds.DEFAULT, false);
    }

    @Property(tries = 40)
    @Label("each bound reached: the same result as before")
    void whenABoundIsReached(@ForAll long seed) {
        for (ChainSearch.Bounds bounds : List.of(TIGHT_CANDIDATES, TIGHT_PREFIXES, TIGHT_EVALUATIONS)) {
            assertSameResults(seed, 12, 5, bounds, false);
        }
    }

    @Property(tries = 60)
    @Label("some loads priced in another currency (those chains tie, last): the same result as before")
    void mixedCurrencies(@ForAll long seed) {
        assertSameResults(seed, 9, 10_000, ChainSearch.Bounds.DEFAULT, true);
    }

    @Property(tries = 60)
    @Label("a carrier priced in euros, few evaluations: every chain ties and the same ones are evaluated as before")
    void everyChainTied(@ForAll long seed) {
        var lanes = new ChainPropertiesTest.Lanes(seed);
        CapacityLane capacity = lanes.capacity();
        Money euros = Money.of(lanes.costPerMile().amountMinorUnits(), "EUR");
        ReloadPreferences preferences = lanes.preferences();
        List<LoadLane> loads = lanes.loads(12);

        for (ChainSearch.Bounds bounds : List.of(TIGHT_EVALUATIONS, new ChainSearch.Bounds(40, 100_000, 5))) {
            assertThat(new ChainSearch(CONFIG, preferences, bounds).search(capacity, euros, loads, 5))
                    .isEqualTo(new ChainSearchReference(CONFIG, preferences, bounds).search(capacity, euros, loads,
                            5));
        }
    }

    @Property(tries = 40)
    @Label("a new load completing or improving a lane's chains: the same opportunities as before")
    void aNewLoadsOpportunities(@ForAll long seed) {
        var lanes = new ChainPropertiesTest.Lanes(seed);
        CapacityLane capacity = lanes.capacity();
        Money cost = lanes.costPerMile();
        ReloadPreferences preferences = lanes.preferences();
        List<LoadLane> loads = lanes.loads(10);
        LoadLane newLoad = loads.get(1);
        var lane = new ChainSearch.LaneWithCandidates(capacity, cost, loads);

        assertThat(new ChainSearch(CONFIG, preferences, ChainSearch.Bounds.DEFAULT).completedBy(newLoad,
                List.of(lane), 5))
                .isEqualTo(new ChainSearchReference(CONFIG, preferences, ChainSearch.Bounds.DEFAULT)
                        .completedBy(newLoad, List.of(lane), 5));
    }

    @Example
    @Label("the comparison means something: the random lanes give chains and rejections")
    void theLanesGiveSomethingToCompare() {
        int chains = 0;
        int rejected = 0;
        for (long seed = 0; seed < 40; seed++) {
            var lanes = new ChainPropertiesTest.Lanes(seed);
            CapacityLane capacity = lanes.capacity();
            Money cost = lanes.costPerMile();
            ReloadPreferences preferences = lanes.preferences();
            var result = new ChainSearch(CONFIG, preferences, ChainSearch.Bounds.DEFAULT).search(capacity, cost,
                    lanes.loads(9), 10_000);
            chains += result.best().size();
            rejected += result.nearestRejected().size();
        }
        assertThat(chains).isGreaterThanOrEqualTo(20);
        assertThat(rejected).isGreaterThanOrEqualTo(20);
    }

    private static void assertSameResults(long seed, int loadCount, int limit, ChainSearch.Bounds bounds,
            boolean someInAnotherCurrency) {
        var lanes = new ChainPropertiesTest.Lanes(seed);
        CapacityLane capacity = lanes.capacity();
        Money cost = lanes.costPerMile();
        ReloadPreferences preferences = lanes.preferences();
        List<LoadLane> loads = lanes.loads(loadCount);
        if (someInAnotherCurrency) {
            loads = inEurosNowAndThen(loads, new Random(seed));
        }

        ChainSearch.Result faster = new ChainSearch(CONFIG, preferences, bounds).search(capacity, cost, loads,
                limit);
        ChainSearch.Result before = new ChainSearchReference(CONFIG, preferences, bounds).search(capacity, cost,
                loads, limit);

        assertThat(faster.stats()).isEqualTo(before.stats());
        assertThat(faster.best()).isEqualTo(before.best());
        assertThat(faster.nearestRejected()).isEqualTo(before.nearestRejected());
    }

    /** A third of the loads with a budget, the same amount in euros: their chains are priced in two currencies. */
    private static List<LoadLane> inEurosNowAndThen(List<LoadLane> loads, Random random) {
        List<LoadLane> mixed = new ArrayList<>();
        for (LoadLane load : loads) {
            boolean euros = load.budget() != null && random.nextInt(3) == 0;
            mixed.add(!euros ? load : new LoadLane(load.id(), load.shipper(), load.origin(), load.destination(),
                    load.pickupWindow(), load.deliveryWindow(), load.weightLbs(), load.pallets(), load.equipment(),
                    load.commodity(), Money.of(load.budget().amountMinorUnits(), "EUR"), LaneStatus.OPEN));
        }
        return mixed;
    }
}
