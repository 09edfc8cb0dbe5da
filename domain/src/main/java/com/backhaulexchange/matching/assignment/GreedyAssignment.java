package com.backhaulexchange.matching.assignment;

import java.util.Arrays;

/**
 * The baseline an optimiser must beat: take the heaviest remaining pair whose row and column are both free,
 * ties to the lower row then column. Never above the optimum, never below half of it.
 */
public final class GreedyAssignment implements AssignmentSolver {

    @Override
    public Assignment solve(AssignmentProblem problem) {
        int pairs = problem.pairCount();
        long[] weights = new long[pairs];
        int[] rowOfPair = new int[pairs];
        int[] columnOfPair = new int[pairs];
        Integer[] order = new Integer[pairs];
        int index = 0;
        for (int row = 0; row < problem.rows(); row++) {
            for (int i = problem.pairsStart(row); i < problem.pairsEnd(row); i++, index++) {
                weights[index] = problem.pairWeight(i);
                rowOfPair[index] = row;
                columnOfPair[index] = problem.pairColumn(i);
                order[index] = index;
            }
        }
        // Pairs are laid out by row then column, so a stable sort keeps that as the tie order.
        Arrays.sort(order, (a, b) -> Long.compare(weights[b], weights[a]));
        int[] columnOfRow = new int[problem.rows()];
        boolean[] columnTaken = new boolean[problem.columns()];
        Arrays.fill(columnOfRow, -1);
        for (int pair : order) {
            int row = rowOfPair[pair];
            int column = columnOfPair[pair];
            if (columnOfRow[row] < 0 && !columnTaken[column]) {
                columnOfRow[row] = column;
                columnTaken[column] = true;
            }
        }
        return Assignment.of(problem, columnOfRow);
    }
}
