package com.backhaulexchange.matching.assignment;

import java.util.Arrays;

/**
 * The exact maximum-weight assignment, by successive shortest augmenting paths with dual potentials
 * (Jonker–Volgenant style, in the rectangular form of Crouse, "On implementing 2D rectangular assignment
 * algorithms", IEEE TAES 52(4), 2016), run on the sparse pairs with a binary heap (Dijkstra).
 *
 * <p>Reduction: weights become costs −w; every row also gets a private "unassigned" column of cost 0, so
 * each row is assigned exactly once and leaving it unassigned is one of its choices. Forbidden pairs are
 * absent edges, never chosen. The minimum-cost assignment of that problem is a maximum-weight assignment of
 * the original. Integer arithmetic throughout: the optimum is exact. Each augmentation stops at the first
 * free column it reaches, so on geographic instances the search stays local.
 */
public final class ShortestAugmentingPathSolver implements AssignmentSolver {

    private static final long INFINITY = Long.MAX_VALUE / 4;

    @Override
    public Assignment solve(AssignmentProblem problem) {
        return new Run(problem).solve();
    }

    /**
     * The optimum together with an optimal solution of the dual linear programme: a price per row and per
     * column, each ≥ 0, with {@code rowPrice[r] + columnPrice[c] ≥ weight(r, c)} for every allowed pair,
     * equality on every chosen pair, zero on every unassigned row and column, and the prices summing to the
     * optimum's total weight (LP duality). They are read off the solver's potentials: with costs −w and a
     * private zero-cost "unassigned" column per row, the row's price is minus its potential minus the
     * potential of its private column, a column's price is minus its potential.
     */
    public PricedAssignment solveWithPrices(AssignmentProblem problem) {
        Run run = new Run(problem);
        Assignment assignment = run.solve();
        return new PricedAssignment(assignment, run.rowPrices(), run.columnPrices());
    }

    private static final class Run {
        private final AssignmentProblem problem;
        private final int rows;
        private final int realColumns;
        private final long[] rowPotential;
        private final long[] columnPotential;
        private final int[] columnOfRow;
        private final int[] rowOfColumn;
        private final long[] distance;
        private final int[] predecessorRow;
        private final boolean[] scanned;
        private final int[] touchedColumns;
        private int touchedCount;
        private final int[] scannedRows;
        private int scannedRowCount;
        private final int[] scannedColumns;
        private int scannedColumnCount;
        private final Heap heap;

        Run(AssignmentProblem problem) {
            this.problem = problem;
            this.rows = problem.rows();
            this.realColumns = problem.columns();
            int columns = realColumns + rows;
            rowPotential = new long[rows];
            columnPotential = new long[columns];
            columnOfRow = new int[rows];
            rowOfColumn = new int[columns];
            distance = new long[columns];
            predecessorRow = new int[columns];
            scanned = new boolean[columns];
            touchedColumns = new int[columns];
            scannedRows = new int[rows];
            scannedColumns = new int[columns];
            heap = new Heap(Math.max(16, problem.pairCount() + rows));
            Arrays.fill(columnOfRow, -1);
            Arrays.fill(rowOfColumn, -1);
            Arrays.fill(distance, INFINITY);
        }

        Assignment solve() {
            for (int row = 0; row < rows; row++) {
                augmentFrom(row);
            }
            int[] result = new int[rows];
            for (int row = 0; row < rows; row++) {
                result[row] = columnOfRow[row] < realColumns ? columnOfRow[row] : -1;
            }
            return Assignment.of(problem, result);
        }

        long[] rowPrices() {
            long[] prices = new long[rows];
            for (int row = 0; row < rows; row++) {
                prices[row] = -(rowPotential[row] + columnPotential[realColumns + row]);
            }
            return prices;
        }

        long[] columnPrices() {
            long[] prices = new long[realColumns];
            for (int column = 0; column < realColumns; column++) {
                prices[column] = -columnPotential[column];
            }
            return prices;
        }

