package com.backhaulexchange.matching.assignment;

import java.util.Arrays;

/**
 * An optimal assignment with optimal dual prices (see {@link ShortestAugmentingPathSolver#solveWithPrices}):
 * in the assignment game of Shapley and Shubik (1971) these prices are exactly the core allocations, each
 * lane's owner receiving its lane's price.
 */
public record PricedAssignment(Assignment assignment, long[] rowPrices, long[] columnPrices) {

    public PricedAssignment {
        rowPrices = rowPrices.clone();
        columnPrices = columnPrices.clone();
    }

    @Override
    public long[] rowPrices() {
        return rowPrices.clone();
    }

    @Override
    public long[] columnPrices() {
        return columnPrices.clone();
    }

    public long rowPrice(int row) {
        return rowPrices[row];
    }

    public long columnPrice(int column) {
        return columnPrices[column];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PricedAssignment that && assignment.equals(that.assignment)
                && Arrays.equals(rowPrices, that.rowPrices) && Arrays.equals(columnPrices, that.columnPrices);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * assignment.hashCode() + Arrays.hashCode(rowPrices)) + Arrays.hashCode(columnPrices);
    }

    @Override
    public String toString() {
        return "PricedAssignment[" + assignment + ", rowPrices=" + Arrays.toString(rowPrices) + ", columnPrices="
                + Arrays.toString(columnPrices) + "]";
    }
}
