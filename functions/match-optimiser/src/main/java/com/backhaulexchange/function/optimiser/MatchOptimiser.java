package com.backhaulexchange.function.optimiser;

import com.backhaulexchange.deal.network.NetworkWeek;
import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.LaneRepository;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.BatchMatcher;
import com.backhaulexchange.matching.CandidateSource;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.MatchRepository;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.matching.OptimisationPlan;
import com.backhaulexchange.matching.PlannedOption;
import com.backhaulexchange.matching.TradingPartners;
import com.backhaulexchange.matching.assignment.Assignment;
import com.backhaulexchange.matching.assignment.AssignmentProblem;
import com.backhaulexchange.matching.assignment.GreedyAssignment;
import com.backhaulexchange.matching.assignment.ShortestAugmentingPathSolver;
import com.backhaulexchange.matching.chain.ChainEvaluation;
import com.backhaulexchange.matching.chain.ChainEvaluator;
import com.backhaulexchange.matching.chain.PackageMatch;
import com.backhaulexchange.matching.chain.PackageRepository;
import com.backhaulexchange.matching.chain.ReloadPackage;
import com.backhaulexchange.matching.chain.ReloadPackageId;
import com.backhaulexchange.matching.chain.ReloadPreferences;
import com.backhaulexchange.matching.selection.PackingOption;
import com.backhaulexchange.matching.selection.PackingSelection;
import com.backhaulexchange.matching.selection.SelectionSolver;
import com.backhaulexchange.partner.PartnerId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The batch optimiser (ADR 12, ADR 39): over the open lanes of a region, the selection of pairs and reload packages
 * with the largest total surplus, each truck and each load at most once. The options are the region's feasible
 * pairs (trucks empty in the region, loads picked up in it) and the stored packages of its trucks that are still
 * feasible now (every lane open, re-evaluated by the {@link ChainEvaluator}); the {@link SelectionSolver} chooses
 * among them, exactly when the instance allows, never below the exact pairs-only assignment. Chosen pairs are stored
 * as matches (or refreshed) and chosen packages refreshed, both marked recommended; what the previous plan
 * recommended and this one does not loses the mark. The plan keeps the selection's surplus, bound, gap and method
 * next to the pairs-only optimum and the greedy pairing of the same pairs.
 *
 * <p>Across region borders: a package belongs to the region of its truck and may carry loads picked up in other
 * regions. In one run over several regions, a load the selection of an earlier region (in region order) recommended
 * is claimed: later regions leave it out of their options, so no load is recommended twice in a run.
 */
public final class MatchOptimiser {
    /** The packages read per truck: its best stored packages (one Query page), enough for the selection. */
    static final int PACKAGES_PER_TRUCK = 10;

    private final CandidateSource lanes;
    private final LaneRepository laneRepository;
    private final MatchRepository matches;
    private final PackageRepository packages;
    private final TradingPartners tradingPartners;
    private final MatchingConfig config;
    private final BatchMatcher pairs;
    private final SelectionSolver solver;
    private final Clock clock;

    public <L extends CandidateSource & LaneRepository> MatchOptimiser(L lanes, MatchRepository matches,
            PackageRepository packages, TradingPartners tradingPartners, MatchingConfig config, SelectionSolver solver,
            Clock clock) {
        this.lanes = lanes;
        this.laneRepository = lanes;
        this.matches = matches;
        this.packages = packages;
        this.tradingPartners = tradingPartners;
        this.config = config;
        this.pairs = new BatchMatcher(config, GeoCellScheme.DEFAULT, new ShortestAugmentingPathSolver());
        this.solver = solver;
        this.clock = clock;
    }

    /** Each region in turn, in the order given; a load recommended in one region is left out of the later ones. */
    public List<OptimisationPlan> optimiseAll(List<MatchingRegion> regions) {
        Set<String> claimedLoads = new HashSet<>();
        List<OptimisationPlan> plans = new ArrayList<>();
        for (MatchingRegion region : regions) {
            plans.add(optimise(region, claimedLoads));
        }
        return plans;
    }

    public OptimisationPlan optimise(MatchingRegion region) {
        return optimise(region, new HashSet<>());
    }

    /** One option of the selection: a feasible pair, or a stored package still feasible now. */
    private sealed interface Candidate {
        Money surplus();
    }

    private record PairCandidate(PostedLane.Capacity truck, PostedLane.Load load, BatchMatcher.Pair pair)
            implements Candidate {
        public Money surplus() {
            return pair.match().score().surplus();
        }
    }

