package com.backhaulexchange.matching;

import com.backhaulexchange.kernel.geo.GeoCell;
import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.matching.assignment.Assignment;
import com.backhaulexchange.matching.assignment.AssignmentProblem;
import com.backhaulexchange.matching.assignment.AssignmentSolver;
import com.backhaulexchange.matching.assignment.ShortestAugmentingPathSolver;
import com.backhaulexchange.kernel.money.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Pairs the open lanes of a region so that the total surplus is as large as possible: each capacity takes
 * at most one load and each load goes on at most one truck. Candidates come from the geo cells of each
 * truck's origin-deadhead disc; every candidate pair not {@link MatchEvaluator#plainlyInfeasible plainly
 * infeasible} is judged in full by the {@link MatchEvaluator}; the feasible ones, weighted by surplus, go to
 * the assignment solver (exact by default).
 *
 * <p>The lanes are put in id order first, so the result does not depend on the order they are given in.
 * Surplus in different currencies is never added up: a pair is only feasible in one currency, so the
 * pairs of each currency form separate sub-problems, and totals are reported per currency.
 */
public final class BatchMatcher {

    private final MatchEvaluator evaluator;
    private final GeoCellScheme cells;
    private final AssignmentSolver solver;

    public BatchMatcher(MatchingConfig config) {
        this(config, GeoCellScheme.DEFAULT, new ShortestAugmentingPathSolver());
    }

    public BatchMatcher(MatchingConfig config, GeoCellScheme cells, AssignmentSolver solver) {
        this.evaluator = new MatchEvaluator(config);
        this.cells = Objects.requireNonNull(cells, "cells");
        this.solver = Objects.requireNonNull(solver, "solver");
    }

    /** A capacity lane with its carrier's operating cost per mile. */
    public record PricedCapacity(CapacityLane lane, Money costPerMile) {
        public PricedCapacity {
            Objects.requireNonNull(lane, "lane");
            Objects.requireNonNull(costPerMile, "costPerMile");
        }
    }

    /**
     * The chosen matches in capacity-id order, the surplus per currency, how many candidate pairs the geo
     * cells produced and how many of them were feasible.
     */
    public record BatchPlan(List<MatchEvaluation.Feasible> matches, Map<Currency, Money> totalSurplus,
            int candidatePairs, int feasiblePairs) {
        public BatchPlan {
            matches = List.copyOf(matches);
            totalSurplus = Map.copyOf(totalSurplus);
        }
    }

    /**
     * Every feasible pair of the lanes (geo-cell candidates, full evaluation), with the lanes in id order: the
     * options of the batch optimiser's selection (ADR 39) as well as of {@link #plan}.
     */
    public record FeasiblePairs(List<PricedCapacity> capacities, List<LoadLane> loads, List<Pair> pairs,
            int candidatePairs) {
        public FeasiblePairs {
            capacities = List.copyOf(capacities);
            loads = List.copyOf(loads);
            pairs = List.copyOf(pairs);
        }
    }

    /** A feasible pair: indexes into {@link FeasiblePairs#capacities} and {@link FeasiblePairs#loads}. */
    public record Pair(int capacity, int load, MatchEvaluation.Feasible match) {
        public Pair {
            Objects.requireNonNull(match, "match");
        }
    }

    public FeasiblePairs feasiblePairs(List<PricedCapacity> capacities, List<LoadLane> loads) {
        List<PricedCapacity> rows = capacities.stream()
                .sorted(Comparator.comparing((PricedCapacity capacity) -> capacity.lane().id())).toList();
        List<LoadLane> columns = loads.stream().sorted(Comparator.comparing(LoadLane::id)).toList();

        Map<GeoCell, List<Integer>> loadsByCell = new HashMap<>();
        for (int column = 0; column < columns.size(); column++) {
            loadsByCell.computeIfAbsent(cells.cellOf(columns.get(column).origin().coordinates()),
                    cell -> new ArrayList<>()).add(column);
        }
        List<Pair> pairs = new ArrayList<>();
        int evaluated = 0;
        for (int row = 0; row < rows.size(); row++) {
            PricedCapacity capacity = rows.get(row);
            if (!capacity.lane().status().isOpenForMatching()) {
                continue;
            }
            double radiusMiles = evaluator.config().roadDistance()
                    .greatCircleMilesWithin(capacity.lane().maxOriginDeadheadMiles());
            for (GeoCell cell : cells.cellsCovering(capacity.lane().emptyAt().coordinates(), radiusMiles)) {
                for (int column : loadsByCell.getOrDefault(cell, List.of())) {
                    evaluated++;
                    if (evaluator.plainlyInfeasible(capacity.lane(), columns.get(column))) {
                        continue;
                    }
                    if (evaluator.evaluate(capacity.lane(), capacity.costPerMile(), columns.get(column))
                            instanceof MatchEvaluation.Feasible feasible) {
                        pairs.add(new Pair(row, column, feasible));
                    }
                }
            }
        }
        return new FeasiblePairs(rows, columns, pairs, evaluated);
    }

    public BatchPlan plan(List<PricedCapacity> capacities, List<LoadLane> loads) {
        FeasiblePairs feasible = feasiblePairs(capacities, loads);
        var builder = AssignmentProblem.builder(feasible.capacities().size(), feasible.loads().size());
        Map<Long, MatchEvaluation.Feasible> feasibleByPair = new HashMap<>();
        for (Pair pair : feasible.pairs()) {
            builder.allow(pair.capacity(), pair.load(), pair.match().score().surplus().amountMinorUnits());
            feasibleByPair.put(pairKey(pair.capacity(), pair.load()), pair.match());
        }

        Assignment assignment = solver.solve(builder.build());
        List<MatchEvaluation.Feasible> matches = new ArrayList<>();
        Map<Currency, Money> totals = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        for (Assignment.Pair pair : assignment.pairs()) {
            MatchEvaluation.Feasible match = feasibleByPair.get(pairKey(pair.row(), pair.column()));
            matches.add(match);
            Money surplus = match.score().surplus();
            totals.merge(surplus.currency(), surplus, Money::plus);
        }
        return new BatchPlan(matches, totals, feasible.candidatePairs(), feasibleByPair.size());
    }

    private static long pairKey(int row, int column) {
        return ((long) row << 32) | column;
    }
}
