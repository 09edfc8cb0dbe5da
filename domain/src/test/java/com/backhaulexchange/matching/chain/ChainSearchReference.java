package com.backhaulexchange.matching.chain;

import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.matching.DrivePlanner;
import com.backhaulexchange.matching.EquipmentCompatibility;
import com.backhaulexchange.matching.MatchingConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The chain search as it was before its speed-up (ChainSearch at commit 556c057, unchanged but for its name and
 * the result types it shares with {@link ChainSearch}): the oracle that {@code ChainSearchSamenessTest} compares
 * the faster search with, result by result.
 */
final class ChainSearchReference {

    // Floating-point noise in distances must never cut a feasible chain: bounds get a minute of slack.
    private static final Duration BOUND_SLACK = Duration.ofMinutes(1);
    private static final double MILES_SLACK = 1e-9;

    private final ChainEvaluator evaluator;
    private final MatchingConfig config;
    private final ReloadPreferences preferences;
    private final DrivePlanner planner;
    private final ChainSearch.Bounds bounds;

    ChainSearchReference(MatchingConfig config, ReloadPreferences preferences, ChainSearch.Bounds bounds) {
        this.config = Objects.requireNonNull(config, "config");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.bounds = Objects.requireNonNull(bounds, "bounds");
        this.evaluator = new ChainEvaluator(config, preferences);
        this.planner = config.drivePlanner();
    }

    ChainSearch.Result search(CapacityLane capacity, Money carrierCostPerMile, Collection<LoadLane> candidates,
            int limit) {
        return search(capacity, carrierCostPerMile, candidates, limit, null);
    }

    /**
     * The reverse direction: for each lane, the feasible chains through {@code newLoad} among the lane's other
     * candidates (at most {@code limitPerLane} per lane, best first), each marked with what it changes for the
     * lane. Lanes come in the order given; each costs two bounded searches (with and without the new load).
     */
    List<ChainSearch.Opportunity> completedBy(LoadLane newLoad, Collection<ChainSearch.LaneWithCandidates> lanes,
            int limitPerLane) {
        Objects.requireNonNull(newLoad, "newLoad");
        List<ChainSearch.Opportunity> opportunities = new ArrayList<>();
        for (ChainSearch.LaneWithCandidates lane : lanes) {
            List<LoadLane> others = lane.candidates().stream()
                    .filter(load -> !load.id().equals(newLoad.id())).toList();
            List<LoadLane> with = new ArrayList<>(others);
            with.add(newLoad);
            ChainSearch.Result through = search(lane.capacity(), lane.carrierCostPerMile(), with, limitPerLane,
                    newLoad.id());
            if (through.best().isEmpty()) {
                continue;
            }
            List<ChainEvaluation.Feasible> before = search(lane.capacity(), lane.carrierCostPerMile(), others, 1,
                    null).best();
            ChainEvaluation.Feasible bestWithout = before.isEmpty() ? null : before.getFirst();
            for (ChainEvaluation.Feasible chain : through.best()) {
                ChainSearch.Effect effect = bestWithout == null ? ChainSearch.Effect.COMPLETES
                        : ChainScorer.BEST_FIRST.compare(chain.score(), bestWithout.score()) < 0
                                ? ChainSearch.Effect.IMPROVES
                                : ChainSearch.Effect.ADDS;
                opportunities.add(new ChainSearch.Opportunity(lane.capacity().id(), chain, bestWithout, effect));
            }
        }
        return List.copyOf(opportunities);
    }