    private record PackageCandidate(PostedLane.Capacity truck, List<PostedLane.Load> loads,
            ChainEvaluation.Feasible chain) implements Candidate {
        public Money surplus() {
            return chain.score().surplus();
        }
    }

    private OptimisationPlan optimise(MatchingRegion region, Set<String> claimedLoads) {
        Instant now = clock.instant();
        var book = lanes.region(region);
        List<PostedLane.Capacity> trucks = book.capacities().stream().filter(lane -> lane.isOpenForMatchingAt(now))
                .toList();
        List<PostedLane.Load> openLoads = book.loads().stream().filter(lane -> lane.isOpenForMatchingAt(now))
                .filter(lane -> !claimedLoads.contains(lane.laneId())).toList();
        List<PostedLane.Load> loads = activeOnly(openLoads);
        Map<PartnerId, Money> costs = trucks.isEmpty() ? Map.of()
                : tradingPartners.costsPerMile(trucks.stream().map(PostedLane::owner).collect(Collectors.toSet()));
        Map<String, PostedLane.Capacity> truckById = byId(trucks);
        Map<String, PostedLane.Load> loadById = byId(loads);
        List<BatchMatcher.PricedCapacity> priced = trucks.stream().filter(truck -> costs.containsKey(truck.owner()))
                .map(truck -> new BatchMatcher.PricedCapacity(truck.drivableAt(now), costs.get(truck.owner())))
                .toList();
        var feasible = pairs.feasiblePairs(priced, loads.stream().map(load -> load.laneAt(now)).toList());

        List<Candidate> candidates = new ArrayList<>();
        for (BatchMatcher.Pair pair : feasible.pairs()) {
            candidates.add(new PairCandidate(truckById.get(feasible.capacities().get(pair.capacity()).lane().id()
                    .value()), loadById.get(feasible.loads().get(pair.load()).id().value()), pair));
        }
        List<PackageCandidate> packageCandidates = stillFeasiblePackages(feasible.capacities(), truckById, loadById,
                claimedLoads, now);
        candidates.addAll(packageCandidates);

        var recommendation = new Match.Recommendation(now, region);
        var selected = select(candidates);
        List<MatchId> recommended = new ArrayList<>();
        List<ReloadPackageId> recommendedPackages = new ArrayList<>();
        Map<String, PlannedOption> plannedById = new HashMap<>();
        for (Candidate chosen : selected.chosen()) {
            switch (chosen) {
                case PairCandidate pair -> {
                    var match = Match.proposed(pair.truck(), pair.load(), pair.pair().match(), now)
                            .withRecommendation(recommendation);
                    if (matches.save(match, now)) {
                        recommended.add(match.id());
                        plannedById.put(match.id().value(), new PlannedOption(false, 1,
                                match.score().emptyMilesAvoided(), match.score().surplus()));
                        claimedLoads.add(pair.load().laneId());
                    }
                }
                case PackageCandidate found -> {
                    var proposed = PackageMatch.proposed(found.truck(), found.loads(), found.chain(), now)
                            .withRecommendation(recommendation);
                    if (packages.save(proposed, now)) {
                        recommendedPackages.add(proposed.id());
                        plannedById.put(proposed.id().value(), new PlannedOption(true, found.loads().size(),
                                found.chain().score().emptyMilesAvoided(), found.chain().score().surplus()));
                        found.loads().forEach(load -> claimedLoads.add(load.laneId()));
                    }
                }
            }
        }
        Set<MatchId> current = new HashSet<>(recommended);
        Set<ReloadPackageId> currentPackages = new HashSet<>(recommendedPackages);
        Optional<OptimisationPlan> previousPlan = matches.findPlan(region);
        previousPlan.ifPresent(previous -> {
            previous.recommended().stream().filter(id -> !current.contains(id))
                    .forEach(id -> matches.recommend(id, null));
            previous.recommendedPackages().stream().filter(id -> !currentPackages.contains(id))
                    .forEach(id -> packages.recommend(id, null));
        });
        var result = new OptimisationPlan(region, now, trucks.size(), loads.size(), feasible.candidatePairs(),
                feasible.pairs().size(), recommended, selected.totals(), selected.greedyTotals(),
                packageCandidates.size(), recommendedPackages, selected.pairsOnlyTotals(), selected.selections());
        if (trucks.isEmpty() && loads.isEmpty()) {
            // The hourly run visits every region of the gazetteer: a plan with nothing to plan is not a week's plan.
            matches.savePlan(result);
        } else {
            matches.savePlan(result, newlyRecommended(plannedById, previousPlan, now));
        }
        return result;
    }

