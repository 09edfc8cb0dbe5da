package com.backhaulexchange.function.optimiser;

import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.BatchMatcher;
import com.backhaulexchange.matching.CandidateSource;
import com.backhaulexchange.matching.TradingPartners;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.MatchRepository;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.matching.OptimisationPlan;
import com.backhaulexchange.matching.assignment.GreedyAssignment;
import com.backhaulexchange.matching.assignment.ShortestAugmentingPathSolver;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The batch optimiser: over the open lanes of a region, the assignment of trucks to loads with the largest
 * total surplus (exact, {@link ShortestAugmentingPathSolver}), which first-come matching misses whenever
 * one truck's best load is another truck's only one. Its pairs are stored as matches (or refreshed) and
 * marked recommended for both parties; pairs it recommended last time and no longer does lose the mark.
 * The greedy assignment of the same pairs is computed alongside, so each plan shows what optimising gained.
 */
public final class MatchOptimiser {
    private final CandidateSource lanes;
    private final MatchRepository matches;
    private final TradingPartners tradingPartners;
    private final BatchMatcher optimal;
    private final BatchMatcher greedy;
    private final Clock clock;

    public MatchOptimiser(CandidateSource lanes, MatchRepository matches, TradingPartners tradingPartners,
            MatchingConfig config, Clock clock) {
        this.lanes = lanes;
        this.matches = matches;
        this.tradingPartners = tradingPartners;
        this.optimal = new BatchMatcher(config, GeoCellScheme.DEFAULT, new ShortestAugmentingPathSolver());
        this.greedy = new BatchMatcher(config, GeoCellScheme.DEFAULT, new GreedyAssignment());
        this.clock = clock;
    }

    public OptimisationPlan optimise(MatchingRegion region) {
        Instant now = clock.instant();
        var book = lanes.region(region);
        List<PostedLane.Capacity> trucks = book.capacities().stream().filter(lane -> lane.isOpenForMatchingAt(now))
                .toList();
        List<PostedLane.Load> openLoads = book.loads().stream().filter(lane -> lane.isOpenForMatchingAt(now)).toList();
        Set<PartnerId> activeShippers = openLoads.isEmpty() ? Set.of()
                : tradingPartners.activeAmong(openLoads.stream().map(PostedLane::owner).collect(Collectors.toSet()));
        List<PostedLane.Load> loads = openLoads.stream().filter(load -> activeShippers.contains(load.owner())).toList();
        Map<PartnerId, Money> costs = trucks.isEmpty() ? Map.of()
                : tradingPartners.costsPerMile(trucks.stream().map(PostedLane::owner).collect(Collectors.toSet()));
        List<BatchMatcher.PricedCapacity> priced = trucks.stream().filter(truck -> costs.containsKey(truck.owner()))
                .map(truck -> new BatchMatcher.PricedCapacity(truck.drivableAt(now), costs.get(truck.owner())))
                .toList();
        var loadLanes = loads.stream().map(load -> load.laneAt(now)).toList();

        var plan = optimal.plan(priced, loadLanes);
        var baseline = greedy.plan(priced, loadLanes);

        Map<String, PostedLane.Capacity> truckById = byId(trucks);
        Map<String, PostedLane.Load> loadById = byId(loads);
        var recommendation = new Match.Recommendation(now, region);
        List<MatchId> recommended = new ArrayList<>();
        for (var feasible : plan.matches()) {
            var match = Match.proposed(truckById.get(feasible.explanation().capacityLaneId().value()),
                    loadById.get(feasible.explanation().loadLaneId().value()), feasible, now)
                    .withRecommendation(recommendation);
            if (matches.save(match, now)) {
                recommended.add(match.id());
            }
        }
        Set<MatchId> current = new HashSet<>(recommended);
        matches.findPlan(region).ifPresent(previous -> previous.recommended().stream()
                .filter(id -> !current.contains(id))
                .forEach(id -> matches.recommend(id, null)));
        var result = new OptimisationPlan(region, now, trucks.size(), loads.size(), plan.candidatePairs(),
                plan.feasiblePairs(), recommended, List.copyOf(plan.totalSurplus().values()),
                List.copyOf(baseline.totalSurplus().values()));
        matches.savePlan(result);
        return result;
    }

    private static <L extends PostedLane> Map<String, L> byId(List<L> lanes) {
        return lanes.stream().collect(Collectors.toMap(PostedLane::laneId, Function.identity()));
    }
}
