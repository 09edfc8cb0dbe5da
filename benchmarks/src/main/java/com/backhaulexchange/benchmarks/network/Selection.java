package com.backhaulexchange.benchmarks.network;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One way of using a truck: the truck (its index in the network) carries these loads (indexes, in this order)
 * on its way home; one load is a single match, two or three a reload package. {@code surplusMinorUnits} is what
 * the domain's evaluation priced it at (USD cents).
 */
record Selection(int truck, int[] loads, long surplusMinorUnits) {
    Selection {
        Objects.requireNonNull(loads, "loads");
        if (loads.length < 1 || loads.length > 3) {
            throw new IllegalArgumentException("a truck carries 1 to 3 loads, not " + loads.length);
        }
        loads = loads.clone();
    }

    static Selection of(int truck, long surplusMinorUnits, int... loads) {
        return new Selection(truck, loads, surplusMinorUnits);
    }

    boolean isPackage() {
        return loads.length > 1;
    }

    @Override
    public int[] loads() {
        return loads.clone();
    }

    int load(int index) {
        return loads[index];
    }

    int loadCount() {
        return loads.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Selection that && truck == that.truck && surplusMinorUnits == that.surplusMinorUnits
                && Arrays.equals(loads, that.loads);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * truck + Arrays.hashCode(loads)) + Long.hashCode(surplusMinorUnits);
    }

    @Override
    public String toString() {
        return "truck " + truck + " → loads " + Arrays.toString(loads) + " (" + surplusMinorUnits + " cents)";
    }

    static long totalSurplus(List<Selection> chosen) {
        return chosen.stream().mapToLong(Selection::surplusMinorUnits).sum();
    }
}
