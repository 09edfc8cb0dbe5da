package com.backhaulexchange.function.matchengine;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.CandidateKeys;
import com.backhaulexchange.lane.CandidateKeys.CandidateKey;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.CandidateSource;
import com.backhaulexchange.matching.EquipmentCompatibility;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.TradingPartners;
import com.backhaulexchange.matching.chain.ChainEvaluation;
import com.backhaulexchange.matching.chain.ChainSearch;
import com.backhaulexchange.matching.chain.PackageMatch;
import com.backhaulexchange.matching.chain.PackageRepository;
import com.backhaulexchange.matching.chain.PackageRun;
import com.backhaulexchange.matching.chain.ReloadPreferences;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reload packages for a posting, after its single-load matching (ADR 25), within a fixed read budget per posting:
 *
 * <ul>
 * <li><b>A truck</b> takes its first loads from the loads near its origin that its single-load search already read.
 *     Later loads come from the candidate index in two waves: the loads picked up within the truck's reload limit
 *     of the deliveries of its {@link Settings#centresPerWave} best first loads (least detour on its road), then of
 *     the deliveries of the best of those second loads. {@link ChainSearch} finds the best
 *     {@link Settings#packagesPerPosting} chains; they are stored, with the nearest rejected ones and their reasons
 *     in the lane's {@link PackageRun}.</li>
 * <li><b>A load</b> may complete or improve the chains of the trucks its single-load search found: of those, the
 *     {@link Settings#trucksPerLoad} on whose road it lies best are searched ({@link ChainSearch#completedBy}) over
 *     one shared pool, read in two waves: the loads picked up within reach of the new load's delivery, and the
 *     loads near those trucks' origins. At most {@link Settings#packagesPerTruckFromALoad} packages per truck.</li>
 * </ul>
 *
 * Each wave queries at most {@link Settings#keysPerWave} index keys (nearest cells of each centre first, the
 * centres taken in turn) and reads at most {@link Settings#entriesPerWave} entries: a posting's package search adds
 * at most two waves to its single-load search, however large the book. Storing is idempotent: a package's id is its
 * lane and loads in order, so a redelivered message or another posting finding the same chain refreshes one item.
 */
final class PackageFinder {

    /** How many, how far and how much may be read; see ADR 25 for the defaults. */
    record Settings(int packagesPerPosting, int rejectedShown, int centresPerWave, int keysPerWave,
            int entriesPerWave, int trucksPerLoad, int packagesPerTruckFromALoad) {

        static final Settings DEFAULT = new Settings(5, 5, 8, 64, 250, 5, 2);

        Settings {
            if (packagesPerPosting < 1 || rejectedShown < 0 || centresPerWave < 1 || keysPerWave < 1
                    || entriesPerWave < 1 || trucksPerLoad < 0 || packagesPerTruckFromALoad < 1) {
                throw new IllegalArgumentException("invalid package settings " + packagesPerPosting + ", "
                        + rejectedShown + ", " + centresPerWave + ", " + keysPerWave + ", " + entriesPerWave + ", "
                        + trucksPerLoad + ", " + packagesPerTruckFromALoad);
            }
        }
    }

    private static final ChainSearch.Stats NOTHING_SEARCHED = new ChainSearch.Stats(0, 0, 0, 0, 0, false);

    private final CandidateSource candidates;
    private final PackageRepository packages;
    private final TradingPartners tradingPartners;
    private final MatchingConfig config;
    private final CandidateKeys candidateKeys;
    private final Settings settings;
    private final Consumer<PackageMatch> onNewPackage;

    PackageFinder(CandidateSource candidates, PackageRepository packages, TradingPartners tradingPartners,
            MatchingConfig config, CandidateKeys candidateKeys, Settings settings, Consumer<PackageMatch> onNewPackage) {
        this.candidates = candidates;
        this.packages = packages;
        this.tradingPartners = tradingPartners;
        this.config = config;
        this.candidateKeys = candidateKeys;
        this.settings = settings;
        this.onNewPackage = onNewPackage;
    }

    /**
     * The packages of a truck: {@code nearOrigin} are the open loads of active shippers its single-load search read,
     * {@code cost} its carrier's cost per mile (null: no packages, as no matches).
     */
    PackageRun forTruck(PostedLane.Capacity truck, Money cost, List<PostedLane.Load> nearOrigin, Instant now) {
        if (cost == null) {
            PackageRun run = new PackageRun(truck.laneId(), now, 0, 0, true, NOTHING_SEARCHED, 0, 0, List.of());
            packages.saveRun(run);
            return run;
        }
        CapacityLane lane = truck.lane();
        Set<EquipmentType> equipment = EquipmentCompatibility.loadsFor(lane.equipment());
        Instant until = lane.mustArriveBy().toInstant();
        Map<String, PostedLane.Load> pool = new LinkedHashMap<>();
        nearOrigin.forEach(load -> pool.put(load.laneId(), load));
        List<PostedLane.Load> centres = corridorFirst(lane, carriable(lane, nearOrigin));
        Wave second = wave(centres, lane.maxReloadDeadheadMiles(), until, equipment, now);
        List<PostedLane.Load> fresh = second.loads().stream().filter(load -> !pool.containsKey(load.laneId()))
                .toList();
        fresh.forEach(load -> pool.put(load.laneId(), load));
        Wave third = wave(corridorFirst(lane, carriable(lane, fresh)), lane.maxReloadDeadheadMiles(), until,
                equipment, now);
        third.loads().forEach(load -> pool.putIfAbsent(load.laneId(), load));

        var search = new ChainSearch(config, ReloadPreferences.of(lane), ChainSearch.Bounds.DEFAULT);
        ChainSearch.Result result = search.search(truck.drivableAt(now), cost,
                pool.values().stream().map(load -> load.laneAt(now)).toList(), settings.packagesPerPosting());
        int stored = 0;
        for (ChainEvaluation.Feasible chain : result.best()) {
            if (store(truck, chain, pool, now)) {
                stored++;
            }
        }
        PackageRun run = new PackageRun(truck.laneId(), now, second.queries() + third.queries(),
                second.entriesRead() + third.entriesRead(), second.complete() && third.complete(), result.stats(),
                result.best().size(), stored, result.nearestRejected().stream().limit(settings.rejectedShown())
                        .map(PackageRun.RejectedPackage::of).toList());
        packages.saveRun(run);
        return run;
    }

    /**
     * The packages a new load completes or improves for the trucks its single-load search found ({@code trucks}:
     * open trucks with their carriers' costs per mile). Returns how many packages were stored.
     */
    int forLoad(PostedLane.Load load, Map<PostedLane.Capacity, Money> trucks, Instant now) {
        LoadLane newLoad = load.lane();
        RoadDistanceModel roads = config.roadDistance();
        List<PostedLane.Capacity> chosen = trucks.keySet().stream()
                .filter(truck -> couldCarry(truck.lane(), newLoad))
                .sorted(Comparator.comparingDouble((PostedLane.Capacity truck) -> detour(truck.lane(), newLoad, roads))
                        .thenComparing(PostedLane::laneId))
                .limit(settings.trucksPerLoad()).toList();
        if (chosen.isEmpty()) {
            return 0;
        }
        Set<EquipmentType> equipment = EnumSet.noneOf(EquipmentType.class);
        chosen.forEach(truck -> equipment.addAll(EquipmentCompatibility.loadsFor(truck.lane().equipment())));
        int reload = chosen.stream().mapToInt(truck -> truck.lane().maxReloadDeadheadMiles()).max().orElseThrow();
        Instant until = chosen.stream().map(truck -> truck.lane().mustArriveBy().toInstant()).max(Comparator
                .naturalOrder()).orElseThrow();
        Map<String, PostedLane.Load> pool = new LinkedHashMap<>();
        wave(List.of(load), reload, until, equipment, now).loads().forEach(found -> pool.put(found.laneId(), found));
        List<List<CandidateKey>> nearOrigins = chosen.stream().map(truck -> candidateKeys.loadsNear(truck.lane()))
                .toList();
        read(interleaved(nearOrigins), equipment, now).loads().forEach(found -> pool.putIfAbsent(found.laneId(),
                found));
        pool.remove(load.laneId());
        pool.put(load.laneId(), load);
        List<LoadLane> others = pool.values().stream().filter(other -> !other.laneId().equals(load.laneId()))
                .map(other -> other.laneAt(now)).toList();
        int stored = 0;
        for (PostedLane.Capacity truck : chosen) {
            var search = new ChainSearch(config, ReloadPreferences.of(truck.lane()), ChainSearch.Bounds.DEFAULT);
            var lanes = List.of(new ChainSearch.LaneWithCandidates(truck.drivableAt(now), trucks.get(truck), others));
            for (ChainSearch.Opportunity opportunity : search.completedBy(load.laneAt(now), lanes,
                    settings.packagesPerTruckFromALoad())) {
                if (store(truck, opportunity.chain(), pool, now)) {
                    stored++;
                }
            }
        }
        return stored;
    }

    private boolean store(PostedLane.Capacity truck, ChainEvaluation.Feasible chain, Map<String, PostedLane.Load> pool,
            Instant now) {
        List<PostedLane.Load> loads = chain.explanation().loadLaneIds().stream().map(id -> pool.get(id.value()))
                .toList();
        PackageMatch proposed = PackageMatch.proposed(truck, loads, chain, now);
        boolean isNew = packages.find(proposed.id()).isEmpty();
        if (!packages.save(proposed, now)) {
            return false;
        }
        if (isNew) {
            onNewPackage.accept(proposed);
        }
        return true;
    }

    /** What one wave read: the open loads of active shippers found, and its reading figures. */
    private record Wave(List<PostedLane.Load> loads, int queries, int entriesRead, boolean complete) {
        static final Wave NONE = new Wave(List.of(), 0, 0, true);
    }

    /** The loads picked up within {@code radius} of the centres' deliveries, until {@code until}. */
    private Wave wave(List<PostedLane.Load> centres, int radius, Instant until, Set<EquipmentType> equipment,
            Instant now) {
        List<List<CandidateKey>> keys = centres.stream().limit(settings.centresPerWave())
                .map(centre -> candidateKeys.loadsPickedUpNear(centre.lane().destination().coordinates(), radius,
                        centre.lane().deliveryWindow().opensAt(), until))
                .toList();
        return read(interleaved(keys), equipment, now);
    }

    private Wave read(List<CandidateKey> keys, Set<EquipmentType> equipment, Instant now) {
        if (keys.isEmpty()) {
            return Wave.NONE;
        }
        var found = candidates.loads(keys, equipment, settings.entriesPerWave());
        List<PostedLane.Load> open = found.lanes().stream().filter(load -> load.isOpenForMatchingAt(now)).toList();
        if (!open.isEmpty()) {
            Set<PartnerId> active = tradingPartners.activeAmong(open.stream().map(PostedLane::owner)
                    .collect(Collectors.toSet()));
            open = open.stream().filter(load -> active.contains(load.owner())).toList();
        }
        return new Wave(open, found.queries(), found.entriesRead(), found.complete());
    }

    /** Each centre's keys nearest first, the centres in turn, without repeats, at most {@code keysPerWave}. */
    private List<CandidateKey> interleaved(List<List<CandidateKey>> perCentre) {
        Set<String> seen = new LinkedHashSet<>();
        List<CandidateKey> keys = new ArrayList<>();
        int longest = perCentre.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest && keys.size() < settings.keysPerWave(); i++) {
            for (List<CandidateKey> centre : perCentre) {
                if (i < centre.size() && keys.size() < settings.keysPerWave() && seen.add(centre.get(i).value())) {
                    keys.add(centre.get(i));
                }
            }
        }
        return keys;
    }

    private List<PostedLane.Load> carriable(CapacityLane truck, List<PostedLane.Load> loads) {
        return loads.stream().filter(load -> couldCarry(truck, load.lane())).toList();
    }

    /** The loads least off the truck's road first. */
    private List<PostedLane.Load> corridorFirst(CapacityLane truck, List<PostedLane.Load> loads) {
        RoadDistanceModel roads = config.roadDistance();
        return loads.stream().sorted(Comparator.comparingDouble((PostedLane.Load load) ->
                        detour(truck, load.lane(), roads)).thenComparing(PostedLane::laneId))
                .limit(settings.centresPerWave()).toList();
    }

    /** The miles the load alone adds to the truck's road: start → pickup → delivery → end, less the baseline. */
    private static double detour(CapacityLane truck, LoadLane load, RoadDistanceModel roads) {
        return roads.roadMiles(truck.emptyAt().coordinates(), load.origin().coordinates())
                + roads.roadMiles(load.origin().coordinates(), load.destination().coordinates())
                + roads.roadMiles(load.destination().coordinates(), truck.mustEndAt().coordinates())
                - roads.roadMiles(truck.emptyAt().coordinates(), truck.mustEndAt().coordinates());
    }

    private static boolean couldCarry(CapacityLane truck, LoadLane load) {
        return EquipmentCompatibility.canCarry(truck.equipment(), load.equipment())
                && load.weightLbs() <= truck.weightCapacityLbs() && load.pallets() <= truck.palletCapacity();
    }
}