    private ChainSearch.Result search(CapacityLane capacity, Money carrierCostPerMile,
            Collection<LoadLane> candidates, int limit, LoadLaneId mustInclude) {
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(carrierCostPerMile, "carrierCostPerMile");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        var run = new Run(capacity, carrierCostPerMile, considered(capacity, candidates), mustInclude, limit);
        if (capacity.status().isOpenForMatching()) {
            run.explore();
        }
        List<ChainEvaluation.Feasible> feasible = new ArrayList<>();
        List<ChainEvaluation.Infeasible> rejected = new ArrayList<>();
        // Each sequence is priced once, not at every comparison; a chain priced in mixed currencies ranks last.
        List<Ranked> ranked = run.passed.stream()
                .map(sequence -> new Ranked(sequence, run.surplusMinorUnits(sequence), run.packageId(sequence)))
                .sorted(Comparator.comparingLong(Ranked::surplusMinorUnits).reversed()
                        .thenComparing(Ranked::packageId))
                .toList();
        int evaluations = 0;
        for (Ranked candidate : ranked) {
            int[] sequence = candidate.sequence();
            if (evaluations == bounds.maxFullEvaluations()) {
                run.truncated = true;
                break;
            }
            evaluations++;
            switch (evaluator.evaluate(run.reloadPackage(sequence), carrierCostPerMile)) {
                case ChainEvaluation.Feasible chain -> feasible.add(chain);
                case ChainEvaluation.Infeasible chain -> rejected.add(chain);
            }
        }
        List<int[]> nearMisses = new ArrayList<>(run.nearMisses);
        nearMisses.sort(Comparator.comparingDouble(run::deadheadMiles).thenComparing(run::packageId));
        for (int[] sequence : nearMisses) {
            evaluations++;
            if (evaluator.evaluate(run.reloadPackage(sequence), carrierCostPerMile)
                    instanceof ChainEvaluation.Infeasible chain) {
                rejected.add(chain);
            }
        }
        var stats = new ChainSearch.Stats(candidates.size(), run.loads.size(), run.prefixes, ranked.size(), evaluations,
                run.truncated);
        return new ChainSearch.Result(ChainScorer.rank(feasible).stream().limit(limit).toList(),
                rejected.stream().sorted(ChainScorer.NEAREST_FIRST).limit(limit).toList(), stats);
    }

    /** The distinct candidates the truck could ever carry, nearest {@code maxCandidates} first. */
    private List<LoadLane> considered(CapacityLane capacity, Collection<LoadLane> candidates) {
        RoadDistanceModel roads = config.roadDistance();
        Map<LoadLaneId, LoadLane> distinct = new LinkedHashMap<>();
        for (LoadLane load : candidates) {
            if (load.status().isOpenForMatching()
                    && EquipmentCompatibility.canCarry(capacity.equipment(), load.equipment())
                    && load.weightLbs() <= capacity.weightCapacityLbs()
                    && load.pallets() <= capacity.palletCapacity()) {
                distinct.putIfAbsent(load.id(), load);
            }
        }
        // The detour the load alone would add to the truck's road: loads along its corridor come first, whether
        // they would open, continue or close a chain.
        Comparator<LoadLane> nearestFirst = Comparator.comparingDouble((LoadLane load) ->
                roads.roadMiles(capacity.emptyAt().coordinates(), load.origin().coordinates())
                        + roads.roadMiles(load.origin().coordinates(), load.destination().coordinates())
                        + roads.roadMiles(load.destination().coordinates(), capacity.mustEndAt().coordinates()))
                .thenComparing(load -> load.id().value());
        return distinct.values().stream().sorted(nearestFirst).limit(bounds.maxCandidates()).toList();
    }

    /** One search's working state over the considered loads, indexed 0..n-1. */
    private final class Run {
        private static final int ANY = -1;
        private static final int MISSING = -2;

        private final CapacityLane capacity;
        private final Money carrierCostPerMile;
        private final List<LoadLane> loads;
        private final int mustInclude;
        private final double[] firstHop;
        private final double[] loaded;
        private final double[] lastHop;
        private final double[][] hop;
        private final double baseline;
        private final double[] aloneAvoided;
        private final List<int[]> passed = new ArrayList<>();
        private final PriorityQueue<int[]> nearMisses;
        private final int nearMissesKept;
        private int prefixes;
        private boolean truncated;

