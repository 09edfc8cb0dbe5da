package com.backhaulexchange.settlement.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The axioms each rule is known to satisfy, on random games. */
class AllocationPropertiesTest {

    /** Linear-programme results agree to this, relative to the game's largest |v(S)|. */
    private static final double LP_RELATIVE_TOLERANCE = 1e-8;
    private static final Set<String> DOCUMENTED_REFUSALS = Set.of(AllocationRule.SHADOW_PRICES_NEED_A_MARKET,
            AllocationRule.NUCLEOLUS_NEEDS_IMPUTATIONS, AllocationRule.EQUAL_PROFIT_NEEDS_REFERENCE_VALUES,
            AllocationRule.PROPORTIONAL_NEEDS_NON_NEGATIVE_STAND_ALONE);

    /** A random game whose players gain nothing alone and whose coalitions are worth 0..range. */
    private static CooperativeGame zeroNormalised(Random random, int players, int range) {
        return CooperativeGame.of(players, mask -> Long.bitCount(mask) == 1 ? 0 : random.nextInt(range + 1));
    }

    private static double[] shares(AllocationRule rule, Game game) {
        return rule.allocate(game).orElseThrow().sharesArray();
    }

    @Property(tries = 150)
    @Label("every rule shares exactly v(N), or refuses with a documented reason")
    void everyRuleIsEfficientOrRefusesForAReason(
            @ForAll @IntRange(min = 1, max = 6) int players, @ForAll long seed) {
        Random random = new Random(seed);
        CooperativeGame game = random.nextBoolean() ? Games.random(random, players, 50)
                : zeroNormalised(random, players, 50);
        for (AllocationRule rule : AllocationRule.all()) {
            switch (rule.allocate(game)) {
                case AllocationOutcome.Allocated allocated -> {
                    double sum = allocated.allocation().shares().stream().mapToDouble(Double::doubleValue).sum();
                    assertThat(sum).as(rule.name()).isCloseTo(game.grandCoalitionValue(), within(1e-6));
                    assertThat(allocated.allocation().rule()).isEqualTo(rule.name());
                }
                case AllocationOutcome.Refused refused ->
                    assertThat(refused.reason().reasonCode()).as(rule.name()).isIn(DOCUMENTED_REFUSALS);
            }
        }
    }

    @Property(tries = 100)
    @Label("on games where players gain nothing alone, only shadow prices (no market) refuse")
    void zeroNormalisedGamesAreAllocatedByEveryRuleButShadowPrices(
            @ForAll @IntRange(min = 1, max = 6) int players, @ForAll long seed) {
        CooperativeGame game = zeroNormalised(new Random(seed), players, 50);
        for (AllocationRule rule : AllocationRule.all()) {
            boolean refused = rule.allocate(game) instanceof AllocationOutcome.Refused;
            assertThat(refused).as(rule.name()).isEqualTo(rule instanceof AllocationRule.ShadowPrices);
        }
    }

    @Property(tries = 100)
    @Label("relabelling two players swaps their shares (Shapley, nucleolus, proportional, equal split)")
    void relabellingPlayersSwapsTheirShares(
            @ForAll @IntRange(min = 2, max = 6) int players, @ForAll long seed) {
        Random random = new Random(seed);
        CooperativeGame game = Games.convex(random, players);
        int i = random.nextInt(players);
        int j = (i + 1 + random.nextInt(players - 1)) % players;
        CooperativeGame swapped = game.withPlayersSwapped(i, j);
        double tolerance = LP_RELATIVE_TOLERANCE * game.magnitude();
        for (AllocationRule rule : List.of(new AllocationRule.Shapley(), new AllocationRule.Nucleolus(),
                new AllocationRule.ProportionalToStandAlone(), new AllocationRule.EqualSplit())) {
            double[] original = shares(rule, game);
            double[] relabelled = shares(rule, swapped);
            for (int k = 0; k < players; k++) {
                int same = k == i ? j : k == j ? i : k;
                assertThat(relabelled[same]).as(rule.name()).isCloseTo(original[k], within(tolerance));
            }
        }
    }

