package com.backhaulexchange.matching.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The faster set packing (options ordered by primitive keys, loads read without copying) chooses exactly what it
 * chose before ({@link SetPackingReference}): the same options in the same order, the same surplus and bound, for
 * greedy, the Lagrangian with and without a start, and swaps. Surpluses from a narrow range make many ties, so the
 * order of equal values (by index) is exercised too.
 */
class SetPackingSamenessTest {

    @Property(tries = 300)
    @Label("small random instances, many ties: the same choices as before")
    void smallInstances(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int trucks,
            @ForAll @IntRange(min = 1, max = 30) int loads, @ForAll @IntRange(min = 1, max = 200) int options,
            @ForAll @IntRange(min = 0, max = 60) int maxSurplus) {
        assertSameChoices(SelectionOracles.random(new Random(seed), trucks, loads, options, maxSurplus), trucks,
                loads);
    }

    @Property(tries = 10)
    @Label("instances of thousands of options: the same choices as before")
    void largerInstances(@ForAll long seed) {
        assertSameChoices(SelectionOracles.random(new Random(seed), 400, 400, 6_000, 100_000), 400, 400);
    }

    private static void assertSameChoices(List<PackingOption> options, int trucks, int loads) {
        var faster = new SetPacking(options, trucks, loads);
        var before = new SetPackingReference(options, trucks, loads);

        assertSame(faster.greedy(), before.greedy());
        assertSame(faster.lagrangian(300, 5), before.lagrangian(300, 5));
        List<PackingOption> pairwise = SelectionOracles.pairwiseOptimum(options, trucks, loads);
        assertSame(faster.lagrangian(100, 2, pairwise), before.lagrangian(100, 2, pairwise));
        List<PackingOption> greedy = before.greedy().chosen();
        assertThat(faster.swaps(greedy, 3)).isEqualTo(before.swaps(greedy, 3));
    }

    private static void assertSame(SetPacking.Result faster, SetPacking.Result before) {
        assertThat(faster.chosen()).isEqualTo(before.chosen());
        assertThat(faster.surplus()).isEqualTo(before.surplus());
        // To the bit (greedy's bound is NaN, which equals nothing as a double).
        assertThat(Double.doubleToLongBits(faster.upperBound()))
                .isEqualTo(Double.doubleToLongBits(before.upperBound()));
        assertThat(faster.status()).isEqualTo(before.status());
    }
}
