package com.backhaulexchange.matching.assignment;

import java.util.List;

/** The chosen pairs, by row, and their total weight. */
public record Assignment(List<Pair> pairs, long totalWeight) {

    public Assignment {
        pairs = List.copyOf(pairs);
    }

    public record Pair(int row, int column, long weight) {
    }

    static Assignment of(AssignmentProblem problem, int[] columnOfRow) {
        List<Pair> pairs = new java.util.ArrayList<>();
        long total = 0;
        for (int row = 0; row < columnOfRow.length; row++) {
            int column = columnOfRow[row];
            if (column >= 0) {
                long weight = problem.weight(row, column);
                if (weight <= 0) {
                    throw new IllegalStateException("forbidden pair (" + row + ", " + column + ") chosen");
                }
                pairs.add(new Pair(row, column, weight));
                total += weight;
            }
        }
        return new Assignment(pairs, total);
    }

    /** The column assigned to {@code row}, or -1. */
    public int columnOf(int row) {
        for (Pair pair : pairs) {
            if (pair.row() == row) {
                return pair.column();
            }
        }
        return -1;
    }
}
