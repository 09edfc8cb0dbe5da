package com.backhaulexchange.benchmarks;

import java.util.List;

/** Median, min and max of all runs: none discarded, so the first (coldest) run counts like the others. */
record Stats(double median, double min, double max) {

    static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return new Stats(median, sorted.getFirst(), sorted.getLast());
    }
}
