package com.backhaulexchange.kernel.money;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An amount of money as integer minor units (cents for USD) in an ISO 4217 currency.
 * Never floating point: every split rounds so that the parts sum exactly to the whole.
 */
public record Money(long amountMinorUnits, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("currency " + currency + " has no minor unit (pseudo-currency)");
        }
    }

    public static Money of(long amountMinorUnits, String currencyCode) {
        return new Money(amountMinorUnits, Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amountMinorUnits, other.amountMinorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(amountMinorUnits, other.amountMinorUnits), currency);
    }

    public boolean isNegative() {
        return amountMinorUnits < 0;
    }

    /**
     * Splits this amount in proportion to non-negative weights using the largest-remainder method:
     * each part is the floor of its exact share, and the leftover minor units go one each to the
     * parts with the largest remainders (ties to the earliest). The parts always sum to this amount.
     */
    public List<Money> allocate(List<Long> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("cannot allocate over no parts");
        }
        long totalWeight = 0;
        for (long weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("weights must be non-negative");
            }
            totalWeight = Math.addExact(totalWeight, weight);
        }
        if (totalWeight == 0) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
        if (amountMinorUnits != Long.MIN_VALUE && productsFitInALong(Math.abs(amountMinorUnits), weights)) {
            return allocateInLongs(Math.abs(amountMinorUnits), weights, totalWeight);
        }
        var magnitude = java.math.BigInteger.valueOf(amountMinorUnits).abs();
        var total = java.math.BigInteger.valueOf(totalWeight);
        // Magnitudes stay BigInteger until the sign is back on: |Long.MIN_VALUE| does not fit in a long.
        java.math.BigInteger[] parts = new java.math.BigInteger[weights.size()];
        long[] remainders = new long[weights.size()];
        var assigned = java.math.BigInteger.ZERO;
        for (int i = 0; i < parts.length; i++) {
            var product = magnitude.multiply(java.math.BigInteger.valueOf(weights.get(i)));
            var division = product.divideAndRemainder(total);
            parts[i] = division[0];
            remainders[i] = division[1].longValueExact(); // below the total weight, a long
            assigned = assigned.add(parts[i]);
        }
        long leftover = magnitude.subtract(assigned).longValueExact();
        List<Integer> order = largestRemaindersFirst(remainders);
        for (int i = 0; i < leftover; i++) {
            parts[order.get(i)] = parts[order.get(i)].add(java.math.BigInteger.ONE);
        }
        List<Money> result = new ArrayList<>(parts.length);
        for (var part : parts) {
            result.add(new Money((amountMinorUnits < 0 ? part.negate() : part).longValueExact(), currency));
        }
        return List.copyOf(result);
    }

    /** The parts' indexes, largest remainder first, ties to the earliest part (a stable sort). */
    private static List<Integer> largestRemaindersFirst(long[] remainders) {
        List<Integer> order = new ArrayList<>(remainders.length);
        for (int i = 0; i < remainders.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Long.compare(remainders[b], remainders[a]));
        return order;
    }

    /** Whether every {@code magnitude × weight} is below 2⁶³: the allocation can then be done in longs. */
    private static boolean productsFitInALong(long magnitude, List<Long> weights) {
        for (long weight : weights) {
            if (Math.multiplyHigh(magnitude, weight) != 0 || magnitude * weight < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The same largest-remainder allocation as the BigInteger path, in longs (the chain economics allocate for every
     * chain they price): the same parts, and the leftover units to the same parts in the same order.
     */
    private List<Money> allocateInLongs(long magnitude, List<Long> weights, long totalWeight) {
        long[] parts = new long[weights.size()];
        long[] remainders = new long[weights.size()];
        long assigned = 0;
        for (int i = 0; i < parts.length; i++) {
            long product = magnitude * weights.get(i);
            parts[i] = product / totalWeight;
            remainders[i] = product % totalWeight;
            assigned += parts[i];
        }
        long leftover = magnitude - assigned;
        List<Integer> order = largestRemaindersFirst(remainders);
        for (int i = 0; i < leftover; i++) {
            parts[order.get(i)]++;
        }
        List<Money> result = new ArrayList<>(parts.length);
        for (long part : parts) {
            result.add(new Money(amountMinorUnits < 0 ? -part : part, currency));
        }
        return List.copyOf(result);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }
}