        /** One Dijkstra from the free row {@code start} to the nearest free column, then the augmentation. */
        private void augmentFrom(int start) {
            long shortest = 0;
            int row = start;
            int sink = -1;
            while (sink < 0) {
                scannedRows[scannedRowCount++] = row;
                long base = shortest - rowPotential[row];
                for (int i = problem.pairsStart(row); i < problem.pairsEnd(row); i++) {
                    relax(row, problem.pairColumn(i), base - problem.pairWeight(i));
                }
                relax(row, realColumns + row, base);
                int column;
                do {
                    if (heap.isEmpty()) {
                        throw new IllegalStateException("no augmenting path: the unassigned column is always one");
                    }
                    column = heap.popColumn();
                } while (scanned[column]);
                shortest = distance[column];
                scanned[column] = true;
                scannedColumns[scannedColumnCount++] = column;
                if (rowOfColumn[column] < 0) {
                    sink = column;
                } else {
                    row = rowOfColumn[column];
                }
            }

            rowPotential[start] += shortest;
            for (int i = 0; i < scannedRowCount; i++) {
                int scannedRow = scannedRows[i];
                if (scannedRow != start) {
                    rowPotential[scannedRow] += shortest - distance[columnOfRow[scannedRow]];
                }
            }
            for (int i = 0; i < scannedColumnCount; i++) {
                int column = scannedColumns[i];
                columnPotential[column] -= shortest - distance[column];
            }

            int column = sink;
            while (true) {
                int pathRow = predecessorRow[column];
                rowOfColumn[column] = pathRow;
                int previous = columnOfRow[pathRow];
                columnOfRow[pathRow] = column;
                column = previous;
                if (pathRow == start) {
                    break;
                }
            }

            for (int i = 0; i < touchedCount; i++) {
                distance[touchedColumns[i]] = INFINITY;
                scanned[touchedColumns[i]] = false;
            }
            touchedCount = 0;
            scannedRowCount = 0;
            scannedColumnCount = 0;
            heap.clear();
        }

        /** {@code costFromBase} is the path length to the row plus the cost, before the column potential. */
        private void relax(int row, int column, long costFromBase) {
            if (scanned[column]) {
                return;
            }
            long candidate = costFromBase - columnPotential[column];
            if (candidate < distance[column]) {
                if (distance[column] == INFINITY) {
                    touchedColumns[touchedCount++] = column;
                }
                distance[column] = candidate;
                predecessorRow[column] = row;
                heap.push(candidate, column, rowOfColumn[column] < 0);
            }
        }
    }

    /**
     * A binary min-heap of (distance, column) with lazy deletion; among equal distances a free column comes
     * first (it ends the search), then the lower column index, so runs are deterministic.
     */
    private static final class Heap {
        private long[] keys;
        private int[] columns;
        private int size;

        Heap(int capacity) {
            keys = new long[capacity];
            columns = new int[capacity];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void clear() {
            size = 0;
        }

        void push(long distance, int column, boolean free) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                columns = Arrays.copyOf(columns, size * 2);
            }
            // Free columns sort first among equals: the tie key is the column index, offset when taken.
            int tie = free ? column : column + (1 << 30);
            int at = size++;
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (!less(distance, tie, keys[parent], columns[parent])) {
                    break;
                }
                keys[at] = keys[parent];
                columns[at] = columns[parent];
                at = parent;
            }
            keys[at] = distance;
            columns[at] = tie;
        }

        int popColumn() {
            int top = columns[0] & ((1 << 30) - 1);
            size--;
            if (size > 0) {
                long key = keys[size];
                int tie = columns[size];
                int at = 0;
                while (true) {
                    int child = 2 * at + 1;
                    if (child >= size) {
                        break;
                    }
                    if (child + 1 < size && less(keys[child + 1], columns[child + 1], keys[child], columns[child])) {
                        child++;
                    }
                    if (!less(keys[child], columns[child], key, tie)) {
                        break;
                    }
                    keys[at] = keys[child];
                    columns[at] = columns[child];
                    at = child;
                }
                keys[at] = key;
                columns[at] = tie;
            }
            return top;
        }

        private static boolean less(long key, int tie, long otherKey, int otherTie) {
            return key < otherKey || (key == otherKey && tie < otherTie);
        }
    }
}
