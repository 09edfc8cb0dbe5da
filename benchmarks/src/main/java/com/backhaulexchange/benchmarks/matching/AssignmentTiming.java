package com.backhaulexchange.benchmarks.matching;

import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.BatchMatcher;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.assignment.AssignmentProblem;
import com.backhaulexchange.matching.assignment.GreedyAssignment;
import com.backhaulexchange.matching.assignment.ShortestAugmentingPathSolver;
import java.util.List;
import java.util.function.Supplier;

/**
 * Times optimising a book of {@code n} capacities × {@code n} loads: the whole {@link BatchMatcher#plan}
 * (candidate pairs from geo cells, evaluation, exact solve), and the exact solver and greedy alone on the
 * book's feasible pairs. Warm-up runs first (JIT), then the median of the measured runs.
 */
final class AssignmentTiming {

    record Result(int capacities, int loads, int feasiblePairs, int warmUpRuns, int runs, double batchMedianMillis,
            double batchMaxMillis, double exactMedianMillis, double exactMaxMillis, double greedyMedianMillis) {
    }

    private final MatchingConfig config;

    AssignmentTiming(MatchingConfig config) {
        this.config = config;
    }

    Result run(Book book, int warmUpRuns, int runs) {
        List<CapacityLane> capacities = book.capacities().stream().map(PostedLane.Capacity::lane).toList();
        List<LoadLane> loads = book.loads().stream().map(PostedLane.Load::lane).toList();
        List<BatchMatcher.PricedCapacity> priced = capacities.stream()
                .map(lane -> new BatchMatcher.PricedCapacity(lane, book.carrierCostsPerMile().get(lane.carrier())))
                .toList();
        var matcher = new BatchMatcher(config);
        var pairs = FeasiblePairs.of(capacities, loads, book.carrierCostsPerMile(), new MatchEvaluator(config));
        AssignmentProblem problem = pairs.problem();
        var exact = new ShortestAugmentingPathSolver();
        var greedy = new GreedyAssignment();

        double[] batch = time(() -> matcher.plan(priced, loads), warmUpRuns, runs);
        double[] solve = time(() -> exact.solve(problem), warmUpRuns, runs);
        double[] greedyTimes = time(() -> greedy.solve(problem), warmUpRuns, runs);
        return new Result(capacities.size(), loads.size(), pairs.size(), warmUpRuns, runs,
                Percentiles.median(batch), Percentiles.of(batch, 100), Percentiles.median(solve),
                Percentiles.of(solve, 100), Percentiles.median(greedyTimes));
    }

    private static double[] time(Supplier<?> work, int warmUpRuns, int runs) {
        for (int i = 0; i < warmUpRuns; i++) {
            work.get();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        return millis;
    }
}