    @Property(tries = 100)
    @Label("symmetric players get equal shares under Shapley and the nucleolus")
    void symmetricPlayersGetEqualShares(@ForAll @IntRange(min = 2, max = 6) int players, @ForAll long seed) {
        Random random = new Random(seed);
        CooperativeGame base = zeroNormalised(random, players, 40);
        int i = random.nextInt(players);
        int j = (i + 1 + random.nextInt(players - 1)) % players;
        CooperativeGame symmetric = CooperativeGame.of(players,
                mask -> base.value(mask) + base.value(CooperativeGame.swapBits(mask, i, j)));
        for (AllocationRule rule : List.of(new AllocationRule.Shapley(), new AllocationRule.Nucleolus())) {
            double[] shares = shares(rule, symmetric);
            assertThat(shares[i]).as(rule.name()).isCloseTo(shares[j],
                    within(LP_RELATIVE_TOLERANCE * symmetric.magnitude()));
        }
    }

    @Property(tries = 100)
    @Label("a dummy player gets exactly what it has alone under Shapley and the nucleolus")
    void aDummyGetsItsStandAloneValue(
            @ForAll @IntRange(min = 2, max = 6) int players, @ForAll @IntRange(min = 0, max = 30) int alone,
            @ForAll long seed) {
        Random random = new Random(seed);
        int dummy = random.nextInt(players);
        CooperativeGame others = Games.convex(random, players - 1);
        long dummyBit = 1L << dummy;
        CooperativeGame game = CooperativeGame.of(players, mask -> {
            long low = mask & (dummyBit - 1);
            long high = (mask >>> 1) & ~(dummyBit - 1);
            long without = low | high; // the mask over the other players, renumbered
            return (without == 0 ? 0 : others.value(without)) + ((mask & dummyBit) != 0 ? alone : 0);
        });
        assertThat(shares(new AllocationRule.Shapley(), game)[dummy]).isCloseTo(alone, within(1e-9));
        assertThat(shares(new AllocationRule.Nucleolus(), game)[dummy]).isCloseTo(alone,
                within(LP_RELATIVE_TOLERANCE * game.magnitude()));
    }

    @Property(tries = 100)
    @Label("Shapley is additive: φ(v + w) = φ(v) + φ(w)")
    void shapleyIsAdditive(@ForAll @IntRange(min = 1, max = 8) int players, @ForAll long seed) {
        Random random = new Random(seed);
        CooperativeGame v = Games.random(random, players, 100);
        CooperativeGame w = Games.random(random, players, 100);
        CooperativeGame sum = CooperativeGame.of(players, mask -> v.value(mask) + w.value(mask));
        double[] of = shares(new AllocationRule.Shapley(), sum);
        double[] ofV = shares(new AllocationRule.Shapley(), v);
        double[] ofW = shares(new AllocationRule.Shapley(), w);
        for (int i = 0; i < players; i++) {
            assertThat(of[i]).isCloseTo(ofV[i] + ofW[i], within(1e-9));
        }
    }

    @Property(tries = 200)
    @Label("shadow prices are in the core of every assignment market")
    void shadowPricesAreAlwaysInTheCore(
            @ForAll @IntRange(min = 1, max = 7) int players,
            @ForAll @IntRange(min = 0, max = 8) int capacityLanes,
            @ForAll @IntRange(min = 0, max = 8) int loadLanes,
            @ForAll long seed) {
        Random random = new Random(seed);
        AssignmentMarket market = Games.market(random, players, capacityLanes, loadLanes, random.nextDouble());

        Allocation prices = new AllocationRule.ShadowPrices().allocate(market).orElseThrow();
        CoreCheck check = CoreCheck.of(market, prices, 1e-9, 5);

        assertThat(check.inCore()).as("%s", check.blocking()).isTrue();
        assertThat(prices.grandCoalitionValue()).isEqualTo(market.tabulate().grandCoalitionValue());
    }