        Run(CapacityLane capacity, Money carrierCostPerMile, List<LoadLane> loads, LoadLaneId mustInclude,
                int nearMissesKept) {
            this.capacity = capacity;
            this.carrierCostPerMile = carrierCostPerMile;
            this.loads = loads;
            int n = loads.size();
            int include = -1;
            RoadDistanceModel roads = config.roadDistance();
            firstHop = new double[n];
            loaded = new double[n];
            lastHop = new double[n];
            hop = new double[n][n];
            aloneAvoided = new double[n];
            baseline = roads.roadMiles(capacity.emptyAt().coordinates(), capacity.mustEndAt().coordinates());
            for (int i = 0; i < n; i++) {
                LoadLane load = loads.get(i);
                if (load.id().equals(mustInclude)) {
                    include = i;
                }
                firstHop[i] = roads.roadMiles(capacity.emptyAt().coordinates(), load.origin().coordinates());
                loaded[i] = roads.roadMiles(load.origin().coordinates(), load.destination().coordinates());
                lastHop[i] = roads.roadMiles(load.destination().coordinates(), capacity.mustEndAt().coordinates());
                aloneAvoided[i] = baseline - firstHop[i] - lastHop[i];
                for (int j = 0; j < n; j++) {
                    hop[i][j] = roads.roadMiles(load.destination().coordinates(),
                            loads.get(j).origin().coordinates());
                }
            }
            // A load that must be in every chain but cannot be carried at all leaves nothing to explore.
            this.mustInclude = mustInclude == null ? ANY : include < 0 ? MISSING : include;
            this.nearMissesKept = nearMissesKept;
            this.nearMisses = new PriorityQueue<>(Comparator.comparingDouble(this::deadheadMiles).reversed());
        }

        void explore() {
            if (mustInclude == MISSING) {
                return;
            }
            int[] sequence = new int[ReloadPackage.MAX_LOADS];
            for (int first = 0; first < loads.size() && !truncated; first++) {
                extend(sequence, 0, first, capacity.availableFrom().toInstant());
            }
        }

        /** Tries {@code next} as load {@code depth} after the truck leaves its previous stop at {@code leaves}. */
        private void extend(int[] sequence, int depth, int next, Instant leaves) {
            for (int k = 0; k < depth; k++) {
                if (sequence[k] == next) {
                    return;
                }
            }
            if (++prefixes > bounds.maxPrefixesExplored()) {
                truncated = true;
                return;
            }
            sequence[depth] = next;
            int[] prefix = Arrays.copyOf(sequence, depth + 1);
            double hopMiles = depth == 0 ? firstHop[next] : hop[sequence[depth - 1]][next];
            double limit = depth == 0 ? capacity.maxOriginDeadheadMiles() : preferences.maxReloadDeadheadMiles();
            Instant leavesDelivery = hopMiles <= limit + MILES_SLACK ? nonStop(leaves, hopMiles, next) : null;
            if (leavesDelivery == null) {
                nearMiss(prefix);
                return;
            }
            if (depth >= 1) {
                if (completes(prefix, leavesDelivery)) {
                    passed.add(prefix);
                } else {
                    nearMiss(prefix);
                }
            }
            for (int after = 0; depth + 1 < ReloadPackage.MAX_LOADS && after < loads.size() && !truncated; after++) {
                extend(sequence, depth + 1, after, leavesDelivery);
            }
        }

