package com.backhaulexchange.matching.selection;

import java.util.List;
import java.util.Objects;

/**
 * A selection of options using each truck and each load at most once, its total surplus, the best upper bound
 * proven on the optimum over the same options, and the method that found it. The gap is
 * {@code (bound - value) / bound}: 0 when the selection is proven optimal.
 */
public record PackingSelection(List<PackingOption> chosen, long surplusMinorUnits, long upperBoundMinorUnits,
        SelectionMethod method) {

    public PackingSelection {
        chosen = List.copyOf(chosen);
        Objects.requireNonNull(method, "method");
        if (surplusMinorUnits != PackingOption.totalSurplus(chosen)) {
            throw new IllegalArgumentException("a selection's surplus is the sum of its options'");
        }
        if (upperBoundMinorUnits < surplusMinorUnits) {
            throw new IllegalArgumentException("a bound below the selection's value: " + upperBoundMinorUnits + " < "
                    + surplusMinorUnits);
        }
    }

    /** (bound - value) / bound, in [0, 1]; 0 for an empty instance. */
    public double gap() {
        return upperBoundMinorUnits <= 0 ? 0 : (double) (upperBoundMinorUnits - surplusMinorUnits)
                / upperBoundMinorUnits;
    }

    public boolean provenOptimal() {
        return upperBoundMinorUnits == surplusMinorUnits;
    }
}