    /**
     * The options this plan recommends that the previous plan did not, when that plan is of the same ISO week;
     * all of them when the week is new (ADR 48): over a week, each option is counted once however many hourly
     * plans keep recommending it.
     */
    private static List<PlannedOption> newlyRecommended(Map<String, PlannedOption> plannedById,
            Optional<OptimisationPlan> previousPlan, Instant now) {
        Set<String> before = new HashSet<>();
        previousPlan.filter(previous -> weekOf(previous.computedAt()).equals(weekOf(now))).ifPresent(previous -> {
            previous.recommended().forEach(id -> before.add(id.value()));
            previous.recommendedPackages().forEach(id -> before.add(id.value()));
        });
        return plannedById.entrySet().stream().filter(entry -> !before.contains(entry.getKey()))
                .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    private static NetworkWeek weekOf(Instant instant) {
        return NetworkWeek.of(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** What the selection chose over all currencies, with its figures per currency. */
    private record Selected(List<Candidate> chosen, List<Money> totals, List<Money> greedyTotals,
            List<Money> pairsOnlyTotals, List<OptimisationPlan.Selection> selections) {
    }

    /**
     * Surplus in different currencies is never added up: the options of each currency are one set packing, the
     * currencies taken in code order, and a truck or load chosen in one is left out of the next.
     */
    private Selected select(List<Candidate> candidates) {
        Map<String, List<Candidate>> byCurrency = new TreeMap<>();
        for (Candidate candidate : candidates) {
            byCurrency.computeIfAbsent(candidate.surplus().currency().getCurrencyCode(), code -> new ArrayList<>())
                    .add(candidate);
        }
        Set<String> usedTrucks = new HashSet<>();
        Set<String> usedLoads = new HashSet<>();
        List<Candidate> chosen = new ArrayList<>();
        List<Money> totals = new ArrayList<>();
        List<Money> greedyTotals = new ArrayList<>();
        List<Money> pairsOnlyTotals = new ArrayList<>();
        List<OptimisationPlan.Selection> selections = new ArrayList<>();
        for (List<Candidate> ofCurrency : byCurrency.values()) {
            var currency = ofCurrency.getFirst().surplus().currency();
            List<Candidate> free = ofCurrency.stream().filter(candidate -> !usedTrucks.contains(truckOf(candidate))
                    && loadsOf(candidate).stream().noneMatch(usedLoads::contains)).toList();
            Map<String, Integer> truckIndex = new LinkedHashMap<>();
            Map<String, Integer> loadIndex = new LinkedHashMap<>();
            Map<PackingOption, Candidate> candidateOf = new IdentityHashMap<>();
            List<PackingOption> options = new ArrayList<>();
            List<PackingOption> pairOptions = new ArrayList<>();
            for (Candidate candidate : free) {
                int truck = truckIndex.computeIfAbsent(truckOf(candidate), id -> truckIndex.size());
                int[] loadIndexes = loadsOf(candidate).stream()
                        .mapToInt(id -> loadIndex.computeIfAbsent(id, key -> loadIndex.size())).toArray();
                var option = new PackingOption(truck, loadIndexes, candidate.surplus().amountMinorUnits());
                options.add(option);
                candidateOf.put(option, candidate);
                if (candidate instanceof PairCandidate) {
                    pairOptions.add(option);
                }
            }
            List<PackingOption> pairwise = assign(pairOptions, truckIndex.size(), loadIndex.size(),
                    new ShortestAugmentingPathSolver());
            List<PackingOption> greedy = assign(pairOptions, truckIndex.size(), loadIndex.size(),
                    new GreedyAssignment());
            PackingSelection selection = solver.select(options, truckIndex.size(), loadIndex.size(), pairwise);
            for (PackingOption option : selection.chosen()) {
                Candidate candidate = candidateOf.get(option);
                chosen.add(candidate);
                usedTrucks.add(truckOf(candidate));
                usedLoads.addAll(loadsOf(candidate));
            }
            totals.add(new Money(selection.surplusMinorUnits(), currency));
            greedyTotals.add(new Money(PackingOption.totalSurplus(greedy), currency));
            pairsOnlyTotals.add(new Money(PackingOption.totalSurplus(pairwise), currency));
            selections.add(new OptimisationPlan.Selection(new Money(selection.surplusMinorUnits(), currency),
                    new Money(selection.upperBoundMinorUnits(), currency), selection.gap(), selection.method()));
        }
        return new Selected(chosen, totals, greedyTotals, pairsOnlyTotals, selections);
    }

    /** The assignment of the pair options by {@code solver}, as the same option instances. */
    private static List<PackingOption> assign(List<PackingOption> pairOptions, int trucks, int loads,
            com.backhaulexchange.matching.assignment.AssignmentSolver solver) {
        var builder = AssignmentProblem.builder(trucks, loads);
        Map<Long, PackingOption> byPair = new HashMap<>();
        for (PackingOption option : pairOptions) {
            if (option.surplusMinorUnits() > 0) {
                builder.allow(option.truck(), option.load(0), option.surplusMinorUnits());
                byPair.put(((long) option.truck() << 32) | option.load(0), option);
            }
        }
        Assignment assignment = solver.solve(builder.build());
        return assignment.pairs().stream().map(pair -> byPair.get(((long) pair.row() << 32) | pair.column()))
                .toList();
    }

    private static String truckOf(Candidate candidate) {
        return switch (candidate) {
            case PairCandidate pair -> pair.truck().laneId();
            case PackageCandidate found -> found.truck().laneId();
        };
    }

    private static List<String> loadsOf(Candidate candidate) {
        return switch (candidate) {
            case PairCandidate pair -> List.of(pair.load().laneId());
            case PackageCandidate found -> found.loads().stream().map(PostedLane::laneId).toList();
        };
    }

    /**
     * The stored packages of the region's priced trucks (at most {@link #PACKAGES_PER_TRUCK} each, best first) whose
     * loads are all still open, of active shippers and not claimed by an earlier region, re-evaluated now: a package
     * that no longer passes every chain rule is left out. Loads outside the region are read by id, once each.
     */
    private List<PackageCandidate> stillFeasiblePackages(List<BatchMatcher.PricedCapacity> priced,
            Map<String, PostedLane.Capacity> truckById, Map<String, PostedLane.Load> regionLoads,
            Set<String> claimedLoads, Instant now) {
        Map<String, List<PackageMatch>> stored = new LinkedHashMap<>();
        Set<String> outside = new HashSet<>();
        for (BatchMatcher.PricedCapacity truck : priced) {
            String truckId = truck.lane().id().value();
            List<PackageMatch> found = packages.rankedForLane(truckId, now, PACKAGES_PER_TRUCK, null).items();
            stored.put(truckId, found);
            found.forEach(candidate -> candidate.loadLaneIds().stream().map(id -> id.value())
                    .filter(id -> !regionLoads.containsKey(id) && !claimedLoads.contains(id)).forEach(outside::add));
        }
        Map<String, PostedLane.Load> usable = new HashMap<>(regionLoads);
        List<PostedLane.Load> read = outside.stream().sorted().map(laneRepository::findLane)
                .flatMap(Optional::stream).filter(lane -> lane instanceof PostedLane.Load)
                .map(lane -> (PostedLane.Load) lane).filter(load -> load.isOpenForMatchingAt(now)).toList();
        activeOnly(read).forEach(load -> usable.put(load.laneId(), load));

        List<PackageCandidate> candidates = new ArrayList<>();
        for (BatchMatcher.PricedCapacity truck : priced) {
            PostedLane.Capacity posted = truckById.get(truck.lane().id().value());
            var evaluator = new ChainEvaluator(config, ReloadPreferences.of(truck.lane()));
            for (PackageMatch found : stored.get(truck.lane().id().value())) {
                List<PostedLane.Load> chainLoads = found.loadLaneIds().stream().map(id -> usable.get(id.value()))
                        .toList();
                if (chainLoads.contains(null)) {
                    continue;
                }
                if (evaluator.evaluate(new ReloadPackage(truck.lane(), chainLoads.stream()
                        .map(load -> load.laneAt(now)).toList()), truck.costPerMile())
                        instanceof ChainEvaluation.Feasible chain) {
                    candidates.add(new PackageCandidate(posted, chainLoads, chain));
                }
            }
        }
        candidates.sort(Comparator.comparing(candidate -> candidate.chain().packageId().value()));
        return candidates;
    }

    private List<PostedLane.Load> activeOnly(List<PostedLane.Load> loads) {
        if (loads.isEmpty()) {
            return loads;
        }
        Set<PartnerId> active = tradingPartners.activeAmong(loads.stream().map(PostedLane::owner)
                .collect(Collectors.toSet()));
        return loads.stream().filter(load -> active.contains(load.owner())).toList();
    }

    private static <L extends PostedLane> Map<String, L> byId(List<L> lanes) {
        return lanes.stream().collect(Collectors.toMap(PostedLane::laneId, Function.identity()));
    }
}
