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
 * Finds a capacity lane's best reload chains (2 and 3 loads) among candidate loads the caller has already
 * found near enough, in bounded work:
 *
 * <ol>
 * <li>Loads the truck can never carry (not open, equipment, weight, pallets) are dropped; of the rest, at most
 *     {@link Bounds#maxCandidates} are kept, nearest the truck's road first (least detour: start → pickup →
 *     delivery → end, the out-of-route miles of the load alone plus the baseline).</li>
 * <li>Ordered sequences grow load by load, depth first, and a prefix is cut as soon as a necessary condition
 *     fails: a hop over its deadhead limit (the posting's origin limit for the first, the reload limit after),
 *     or a pickup or delivery the truck cannot reach before its window closes even driving non-stop with no
 *     break (a lower bound on every drive plan; the {@code plainlyInfeasible} idea of
 *     {@link com.backhaulexchange.matching.MatchEvaluator}). A complete sequence must also pass the destination
 *     deadhead limit, reach the end by must-arrive-by non-stop, beat each of its loads alone on empty miles
 *     and leave every load a surplus (miles and money are exact, not bounds). At most
 *     {@link Bounds#maxPrefixesExplored} prefixes are explored.</li>
 * <li>The survivors are fully evaluated ({@link ChainEvaluator}: hours of service, exact windows) best total
 *     surplus first, at most {@link Bounds#maxFullEvaluations}; the {@code limit} nearest sequences cut only at
 *     their last step are evaluated too, so that a lane without a chain is told why its nearest ones fail.</li>
 * </ol>
 *
 * The result says when a bound was reached ({@link Stats#truncated}): the search is then not complete.
 */
public final class ChainSearch {

    /**
     * The search's caps. 40 candidates give at most 40 × 39 × 38 = 59,280 three-load orders before pruning;
     * the prefix cap keeps a dense book (where little is pruned) to a few milliseconds, and the full
     * evaluations (a drive plan each) to a few hundred.
     */
    public record Bounds(int maxCandidates, int maxPrefixesExplored, int maxFullEvaluations) {
        public static final Bounds DEFAULT = new Bounds(40, 100_000, 400);

        public Bounds {
            if (maxCandidates < 2 || maxPrefixesExplored < 1 || maxFullEvaluations < 1) {
                throw new IllegalArgumentException("search bounds must be positive (two candidates at least)");
            }
        }
    }

    /** What the search did: how many candidates it was given and kept, prefixes explored, chains evaluated. */
    public record Stats(int candidatesGiven, int candidatesConsidered, int prefixesExplored, int sequencesPassed,
            int fullEvaluations, boolean truncated) {
    }

    /** The best {@code limit} feasible chains, best first, and the {@code limit} nearest rejected ones. */
    public record Result(List<ChainEvaluation.Feasible> best, List<ChainEvaluation.Infeasible> nearestRejected,
            Stats stats) {
        public Result {
            best = List.copyOf(best);
            nearestRejected = List.copyOf(nearestRejected);
        }
    }

    /** A capacity lane, its carrier's cost per mile, and the loads already near it. */
    public record LaneWithCandidates(CapacityLane capacity, Money carrierCostPerMile, Collection<LoadLane> candidates) {
        public LaneWithCandidates {
            Objects.requireNonNull(capacity, "capacity");
            Objects.requireNonNull(carrierCostPerMile, "carrierCostPerMile");
            candidates = List.copyOf(candidates);
        }
    }

    /** How a chain through a new load changes what its lane is offered. */
    public enum Effect {
        /** The lane had no feasible chain without the new load. */
        COMPLETES,
        /** The chain ranks above the lane's best chain without the new load. */
        IMPROVES,
        /** Another feasible chain, not better than the lane's best without the new load. */
        ADDS
    }

    /** A feasible chain through a new load, with the lane's best chain without it (null: none). */
    public record Opportunity(CapacityLaneId capacityLaneId, ChainEvaluation.Feasible chain,
            ChainEvaluation.Feasible bestWithout, Effect effect) {
        public Opportunity {
            Objects.requireNonNull(capacityLaneId, "capacityLaneId");
            Objects.requireNonNull(chain, "chain");
            Objects.requireNonNull(effect, "effect");
        }
    }

    // Floating-point noise in distances must never cut a feasible chain: bounds get a minute of slack.
    private static final Duration BOUND_SLACK = Duration.ofMinutes(1);
    private static final double MILES_SLACK = 1e-9;

    private final ChainEvaluator evaluator;
    private final MatchingConfig config;
    private final ReloadPreferences preferences;
    private final DrivePlanner planner;
    private final Bounds bounds;

    public ChainSearch(MatchingConfig config, ReloadPreferences preferences, Bounds bounds) {
        this.config = Objects.requireNonNull(config, "config");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.bounds = Objects.requireNonNull(bounds, "bounds");
        this.evaluator = new ChainEvaluator(config, preferences);
        this.planner = config.drivePlanner();
    }

    public ChainSearch(MatchingConfig config) {
        this(config, ReloadPreferences.DEFAULT, Bounds.DEFAULT);
    }

    public Result search(CapacityLane capacity, Money carrierCostPerMile, Collection<LoadLane> candidates, int limit) {
        return search(capacity, carrierCostPerMile, candidates, limit, null);
    }

    /**
     * The reverse direction: for each lane, the feasible chains through {@code newLoad} among the lane's other
     * candidates (at most {@code limitPerLane} per lane, best first), each marked with what it changes for the
     * lane. Lanes come in the order given; each costs two bounded searches (with and without the new load).
     */
    public List<Opportunity> completedBy(LoadLane newLoad, Collection<LaneWithCandidates> lanes, int limitPerLane) {
        Objects.requireNonNull(newLoad, "newLoad");
        List<Opportunity> opportunities = new ArrayList<>();
        for (LaneWithCandidates lane : lanes) {
            List<LoadLane> others = lane.candidates().stream()
                    .filter(load -> !load.id().equals(newLoad.id())).toList();
            List<LoadLane> with = new ArrayList<>(others);
            with.add(newLoad);
            Result through = search(lane.capacity(), lane.carrierCostPerMile(), with, limitPerLane, newLoad.id());
            if (through.best().isEmpty()) {
                continue;
            }
            List<ChainEvaluation.Feasible> before = search(lane.capacity(), lane.carrierCostPerMile(), others, 1,
                    null).best();
            ChainEvaluation.Feasible bestWithout = before.isEmpty() ? null : before.getFirst();
            for (ChainEvaluation.Feasible chain : through.best()) {
                Effect effect = bestWithout == null ? Effect.COMPLETES
                        : ChainScorer.BEST_FIRST.compare(chain.score(), bestWithout.score()) < 0 ? Effect.IMPROVES
                                : Effect.ADDS;
                opportunities.add(new Opportunity(lane.capacity().id(), chain, bestWithout, effect));
            }
        }
        return List.copyOf(opportunities);
    }

    private Result search(CapacityLane capacity, Money carrierCostPerMile, Collection<LoadLane> candidates, int limit,
            LoadLaneId mustInclude) {
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
        // Each sequence was priced once, when it passed, not at every comparison; a chain priced in mixed
        // currencies ranks last. The package id (a SHA-256) only breaks ties of surplus, so only tied ones get it.
        List<Passed> ranked = new ArrayList<>(run.passed);
        ranked.sort(Comparator.comparingLong(Passed::surplusMinorUnits).reversed()
                .thenComparing(passed -> passed.packageId(run)));
        int evaluations = 0;
        for (Passed candidate : ranked) {
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
        List<NearMiss> nearMisses = new ArrayList<>(run.nearMisses);
        nearMisses.sort(Comparator.comparingDouble(NearMiss::deadheadMiles)
                .thenComparing(nearMiss -> run.packageId(nearMiss.sequence())));
        for (NearMiss nearMiss : nearMisses) {
            int[] sequence = nearMiss.sequence();
            evaluations++;
            if (evaluator.evaluate(run.reloadPackage(sequence), carrierCostPerMile)
                    instanceof ChainEvaluation.Infeasible chain) {
                rejected.add(chain);
            }
        }
        var stats = new Stats(candidates.size(), run.loads.size(), run.prefixes, ranked.size(), evaluations,
                run.truncated);
        return new Result(ChainScorer.rank(feasible).stream().limit(limit).toList(),
                rejected.stream().sorted(ChainScorer.NEAREST_FIRST).limit(limit).toList(), stats);
    }

    /**
     * The distinct candidates the truck could ever carry, nearest {@code maxCandidates} first, each with its
     * miles alone on the truck's road (measured once, not at every comparison of the sort).
     */
    private List<Candidate> considered(CapacityLane capacity, Collection<LoadLane> candidates) {
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
        List<Candidate> measured = new ArrayList<>(distinct.size());
        for (LoadLane load : distinct.values()) {
            measured.add(new Candidate(load,
                    roads.roadMiles(capacity.emptyAt().coordinates(), load.origin().coordinates()),
                    roads.roadMiles(load.origin().coordinates(), load.destination().coordinates()),
                    roads.roadMiles(load.destination().coordinates(), capacity.mustEndAt().coordinates())));
        }
        // The detour the load alone would add to the truck's road: loads along its corridor come first, whether
        // they would open, continue or close a chain.
        measured.sort(Comparator.comparingDouble(Candidate::detourMiles)
                .thenComparing(candidate -> candidate.load().id().value()));
        return measured.subList(0, Math.min(measured.size(), bounds.maxCandidates()));
    }

    /** A load the search considers, with the truck's empty hop to its pickup, its loaded miles, and the run home. */
    private record Candidate(LoadLane load, double firstHopMiles, double loadedMiles, double lastHopMiles) {
        double detourMiles() {
            return firstHopMiles + loadedMiles + lastHopMiles;
        }
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
        private final List<Passed> passed = new ArrayList<>();
        private final PriorityQueue<NearMiss> nearMisses;
        private final int nearMissesKept;
        private int prefixes;
        private boolean truncated;

        Run(CapacityLane capacity, Money carrierCostPerMile, List<Candidate> candidates, LoadLaneId mustInclude,
                int nearMissesKept) {
            this.capacity = capacity;
            this.carrierCostPerMile = carrierCostPerMile;
            this.loads = candidates.stream().map(Candidate::load).toList();
            int n = loads.size();
            int include = -1;
            RoadDistanceModel roads = config.roadDistance();
            firstHop = new double[n];
            loaded = new double[n];
            lastHop = new double[n];
            hop = new double[n][];
            aloneAvoided = new double[n];
            baseline = roads.roadMiles(capacity.emptyAt().coordinates(), capacity.mustEndAt().coordinates());
            for (int i = 0; i < n; i++) {
                LoadLane load = loads.get(i);
                if (load.id().equals(mustInclude)) {
                    include = i;
                }
                firstHop[i] = candidates.get(i).firstHopMiles();
                loaded[i] = candidates.get(i).loadedMiles();
                lastHop[i] = candidates.get(i).lastHopMiles();
                aloneAvoided[i] = baseline - firstHop[i] - lastHop[i];
            }
            // A load that must be in every chain but cannot be carried at all leaves nothing to explore.
            this.mustInclude = mustInclude == null ? ANY : include < 0 ? MISSING : include;
            this.nearMissesKept = nearMissesKept;
            this.nearMisses = new PriorityQueue<>(Comparator.comparingDouble(NearMiss::deadheadMiles).reversed());
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
            double hopMiles = depth == 0 ? firstHop[next] : hop(sequence[depth - 1], next);
            double limit = depth == 0 ? capacity.maxOriginDeadheadMiles() : preferences.maxReloadDeadheadMiles();
            Instant leavesDelivery = hopMiles <= limit + MILES_SLACK ? nonStop(leaves, hopMiles, next) : null;
            if (leavesDelivery == null) {
                nearMiss(prefix);
                return;
            }
            if (depth >= 1) {
                Passed complete = completed(prefix, leavesDelivery);
                if (complete != null) {
                    passed.add(complete);
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

        /**
         * The exact and bounding checks of a complete sequence that the prefix checks have not made: the sequence
         * with its surplus when it passes them (the lowest possible when priced in mixed currencies), else null.
         */
        private Passed completed(int[] sequence, Instant leavesLastDelivery) {
            int last = sequence[sequence.length - 1];
            if (lastHop[last] > capacity.maxDestinationDeadheadMiles() + MILES_SLACK
                    || leavesLastDelivery.plus(planner.driveTime(lastHop[last])).minus(BOUND_SLACK)
                            .isAfter(capacity.mustArriveBy().toInstant())) {
                return null;
            }
            if (!includesTheRequiredLoad(sequence)) {
                return null;
            }
            double avoided = baseline - deadheadMiles(sequence);
            for (int index : sequence) {
                if (!(avoided > aloneAvoided[index])) {
                    return null;
                }
            }
            List<LoadLane> chain = loadsOf(sequence);
            if (!ChainEconomics.pricedInOneCurrency(chain, carrierCostPerMile, config.marketRatePerLoadedMile())) {
                return new Passed(sequence, Long.MIN_VALUE);
            }
            var economics = ChainEconomics.of(miles(sequence), chain, carrierCostPerMile,
                    config.marketRatePerLoadedMile());
            if (!economics.perLoad().stream().allMatch(share -> share.surplus().amountMinorUnits() > 0)) {
                return null;
            }
            return new Passed(sequence, economics.surplus().amountMinorUnits());
        }

        /** The sequence's {@link ChainMiles}, from the miles already measured (the same figures, not re-measured). */
        private ChainMiles miles(int[] sequence) {
            List<ChainMiles.LoadMiles> legs = new ArrayList<>(sequence.length);
            for (int k = 0; k < sequence.length; k++) {
                int index = sequence[k];
                legs.add(new ChainMiles.LoadMiles(k == 0 ? firstHop[index] : hop(sequence[k - 1], index),
                        loaded[index]));
            }
            return new ChainMiles(legs, lastHop[sequence[sequence.length - 1]], baseline);
        }

        /** Keeps the nearest few sequences of chain length that were cut, to evaluate them for their reasons. */
        private void nearMiss(int[] sequence) {
            if (sequence.length < ReloadPackage.MIN_LOADS || !includesTheRequiredLoad(sequence)
                    || nearMissesKept == 0) {
                return;
            }
            nearMisses.add(new NearMiss(sequence, deadheadMiles(sequence)));
            if (nearMisses.size() > nearMissesKept) {
                nearMisses.poll();
            }
        }

        private boolean includesTheRequiredLoad(int[] sequence) {
            return mustInclude == ANY || Arrays.stream(sequence).anyMatch(index -> index == mustInclude);
        }

        /**
         * The empty miles from load {@code from}'s delivery to load {@code to}'s pickup. A row is measured when
         * first needed: the rows of loads no prefix continues from (most of them) are never measured.
         */
        private double hop(int from, int to) {
            double[] row = hop[from];
            if (row == null) {
                RoadDistanceModel roads = config.roadDistance();
                row = new double[loads.size()];
                for (int j = 0; j < row.length; j++) {
                    row[j] = roads.roadMiles(loads.get(from).destination().coordinates(),
                            loads.get(j).origin().coordinates());
                }
                hop[from] = row;
            }
            return row[to];
        }

        double deadheadMiles(int[] sequence) {
            double miles = firstHop[sequence[0]] + lastHop[sequence[sequence.length - 1]];
            for (int k = 1; k < sequence.length; k++) {
                miles += hop(sequence[k - 1], sequence[k]);
            }
            return miles;
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

    /** A sequence cut at its last step, with its empty miles (what keeps the nearest few). */
    private record NearMiss(int[] sequence, double deadheadMiles) {
    }

    /** A sequence that passed the cheap checks, with what ranks it for full evaluation. */
    private static final class Passed {
        private final int[] sequence;
        private final long surplusMinorUnits;
        private String packageId;

        Passed(int[] sequence, long surplusMinorUnits) {
            this.sequence = sequence;
            this.surplusMinorUnits = surplusMinorUnits;
        }

        int[] sequence() {
            return sequence;
        }

        long surplusMinorUnits() {
            return surplusMinorUnits;
        }

        String packageId(Run run) {
            if (packageId == null) {
                packageId = run.packageId(sequence);
            }
            return packageId;
        }
    }
}
