package com.backhaulexchange.matching.assignment;

import java.util.Arrays;

/**
 * A rectangular, sparse maximum-weight bipartite assignment: {@code rows} (capacity lanes) and
 * {@code columns} (load lanes), and the pairs that are allowed, each with a positive integer weight (the
 * surplus in minor units). A pair not listed is forbidden and is never chosen; any row or column may stay
 * unassigned. Pairs with a weight of zero or less are dropped: they can never raise the total.
 */
public final class AssignmentProblem {

    /** Weights stay below this so that sums of potentials cannot overflow a long. */
    public static final long MAX_WEIGHT = 1L << 50;

    private final int rows;
    private final int columns;
    /** Pairs of row r are at [rowStarts[r], rowStarts[r + 1]), sorted by column. */
    private final int[] rowStarts;
    private final int[] pairColumns;
    private final long[] pairWeights;

    private AssignmentProblem(int rows, int columns, int[] rowStarts, int[] pairColumns, long[] pairWeights) {
        this.rows = rows;
        this.columns = columns;
        this.rowStarts = rowStarts;
        this.pairColumns = pairColumns;
        this.pairWeights = pairWeights;
    }

    public static Builder builder(int rows, int columns) {
        return new Builder(rows, columns);
    }

    /** A dense problem; {@code weights[row][column] <= 0} means forbidden. */
    public static AssignmentProblem dense(long[][] weights) {
        int columns = weights.length == 0 ? 0 : weights[0].length;
        Builder builder = builder(weights.length, columns);
        for (int row = 0; row < weights.length; row++) {
            if (weights[row].length != columns) {
                throw new IllegalArgumentException("rows of different lengths");
            }
            for (int column = 0; column < columns; column++) {
                builder.allow(row, column, weights[row][column]);
            }
        }
        return builder.build();
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int pairCount() {
        return pairColumns.length;
    }

    int pairsStart(int row) {
        return rowStarts[row];
    }

    int pairsEnd(int row) {
        return rowStarts[row + 1];
    }

    int pairColumn(int index) {
        return pairColumns[index];
    }

    long pairWeight(int index) {
        return pairWeights[index];
    }

    /** The weight of an allowed pair, or 0 when it is forbidden. */
    public long weight(int row, int column) {
        int from = rowStarts[row];
        int to = rowStarts[row + 1];
        int found = Arrays.binarySearch(pairColumns, from, to, column);
        return found >= 0 ? pairWeights[found] : 0;
    }

    public static final class Builder {
        private final int rows;
        private final int columns;
        private int size;
        private int[] pairRows = new int[16];
        private int[] pairColumns = new int[16];
        private long[] pairWeights = new long[16];

        private Builder(int rows, int columns) {
            if (rows < 0 || columns < 0) {
                throw new IllegalArgumentException("negative dimensions");
            }
            this.rows = rows;
            this.columns = columns;
        }

        /** Allows {@code row} with {@code column} at {@code weight}; a weight ≤ 0 leaves the pair forbidden. */
        public Builder allow(int row, int column, long weight) {
            if (row < 0 || row >= rows || column < 0 || column >= columns) {
                throw new IndexOutOfBoundsException(
                        "pair (" + row + ", " + column + ") outside " + rows + "×" + columns);
            }
            if (weight > MAX_WEIGHT) {
                throw new IllegalArgumentException("weight above " + MAX_WEIGHT + ": " + weight);
            }
            if (weight <= 0) {
                return this;
            }
            if (size == pairRows.length) {
                pairRows = Arrays.copyOf(pairRows, size * 2);
                pairColumns = Arrays.copyOf(pairColumns, size * 2);
                pairWeights = Arrays.copyOf(pairWeights, size * 2);
            }
            pairRows[size] = row;
            pairColumns[size] = column;
            pairWeights[size] = weight;
            size++;
            return this;
        }

        public AssignmentProblem build() {
            int[] rowStarts = new int[rows + 1];
            for (int i = 0; i < size; i++) {
                rowStarts[pairRows[i] + 1]++;
            }
            for (int row = 0; row < rows; row++) {
                rowStarts[row + 1] += rowStarts[row];
            }
            int[] next = Arrays.copyOf(rowStarts, rows);
            int[] columnsByRow = new int[size];
            long[] weightsByRow = new long[size];
            for (int i = 0; i < size; i++) {
                int at = next[pairRows[i]]++;
                columnsByRow[at] = pairColumns[i];
                weightsByRow[at] = pairWeights[i];
            }
            for (int row = 0; row < rows; row++) {
                sortByColumn(columnsByRow, weightsByRow, rowStarts[row], rowStarts[row + 1]);
                for (int i = rowStarts[row] + 1; i < rowStarts[row + 1]; i++) {
                    if (columnsByRow[i] == columnsByRow[i - 1]) {
                        throw new IllegalArgumentException("pair (" + row + ", " + columnsByRow[i] + ") given twice");
                    }
                }
            }
            return new AssignmentProblem(rows, columns, rowStarts, columnsByRow, weightsByRow);
        }

        private static void sortByColumn(int[] columns, long[] weights, int from, int to) {
            // Insertion sort: rows hold few pairs, and they usually arrive in column order already.
            for (int i = from + 1; i < to; i++) {
                int column = columns[i];
                long weight = weights[i];
                int j = i - 1;
                while (j >= from && columns[j] > column) {
                    columns[j + 1] = columns[j];
                    weights[j + 1] = weights[j];
                    j--;
                }
                columns[j + 1] = column;
                weights[j + 1] = weight;
            }
        }
    }
}
