package com.backhaulexchange.benchmarks.matching;

import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.matching.MatchEvaluation;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.matching.assignment.AssignmentProblem;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Every feasible capacity–load pair of a book with its surplus, found by brute force (every pair is
 * screened, the survivors fully evaluated), so that the optimum does not depend on the geo cells the
 * optimiser uses to find candidates. Rows are the capacities, columns the loads, in the given order.
 */
record FeasiblePairs(int rows, int columns, int[] pairRows, int[] pairColumns, long[] surplus) {

    static FeasiblePairs of(List<CapacityLane> capacities, List<LoadLane> loads, Map<PartnerId, Money> costs,
            MatchEvaluator evaluator) {
        long[][] byRow = IntStream.range(0, capacities.size()).parallel().mapToObj(row -> {
            CapacityLane capacity = capacities.get(row);
            Money cost = costs.get(capacity.carrier());
            var found = new java.util.ArrayList<long[]>();
            for (int column = 0; column < loads.size(); column++) {
                LoadLane load = loads.get(column);
                if (!evaluator.plainlyInfeasible(capacity, load)
                        && evaluator.evaluate(capacity, cost, load) instanceof MatchEvaluation.Feasible feasible
                        && feasible.score().surplus().amountMinorUnits() > 0) {
                    found.add(new long[] {column, feasible.score().surplus().amountMinorUnits()});
                }
            }
            long[] flat = new long[found.size() * 2];
            for (int i = 0; i < found.size(); i++) {
                flat[2 * i] = found.get(i)[0];
                flat[2 * i + 1] = found.get(i)[1];
            }
            return flat;
        }).toArray(long[][]::new);
        int count = 0;
        for (long[] row : byRow) {
            count += row.length / 2;
        }
        int[] pairRows = new int[count];
        int[] pairColumns = new int[count];
        long[] surplus = new long[count];
        int at = 0;
        for (int row = 0; row < byRow.length; row++) {
            for (int i = 0; i < byRow[row].length; i += 2) {
                pairRows[at] = row;
                pairColumns[at] = (int) byRow[row][i];
                surplus[at] = byRow[row][i + 1];
                at++;
            }
        }
        return new FeasiblePairs(capacities.size(), loads.size(), pairRows, pairColumns, surplus);
    }

    int size() {
        return surplus.length;
    }

    AssignmentProblem problem() {
        var builder = AssignmentProblem.builder(rows, columns);
        for (int i = 0; i < surplus.length; i++) {
            builder.allow(pairRows[i], pairColumns[i], surplus[i]);
        }
        return builder.build();
    }
}
