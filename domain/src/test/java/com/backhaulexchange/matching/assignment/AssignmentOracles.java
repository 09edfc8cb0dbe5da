package com.backhaulexchange.matching.assignment;

import java.util.Arrays;
import java.util.Random;

/** Independent answers to check the solver against, and random instances. */
final class AssignmentOracles {

    private AssignmentOracles() {
    }

    /** The best total by trying every assignment (rows ≤ 7): each row takes a free allowed column or none. */
    static long bruteForce(AssignmentProblem problem) {
        return bruteForce(problem, 0, new boolean[problem.columns()]);
    }

    private static long bruteForce(AssignmentProblem problem, int row, boolean[] taken) {
        if (row == problem.rows()) {
            return 0;
        }
        long best = bruteForce(problem, row + 1, taken);
        for (int column = 0; column < problem.columns(); column++) {
            long weight = problem.weight(row, column);
            if (weight > 0 && !taken[column]) {
                taken[column] = true;
                best = Math.max(best, weight + bruteForce(problem, row + 1, taken));
                taken[column] = false;
            }
        }
        return best;
    }

    /**
     * The textbook O(n³) Hungarian method on a dense square matrix (Kuhn–Munkres with potentials), a second
     * exact algorithm: rows and columns are padded to n = rows + columns, allowed pairs cost −w, everything
     * else (forbidden pairs, padding) costs 0 — a forbidden pair at cost 0 is no better than unassigned.
     */
    static long hungarian(AssignmentProblem problem) {
        int n = problem.rows() + problem.columns();
        long[][] cost = new long[n + 1][n + 1];
        for (int row = 0; row < problem.rows(); row++) {
            for (int column = 0; column < problem.columns(); column++) {
                cost[row + 1][column + 1] = -problem.weight(row, column);
            }
        }
        long[] u = new long[n + 1];
        long[] v = new long[n + 1];
        int[] p = new int[n + 1];
        int[] way = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            long[] minv = new long[n + 1];
            Arrays.fill(minv, Long.MAX_VALUE);
            boolean[] used = new boolean[n + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                long delta = Long.MAX_VALUE;
                int j1 = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        long current = cost[i0][j] - u[i0] - v[j];
                        if (current < minv[j]) {
                            minv[j] = current;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        long total = 0;
        for (int j = 1; j <= n; j++) {
            total -= cost[p[j]][j];
        }
        return total;
    }

    /** A random instance: each pair allowed with {@code density}, weights 1..maxWeight. */
    static AssignmentProblem random(Random random, int rows, int columns, double density, long maxWeight) {
        var builder = AssignmentProblem.builder(rows, columns);
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                if (random.nextDouble() < density) {
                    builder.allow(row, column, 1 + (long) (random.nextDouble() * maxWeight));
                }
            }
        }
        return builder.build();
    }

    /**
     * A geographic instance like the batch's: trucks and loads at random points of a 1,000 × 1,000-mile
     * square; a pair is allowed when the load's origin is within {@code radius} of the truck, worth more the
     * nearer it is and the longer the load, as surplus is.
     */
    static AssignmentProblem geographic(Random random, int rows, int columns, double radius) {
        double[][] trucks = points(random, rows);
        double[][] loads = points(random, columns);
        double[] loadedMiles = new double[columns];
        for (int column = 0; column < columns; column++) {
            loadedMiles[column] = 100 + random.nextDouble() * 900;
        }
        // Bucket loads by a grid of the radius, as the batch does with geo cells.
        int cells = (int) Math.ceil(1000 / radius);
        java.util.List<java.util.List<Integer>> grid = new java.util.ArrayList<>();
        for (int i = 0; i < cells * cells; i++) {
            grid.add(new java.util.ArrayList<>());
        }
        for (int column = 0; column < columns; column++) {
            grid.get(cell(loads[column][0], radius, cells) * cells + cell(loads[column][1], radius, cells)).add(column);
        }
        var builder = AssignmentProblem.builder(rows, columns);
        for (int row = 0; row < rows; row++) {
            int cx = cell(trucks[row][0], radius, cells);
            int cy = cell(trucks[row][1], radius, cells);
            java.util.List<Integer> near = new java.util.ArrayList<>();
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    if (cx + dx >= 0 && cx + dx < cells && cy + dy >= 0 && cy + dy < cells) {
                        near.addAll(grid.get((cx + dx) * cells + cy + dy));
                    }
                }
            }
            near.sort(null);
            for (int column : near) {
                double distance = Math.hypot(trucks[row][0] - loads[column][0], trucks[row][1] - loads[column][1]);
                if (distance <= radius) {
                    long surplus = Math.round((loadedMiles[column] * 2.71 - 2 * distance * 2.26) * 100);
                    builder.allow(row, column, surplus);
                }
            }
        }
        return builder.build();
    }

    private static int cell(double coordinate, double radius, int cells) {
        return Math.min(cells - 1, (int) (coordinate / radius));
    }

    private static double[][] points(Random random, int count) {
        double[][] points = new double[count][2];
        for (double[] point : points) {
            point[0] = random.nextDouble() * 1000;
            point[1] = random.nextDouble() * 1000;
        }
        return points;
    }
}