    @Property(tries = 40)
    @Label("the sampled Shapley value converges to the exact one, within a few standard errors")
    void sampledShapleyConvergesToTheExactValue(
            @ForAll @IntRange(min = 2, max = 9) int players, @ForAll long seed) {
        Random random = new Random(seed);
        CooperativeGame game = random.nextBoolean() ? Games.random(random, players, 100)
                : Games.convex(random, players);
        double[] exact = shares(new AllocationRule.Shapley(), game);

        Allocation rough = new AllocationRule.SampledShapley(100, seed).allocate(game).orElseThrow();
        Allocation fine = new AllocationRule.SampledShapley(10_000, seed).allocate(game).orElseThrow();

        for (int i = 0; i < players; i++) {
            double error = fine.standardErrors().get(i);
            assertThat(Math.abs(fine.share(i) - exact[i])).isLessThanOrEqualTo(5 * error + 1e-9);
            // σ/√m: a hundred times the orders, a tenth of the standard error (sample noise aside).
            assertThat(error).isLessThanOrEqualTo(rough.standardErrors().get(i) / 5 + 1e-12);
        }
    }

    @Property(tries = 100)
    @Label("in a convex game Shapley, the nucleolus and the equal profit method are all in the core")
    void convexGamesHaveShapleyAndNucleolusInTheCore(
            @ForAll @IntRange(min = 2, max = 7) int players, @ForAll long seed) {
        CooperativeGame game = Games.convex(new Random(seed), players);
        double tolerance = 1e-7 * game.magnitude();
        for (AllocationRule rule : List.of(new AllocationRule.Shapley(), new AllocationRule.Nucleolus(),
                new AllocationRule.EqualProfit(List.copyOf(java.util.Collections.nCopies(players, 1.0))))) {
            CoreCheck check = CoreCheck.of(game, rule.allocate(game).orElseThrow(), tolerance, 3);
            assertThat(check.inCore()).as("%s: %s", rule.name(), check.blocking()).isTrue();
        }
    }

    @Property(tries = 150)
    @Label("whenever the core is not empty, the nucleolus and the equal profit method lie in it")
    void nucleolusAndEqualProfitAreInANonEmptyCore(
            @ForAll @IntRange(min = 2, max = 6) int players, @ForAll long seed) {
        Random random = new Random(seed);
        CooperativeGame base = zeroNormalised(random, players, 30);
        // Lift v(N) by a random amount, so that some games have a core and some do not.
        double lift = random.nextInt(60);
        CooperativeGame game = CooperativeGame.of(players,
                mask -> mask == base.grandCoalition() ? base.value(mask) + lift : base.value(mask));
        double leastCore = EqualProfitMethod.leastCore(game, game.magnitude()) * game.magnitude();
        double tolerance = 1e-7 * game.magnitude();
        if (leastCore <= tolerance) {
            for (AllocationRule rule : List.of(new AllocationRule.Nucleolus(), new AllocationRule.EqualProfit())) {
                CoreCheck check = CoreCheck.of(game, rule.allocate(game).orElseThrow(), tolerance, 3);
                assertThat(check.inCore()).as("%s: %s", rule.name(), check.blocking()).isTrue();
            }
        } else {
            // The equal profit method then works in the least core: no coalition is more than ε* short. (The
            // nucleolus is kept to imputations, x_i ≥ v({i}), where the largest shortfall can exceed ε*.)
            Allocation allocation = new AllocationRule.EqualProfit().allocate(game).orElseThrow();
            CoreCheck check = CoreCheck.of(game, allocation, tolerance, 3);
            assertThat(check.inCore()).as("the core is empty").isFalse();
            assertThat(check.blocking().getFirst().gap()).isLessThanOrEqualTo(leastCore + tolerance);
            assertThat(allocation.remarks()).anySatisfy(remark -> assertThat(remark).contains("least core"));
        }
    }
}
