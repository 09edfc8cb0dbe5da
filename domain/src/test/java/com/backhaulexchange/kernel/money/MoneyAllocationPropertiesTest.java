package com.backhaulexchange.kernel.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Properties of {@link Money#allocate}: whatever the amount and weights, nothing is lost or made up. */
class MoneyAllocationPropertiesTest {

    @Property(tries = 2000)
    @Label("the parts always sum exactly to the whole")
    void partsSumToTheWhole(
            @ForAll long amount,
            @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 1_000_000_000_000L) Long> weights) {
        Assume.that(weights.stream().anyMatch(weight -> weight > 0));

        List<Money> parts = Money.of(amount, "USD").allocate(weights);

        assertThat(parts).hasSameSizeAs(weights);
        BigInteger sum = parts.stream().map(part -> BigInteger.valueOf(part.amountMinorUnits()))
                .reduce(BigInteger.ZERO, BigInteger::add);
        assertThat(sum).isEqualTo(BigInteger.valueOf(amount));
    }

    @Property(tries = 2000)
    @Label("each part is its exact share rounded down or up by at most one minor unit, signed like the whole")
    void eachPartIsItsShareRoundedByLessThanOneUnit(
            @ForAll long amount,
            @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 1_000_000L) Long> weights) {
        long total = weights.stream().mapToLong(Long::longValue).sum();
        Assume.that(total > 0);

        List<Money> parts = Money.of(amount, "USD").allocate(weights);

        BigInteger magnitude = BigInteger.valueOf(amount).abs();
        for (int i = 0; i < weights.size(); i++) {
            BigInteger floor = magnitude.multiply(BigInteger.valueOf(weights.get(i)))
                    .divide(BigInteger.valueOf(total));
            BigInteger part = BigInteger.valueOf(parts.get(i).amountMinorUnits());
            assertThat(part.abs()).isBetween(floor, floor.add(BigInteger.ONE));
            if (weights.get(i) == 0) {
                assertThat(part).isEqualTo(BigInteger.ZERO);
            }
            assertThat(part.signum()).isIn(0, Long.signum(amount));
        }
    }

    @Property(tries = 3000)
    @Label("the leftover units go to the largest remainders, ties to the earlier part: the same parts whatever the size")
    void theLeftoverGoesToTheLargestRemaindersFirst(
            @ForAll long amount,
            @ForAll @Size(min = 1, max = 6) List<@LongRange(min = 0, max = 4_000_000_000L) Long> weights) {
        long total = weights.stream().mapToLong(Long::longValue).sum();
        Assume.that(total > 0);

        List<Money> parts = Money.of(amount, "USD").allocate(weights);

        // Reference in BigInteger: floors, then one more unit to each of the largest remainders, earlier first.
        BigInteger magnitude = BigInteger.valueOf(amount).abs();
        BigInteger[] floors = new BigInteger[weights.size()];
        BigInteger[] remainders = new BigInteger[weights.size()];
        BigInteger assigned = BigInteger.ZERO;
        for (int i = 0; i < weights.size(); i++) {
            BigInteger[] division = magnitude.multiply(BigInteger.valueOf(weights.get(i)))
                    .divideAndRemainder(BigInteger.valueOf(total));
            floors[i] = division[0];
            remainders[i] = division[1];
            assigned = assigned.add(floors[i]);
        }
        long leftover = magnitude.subtract(assigned).longValueExact();
        java.util.List<Integer> order = new java.util.ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> remainders[b].compareTo(remainders[a]));
        for (int i = 0; i < leftover; i++) {
            floors[order.get(i)] = floors[order.get(i)].add(BigInteger.ONE);
        }
        for (int i = 0; i < weights.size(); i++) {
            BigInteger expected = amount < 0 ? floors[i].negate() : floors[i];
            assertThat(BigInteger.valueOf(parts.get(i).amountMinorUnits())).as("part %d", i).isEqualTo(expected);
        }
    }
}
