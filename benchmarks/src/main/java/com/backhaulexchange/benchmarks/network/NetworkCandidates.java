package com.backhaulexchange.benchmarks.network;

import com.backhaulexchange.matching.selection.PackingOption;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.GeoCell;
import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.matching.EquipmentCompatibility;
import com.backhaulexchange.matching.MatchEvaluation;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.chain.ChainEvaluation;
import com.backhaulexchange.matching.chain.ChainSearch;
import com.backhaulexchange.matching.chain.ReloadPreferences;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The options of every truck of a network, found through spatial buckets (geohash cells of
 * {@link GeoCellScheme}, as the match engine's candidate index), never by trying all pairs:
 *
 * <ul>
 * <li><b>Pairs</b>: the loads picked up in the cells the truck's origin deadhead disc touches, screened by
 *     {@link MatchEvaluator#plainlyInfeasible} and fully evaluated; kept when feasible with a positive surplus.</li>
 * <li><b>Chains</b>: {@link ChainSearch} over the loads near the truck's road: first loads (picked up within
 *     its origin limit), last loads (delivered within its destination limit), and middle loads (picked up
 *     within the reload limit of a first load's delivery and delivered within the reload limit of a last
 *     load's pickup: one index lookup per pair of cells), at most {@code perRole} of each, least detour
 *     first. The search then keeps its own 40 and caps its own work ({@link ChainSearch.Bounds}).</li>
 * </ul>
 *
 * Each truck's pairs and chains depend on nothing but the truck and the network, so the trucks are searched on
 * {@code threads} threads (ADR 46); the options come out in truck order, the same whatever the number of threads.
 */
final class NetworkCandidates {

    /** Chains found, and what the searches did. {@code searched} is below the truck count when the budget ran out. */
    record Chains(List<PackingOption> chains, int searched, int truncatedSearches, long candidatesGiven,
            double seconds) {
    }

    record Pairs(List<PackingOption> pairs, int screened, double seconds) {
    }

    private final Network network;
    private final MatchingConfig config;
    private final ReloadPreferences preferences;
    private final GeoCellScheme cells;
    private final RoadDistanceModel roads;
    private final Map<GeoCell, int[]> byOrigin;
    private final Map<GeoCell, int[]> byDestination;
    /** Loads by origin cell id (the list's index), then destination cell id; ids from {@link #cellIds}. */
    private final List<Map<Integer, int[]>> byOriginThenDestination;
    /** An id for every cell holding a load's origin or destination. */
    private final Map<GeoCell, Integer> cellIds = new HashMap<>();
    private final Map<LoadLaneId, Integer> indexOf = new HashMap<>();
    private final double[] loadedMiles;
    /** Per load, lazily: the ids of the cells within the reload limit of its destination, and of its origin. */
    private final AtomicReferenceArray<int[]> nearDestination;
    private final AtomicReferenceArray<int[]> nearOrigin;
    private final int threads;

    NetworkCandidates(Network network, MatchingConfig config, ReloadPreferences preferences, GeoCellScheme cells) {
        this(network, config, preferences, cells, Runtime.getRuntime().availableProcessors());
    }

    NetworkCandidates(Network network, MatchingConfig config, ReloadPreferences preferences, GeoCellScheme cells,
            int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
        this.network = network;
        this.config = config;
        this.preferences = preferences;
        this.cells = cells;
        this.roads = config.roadDistance();
        Map<GeoCell, List<Integer>> origin = new HashMap<>();
        Map<GeoCell, List<Integer>> destination = new HashMap<>();
        Map<Long, List<Integer>> both = new HashMap<>();
        int n = network.loads().size();
        loadedMiles = new double[n];
        nearDestination = new AtomicReferenceArray<>(n);
        nearOrigin = new AtomicReferenceArray<>(n);
        for (int l = 0; l < n; l++) {
            LoadLane load = network.loads().get(l);
            indexOf.put(load.id(), l);
            loadedMiles[l] = roads.roadMiles(load.origin().coordinates(), load.destination().coordinates());
            GeoCell o = cells.cellOf(load.origin().coordinates());
            GeoCell d = cells.cellOf(load.destination().coordinates());
            origin.computeIfAbsent(o, cell -> new ArrayList<>()).add(l);
            destination.computeIfAbsent(d, cell -> new ArrayList<>()).add(l);
            long key = (long) cellId(o) << 32 | cellId(d);
            both.computeIfAbsent(key, k -> new ArrayList<>()).add(l);
        }
        byOrigin = frozen(origin);
        byDestination = frozen(destination);
        // By origin, then destination: one (origin, destination) key of 64 bits hashed into 32 collided heavily.
        List<Map<Integer, int[]>> byPair = new ArrayList<>();
        for (int id = 0; id < cellIds.size(); id++) {
            byPair.add(new HashMap<>());
        }
        frozen(both).forEach((key, loads) -> byPair.get((int) (key >>> 32)).put((int) (long) key, loads));
        byOriginThenDestination = byPair;
    }

    /** Every feasible pair with a positive surplus, one pass over the trucks. */
    Pairs pairs() {
        long started = System.nanoTime();
        var evaluator = new MatchEvaluator(config);
        AtomicLong screened = new AtomicLong();
        List<PackingOption> pairs = perTruck(t -> {
            CapacityLane truck = network.trucks().get(t);
            List<PackingOption> found = new ArrayList<>();
            for (int l : near(byOrigin, truck.emptyAt().coordinates(), truck.maxOriginDeadheadMiles())) {
                screened.incrementAndGet();
                LoadLane load = network.loads().get(l);
                if (!evaluator.plainlyInfeasible(truck, load)
                        && evaluator.evaluate(truck, network.costOf(truck), load) instanceof MatchEvaluation.Feasible f
                        && f.score().surplus().amountMinorUnits() > 0) {
                    found.add(PackingOption.of(t, f.score().surplus().amountMinorUnits(), l));
                }
            }
            return found;
        });
        return new Pairs(pairs, (int) screened.get(), (System.nanoTime() - started) / 1e9);
    }

    /**
     * The best {@code perTruck} feasible chains of each truck, in truck order, until {@code budgetSeconds}
     * have passed (trucks not started by then are not searched: {@link Chains#searched}).
     */
    Chains chains(int perRole, int perTruck, ChainSearch.Bounds bounds, double budgetSeconds) {
        long started = System.nanoTime();
        long deadline = started + (long) (budgetSeconds * 1e9);
        var search = new ChainSearch(config, preferences, bounds);
        AtomicInteger searched = new AtomicInteger();
        AtomicInteger truncated = new AtomicInteger();
        AtomicLong given = new AtomicLong();
        List<PackingOption> chains = perTruck(t -> {
            if (System.nanoTime() > deadline) {
                return List.<PackingOption>of();
            }
            CapacityLane truck = network.trucks().get(t);
            List<LoadLane> candidates = chainCandidates(truck, perRole).stream().map(network.loads()::get).toList();
            given.addAndGet(candidates.size());
            var result = search.search(truck, network.costOf(truck), candidates, perTruck);
            searched.incrementAndGet();
            if (result.stats().truncated()) {
                truncated.incrementAndGet();
            }
            List<PackingOption> found = new ArrayList<>();
            for (ChainEvaluation.Feasible chain : result.best()) {
                int[] loads = chain.explanation().loadLaneIds().stream().mapToInt(indexOf::get).toArray();
                found.add(new PackingOption(t, loads, chain.explanation().economics().surplus().amountMinorUnits()));
            }
            return found;
        });
        return new Chains(chains, searched.get(), truncated.get(), given.get(), (System.nanoTime() - started) / 1e9);
    }

    /**
     * {@code work}'s options of every truck, in truck order: on the calling thread alone, or on a pool of
     * {@code threads} (an ordered parallel stream keeps the order, so the list is the same either way).
     */
    private List<PackingOption> perTruck(IntFunction<List<PackingOption>> work) {
        IntStream trucks = IntStream.range(0, network.trucks().size());
        if (threads == 1) {
            return trucks.mapToObj(work).flatMap(List::stream).toList();
        }
        try (var pool = new ForkJoinPool(threads)) {
            return pool.submit(() -> trucks.parallel().mapToObj(work).flatMap(List::stream).toList()).join();
        }
    }

    /** The loads a truck's chain search is given (indexes): first, last and middle loads, each capped. */
    List<Integer> chainCandidates(CapacityLane truck, int perRole) {
        Coordinates start = truck.emptyAt().coordinates();
        Coordinates end = truck.mustEndAt().coordinates();
        var times = new TruckTimes(truck);
        var first = new Nearest(perRole);
        for (int l : near(byOrigin, start, truck.maxOriginDeadheadMiles())) {
            LoadLane load = network.loads().get(l);
            if (times.couldCarry(load)) {
                double firstHop = roads.roadMiles(start, load.origin().coordinates());
                if (firstHop <= truck.maxOriginDeadheadMiles() && !first.outOfReach(firstHop + loadedMiles[l])) {
                    first.offer(l, firstHop + loadedMiles[l] + roads.roadMiles(load.destination().coordinates(), end));
                }
            }
        }
        var last = new Nearest(perRole);
        for (int l : near(byDestination, end, truck.maxDestinationDeadheadMiles())) {
            LoadLane load = network.loads().get(l);
            if (times.couldCarry(load)) {
                double lastHop = roads.roadMiles(load.destination().coordinates(), end);
                if (lastHop <= truck.maxDestinationDeadheadMiles() && !last.outOfReach(loadedMiles[l] + lastHop)) {
                    last.offer(l, roads.roadMiles(start, load.origin().coordinates()) + loadedMiles[l] + lastHop);
                }
            }
        }
        Set<Integer> middleOrigins = new LinkedHashSet<>();
        for (int l : first.loads()) {
            for (int id : reloadCells(nearDestination, l, network.loads().get(l).destination().coordinates())) {
                middleOrigins.add(id);
            }
        }
        Set<Integer> middleDestinations = new LinkedHashSet<>();
        BitSet isMiddleDestination = new BitSet();
        for (int l : last.loads()) {
            for (int id : reloadCells(nearOrigin, l, network.loads().get(l).origin().coordinates())) {
                middleDestinations.add(id);
                isMiddleDestination.set(id);
            }
        }
        // The nearest are the same whatever order the loads are offered in: walk the smaller side of each lookup.
        var middle = new Nearest(perRole);
        for (int o : middleOrigins) {
            Map<Integer, int[]> byDestination = byOriginThenDestination.get(o);
            if (byDestination.size() < middleDestinations.size()) {
                byDestination.forEach((d, loads) -> {
                    if (isMiddleDestination.get(d)) {
                        offerMiddle(middle, times, loads, start, end);
                    }
                });
            } else {
                for (int d : middleDestinations) {
                    int[] loads = byDestination.get(d);
                    if (loads != null) {
                        offerMiddle(middle, times, loads, start, end);
                    }
                }
            }
        }
        Set<Integer> all = new LinkedHashSet<>(first.loads());
        all.addAll(last.loads());
        all.addAll(middle.loads());
        return List.copyOf(all);
    }

    private void offerMiddle(Nearest middle, TruckTimes times, int[] loads, Coordinates start, Coordinates end) {
        for (int l : loads) {
            LoadLane load = network.loads().get(l);
            if (times.couldCarry(load)) {
                double firstHop = roads.roadMiles(start, load.origin().coordinates());
                if (!middle.outOfReach(firstHop + loadedMiles[l])) {
                    middle.offer(l, firstHop + loadedMiles[l] + roads.roadMiles(load.destination().coordinates(), end));
                }
            }
        }
    }

    /**
     * The {@code limit} loads of least detour offered, ties by index, each load once (a top-k kept sorted, instead
     * of sorting every load offered).
     */
    private static final class Nearest {
        private final double[] detours;
        private final int[] loads;
        private int size;

        Nearest(int limit) {
            detours = new double[limit];
            loads = new int[limit];
        }

        void offer(int load, double detourMiles) {
            int at = size;
            while (at > 0 && before(detourMiles, load, detours[at - 1], loads[at - 1])) {
                at--;
            }
            if (at > 0 && loads[at - 1] == load || at == detours.length) {
                return;
            }
            int moved = Math.min(size, detours.length - 1) - at;
            System.arraycopy(detours, at, detours, at + 1, moved);
            System.arraycopy(loads, at, loads, at + 1, moved);
            detours[at] = detourMiles;
            loads[at] = load;
            size = Math.min(size + 1, detours.length);
        }

        /**
         * Whether a load whose detour is at least {@code detourAtLeastMiles} cannot be taken: all kept are nearer.
         * A sum of non-negative miles is never below any part of it, in floating point too, so a load skipped on
         * a part of its detour would have been refused on the whole.
         */
        boolean outOfReach(double detourAtLeastMiles) {
            return size == detours.length && (size == 0 || Double.compare(detourAtLeastMiles, detours[size - 1]) > 0);
        }

        private static boolean before(double detour, int load, double otherDetour, int otherLoad) {
            int byDetour = Double.compare(detour, otherDetour);
            return byDetour < 0 || byDetour == 0 && load < otherLoad;
        }

        List<Integer> loads() {
            List<Integer> nearest = new ArrayList<>(size);
            for (int k = 0; k < size; k++) {
                nearest.add(loads[k]);
            }
            return nearest;
        }
    }

    /** The truck's times as instants, read once per truck rather than once per load. */
    private record TruckTimes(CapacityLane truck, Instant availableFrom, Instant mustArriveBy) {
        TruckTimes(CapacityLane truck) {
            this(truck, truck.availableFrom().toInstant(), truck.mustArriveBy().toInstant());
        }

        /** Equipment, weight, pallets, and windows that overlap the truck's time at all. */
        boolean couldCarry(LoadLane load) {
            return EquipmentCompatibility.canCarry(truck.equipment(), load.equipment())
                    && load.weightLbs() <= truck.weightCapacityLbs() && load.pallets() <= truck.palletCapacity()
                    && load.pickupWindow().closesAt().isAfter(availableFrom)
                    && load.deliveryWindow().opensAt().isBefore(mustArriveBy);
        }
    }

    private int cellId(GeoCell cell) {
        return cellIds.computeIfAbsent(cell, c -> cellIds.size());
    }

    /**
     * The ids of the cells (holding some load's point) within the reload limit of {@code point}, load
     * {@code l}'s, computed once per load (two threads may both compute the same array: harmless).
     */
    private int[] reloadCells(AtomicReferenceArray<int[]> cache, int l, Coordinates point) {
        int[] ids = cache.get(l);
        if (ids == null) {
            double reload = roads.greatCircleMilesWithin(preferences.maxReloadDeadheadMiles());
            ids = cells.cellsCovering(point, reload).stream().map(cellIds::get).filter(java.util.Objects::nonNull)
                    .mapToInt(Integer::intValue).toArray();
            cache.set(l, ids);
        }
        return ids;
    }

    /** The loads in the cells a disc of {@code roadMiles} around {@code centre} touches. */
    private List<Integer> near(Map<GeoCell, int[]> index, Coordinates centre, double roadMiles) {
        List<Integer> found = new ArrayList<>();
        for (GeoCell cell : cells.cellsCovering(centre, roads.greatCircleMilesWithin(roadMiles))) {
            int[] loads = index.get(cell);
            if (loads != null) {
                for (int l : loads) {
                    found.add(l);
                }
            }
        }
        return found;
    }

    private static <K> Map<K, int[]> frozen(Map<K, List<Integer>> lists) {
        Map<K, int[]> arrays = new HashMap<>();
        lists.forEach((key, list) -> arrays.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
        return arrays;
    }
}
