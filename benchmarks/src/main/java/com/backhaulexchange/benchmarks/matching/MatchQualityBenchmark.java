package com.backhaulexchange.benchmarks.matching;

import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.BatchMatcher;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.assignment.GreedyAssignment;
import com.backhaulexchange.matching.assignment.ShortestAugmentingPathSolver;
import com.backhaulexchange.kernel.money.Money;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Total surplus of three ways of pairing a book, against the optimum the exact assignment solver finds on
 * all of the book's feasible pairs:
 * <ul>
 * <li><b>incremental</b>: first come, first served in posting order; each new posting takes the feasible
 * counterpart of highest surplus among the lanes already posted and not yet taken (what booking the match
 * engine's best proposal at once would give);</li>
 * <li><b>batch optimiser</b>: {@link BatchMatcher} with its defaults, on the whole book (it finds its own
 * candidate pairs from geo cells);</li>
 * <li><b>greedy</b>: {@link GreedyAssignment} on the same feasible pairs as the optimum.</li>
 * </ul>
 */
final class MatchQualityBenchmark {
    private static final Currency USD = Currency.getInstance("USD");

    record Result(int bookSize, int feasiblePairs, long optimum, long incremental, long batch, long greedy,
            int optimumMatches, int batchMatches, double exactMillis, double batchMillis) {
        double fraction(long surplus) {
            return optimum == 0 ? Double.NaN : (double) surplus / optimum;
        }
    }

    private final MatchingConfig config;

    MatchQualityBenchmark(MatchingConfig config) {
        this.config = config;
    }

    Result run(Book book) {
        List<CapacityLane> capacities = book.capacities().stream().map(PostedLane.Capacity::lane).toList();
        List<LoadLane> loads = book.loads().stream().map(PostedLane.Load::lane).toList();
        var pairs = FeasiblePairs.of(capacities, loads, book.carrierCostsPerMile(), new MatchEvaluator(config));
        var problem = pairs.problem();

        long started = System.nanoTime();
        var exact = new ShortestAugmentingPathSolver().solve(problem);
        double exactMillis = (System.nanoTime() - started) / 1e6;
        var greedy = new GreedyAssignment().solve(problem);

        List<BatchMatcher.PricedCapacity> priced = capacities.stream()
                .map(lane -> new BatchMatcher.PricedCapacity(lane, book.carrierCostsPerMile().get(lane.carrier())))
                .toList();
        started = System.nanoTime();
        var plan = new BatchMatcher(config).plan(priced, loads);
        double batchMillis = (System.nanoTime() - started) / 1e6;
        long batch = plan.totalSurplus().getOrDefault(USD, Money.zero(USD)).amountMinorUnits();

        return new Result(book.lanes().size(), pairs.size(), exact.totalWeight(),
                incremental(book, capacities.size(), loads.size(), pairs), batch, greedy.totalWeight(),
                exact.pairs().size(), plan.matches().size(), exactMillis, batchMillis);
    }

    /** First come, first served in posting order (see the class comment). */
    private static long incremental(Book book, int capacityCount, int loadCount, FeasiblePairs pairs) {
        Map<String, Integer> rowOf = new HashMap<>();
        Map<String, Integer> columnOf = new HashMap<>();
        var capacities = book.capacities();
        var loads = book.loads();
        for (int i = 0; i < capacities.size(); i++) {
            rowOf.put(capacities.get(i).laneId(), i);
        }
        for (int i = 0; i < loads.size(); i++) {
            columnOf.put(loads.get(i).laneId(), i);
        }
        List<List<Integer>> byRow = new ArrayList<>();
        List<List<Integer>> byColumn = new ArrayList<>();
        for (int i = 0; i < capacityCount; i++) {
            byRow.add(new ArrayList<>());
        }
        for (int i = 0; i < loadCount; i++) {
            byColumn.add(new ArrayList<>());
        }
        for (int pair = 0; pair < pairs.size(); pair++) {
            byRow.get(pairs.pairRows()[pair]).add(pair);
            byColumn.get(pairs.pairColumns()[pair]).add(pair);
        }
        boolean[] rowPosted = new boolean[capacityCount];
        boolean[] rowTaken = new boolean[capacityCount];
        boolean[] columnPosted = new boolean[loadCount];
        boolean[] columnTaken = new boolean[loadCount];
        long total = 0;
        for (PostedLane posting : book.lanes()) {
            int best = -1;
            if (posting instanceof PostedLane.Capacity) {
                int row = rowOf.get(posting.laneId());
                rowPosted[row] = true;
                for (int pair : byRow.get(row)) {
                    int column = pairs.pairColumns()[pair];
                    if (columnPosted[column] && !columnTaken[column]
                            && (best < 0 || pairs.surplus()[pair] > pairs.surplus()[best])) {
                        best = pair;
                    }
                }
            } else {
                int column = columnOf.get(posting.laneId());
                columnPosted[column] = true;
                for (int pair : byColumn.get(column)) {
                    int row = pairs.pairRows()[pair];
                    if (rowPosted[row] && !rowTaken[row]
                            && (best < 0 || pairs.surplus()[pair] > pairs.surplus()[best])) {
                        best = pair;
                    }
                }
            }
            if (best >= 0) {
                rowTaken[pairs.pairRows()[best]] = true;
                columnTaken[pairs.pairColumns()[best]] = true;
                total += pairs.surplus()[best];
            }
        }
        return total;
    }
}
