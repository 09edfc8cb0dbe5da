package com.backhaulexchange.matching.selection;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One way of using a truck: the truck (its index in the book) carries these loads (indexes, in this order) on its
 * way home; one load is a single match, two or three a reload package. {@code surplusMinorUnits} is what the
 * domain's evaluation priced it at.
 */
public record PackingOption(int truck, int[] loads, long surplusMinorUnits) {
    public PackingOption {
        Objects.requireNonNull(loads, "loads");
        if (loads.length < 1 || loads.length > 3) {
            throw new IllegalArgumentException("a truck carries 1 to 3 loads, not " + loads.length);
        }
        if (truck < 0 || Arrays.stream(loads).anyMatch(load -> load < 0)) {
            throw new IllegalArgumentException("truck and load indexes are never negative");
        }
        if (Arrays.stream(loads).distinct().count() != loads.length) {
            throw new IllegalArgumentException("a load appears twice in one option: " + Arrays.toString(loads));
        }
        loads = loads.clone();
    }

    public static PackingOption of(int truck, long surplusMinorUnits, int... loads) {
        return new PackingOption(truck, loads, surplusMinorUnits);
    }

    public boolean isPackage() {
        return loads.length > 1;
    }

    @Override
    public int[] loads() {
        return loads.clone();
    }

    public int load(int index) {
        return loads[index];
    }

    public int loadCount() {
        return loads.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PackingOption that && truck == that.truck
                && surplusMinorUnits == that.surplusMinorUnits && Arrays.equals(loads, that.loads);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * truck + Arrays.hashCode(loads)) + Long.hashCode(surplusMinorUnits);
    }

    @Override
    public String toString() {
        return "truck " + truck + " → loads " + Arrays.toString(loads) + " (" + surplusMinorUnits + ")";
    }

    public static long totalSurplus(List<PackingOption> chosen) {
        return chosen.stream().mapToLong(PackingOption::surplusMinorUnits).sum();
    }
}