        /**
         * When the truck leaves load {@code index}'s delivery at the earliest, driving {@code hopMiles} to its
         * pickup from {@code leaves} without a break or rest; null when even that misses a window.
         */
        private Instant nonStop(Instant leaves, double hopMiles, int index) {
            LoadLane load = loads.get(index);
            Instant atPickup = leaves.plus(planner.driveTime(hopMiles)).minus(BOUND_SLACK);
            if (atPickup.isAfter(load.pickupWindow().closesAt())) {
                return null;
            }
            Instant pickedUp = later(atPickup, load.pickupWindow().opensAt()).plus(config.pickupDwell());
            Instant atDelivery = pickedUp.plus(planner.driveTime(loaded[index])).minus(BOUND_SLACK);
            if (atDelivery.isAfter(load.deliveryWindow().closesAt())) {
                return null;
            }
            return later(atDelivery, load.deliveryWindow().opensAt()).plus(config.deliveryDwell());
        }

        /** The exact and bounding checks of a complete sequence that the prefix checks have not made. */
        private boolean completes(int[] sequence, Instant leavesLastDelivery) {
            int last = sequence[sequence.length - 1];
            if (lastHop[last] > capacity.maxDestinationDeadheadMiles() + MILES_SLACK
                    || leavesLastDelivery.plus(planner.driveTime(lastHop[last])).minus(BOUND_SLACK)
                            .isAfter(capacity.mustArriveBy().toInstant())) {
                return false;
            }
            if (!includesTheRequiredLoad(sequence)) {
                return false;
            }
            double avoided = baseline - deadheadMiles(sequence);
            for (int index : sequence) {
                if (!(avoided > aloneAvoided[index])) {
                    return false;
                }
            }
            List<LoadLane> chain = loadsOf(sequence);
            if (ChainEconomics.pricedInOneCurrency(chain, carrierCostPerMile, config.marketRatePerLoadedMile())) {
                var economics = ChainEconomics.of(ChainMiles.of(capacity, chain, config.roadDistance()), chain,
                        carrierCostPerMile, config.marketRatePerLoadedMile());
                return economics.perLoad().stream().allMatch(share -> share.surplus().amountMinorUnits() > 0);
            }
            return true;
        }

        /** Keeps the nearest few sequences of chain length that were cut, to evaluate them for their reasons. */
        private void nearMiss(int[] sequence) {
            if (sequence.length < ReloadPackage.MIN_LOADS || !includesTheRequiredLoad(sequence)
                    || nearMissesKept == 0) {
                return;
            }
            nearMisses.add(sequence);
            if (nearMisses.size() > nearMissesKept) {
                nearMisses.poll();
            }
        }

        private boolean includesTheRequiredLoad(int[] sequence) {
            return mustInclude == ANY || Arrays.stream(sequence).anyMatch(index -> index == mustInclude);
        }

        double deadheadMiles(int[] sequence) {
            double miles = firstHop[sequence[0]] + lastHop[sequence[sequence.length - 1]];
            for (int k = 1; k < sequence.length; k++) {
                miles += hop[sequence[k - 1]][sequence[k]];
            }
            return miles;
        }

        long surplusMinorUnits(int[] sequence) {
            List<LoadLane> chain = loadsOf(sequence);
            if (!ChainEconomics.pricedInOneCurrency(chain, carrierCostPerMile, config.marketRatePerLoadedMile())) {
                return Long.MIN_VALUE;
            }
            return ChainEconomics.of(ChainMiles.of(capacity, chain, config.roadDistance()), chain, carrierCostPerMile,
                    config.marketRatePerLoadedMile()).surplus().amountMinorUnits();
        }

        String packageId(int[] sequence) {
            return ReloadPackageId.of(capacity.id(), loadsOf(sequence).stream().map(LoadLane::id).toList()).value();
        }

        ReloadPackage reloadPackage(int[] sequence) {
            return new ReloadPackage(capacity, loadsOf(sequence));
        }

        private List<LoadLane> loadsOf(int[] sequence) {
            List<LoadLane> chain = new ArrayList<>(sequence.length);
            for (int index : sequence) {
                chain.add(loads.get(index));
            }
            return chain;
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** A sequence that passed the cheap checks, with what ranks it for full evaluation. */
    private record Ranked(int[] sequence, long surplusMinorUnits, String packageId) {
    }
}
