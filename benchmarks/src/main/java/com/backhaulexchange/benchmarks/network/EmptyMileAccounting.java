package com.backhaulexchange.benchmarks.network;

import com.backhaulexchange.matching.selection.PackingOption;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import java.util.List;

/**
 * The miles every truck of a network drives, with and without matching, and what follows from them.
 *
 * <p><b>Without matching</b> (the baseline): every truck (capacity lane) drives home empty, A → B, the
 * carrier's baseline of {@code RouteMiles}; every load is carried by a dedicated truck from its origin that
 * returns empty to it afterwards (loaded miles m, then m empty). Deadhead = Σ baselines + Σ m; all miles =
 * Σ baselines + 2 Σ m.
 *
 * <p><b>With a selection</b> (each truck and each load at most once): a truck that carries loads drives
 * A → pickup 1 → delivery 1 → … → B (hops empty, loads loaded); a load it carries needs no dedicated truck.
 * Trucks and loads left alone keep their baseline.
 *
 * <p>Figures: the <b>empty-mile share</b> (deadhead / all miles driven) and the loaded-mile share (its
 * complement); <b>empty miles avoided</b> as the platform counts them (ADR 22, {@code ChainMiles}): for each
 * used truck, its baseline minus the deadhead of its route; and the network's deadhead reduction, which adds
 * the empty return of every dedicated truck no longer needed.
 */
final class EmptyMileAccounting {

    /** Miles of a whole network. {@code emptyMilesAvoided} is the platform figure (0 for the baseline). */
    record Figures(double deadheadMiles, double loadedMiles, double emptyMilesAvoided, long surplusMinorUnits,
            int trucksUsed, int loadsCarried, int packages) {

        double totalMiles() {
            return deadheadMiles + loadedMiles;
        }

        double emptyShare() {
            return totalMiles() == 0 ? 0 : deadheadMiles / totalMiles();
        }

        double loadedShare() {
            return totalMiles() == 0 ? 0 : loadedMiles / totalMiles();
        }
    }

    private final Network network;
    private final RoadDistanceModel roads;
    private final double[] baseline;
    private final double[] loaded;

    EmptyMileAccounting(Network network, RoadDistanceModel roads) {
        this.network = network;
        this.roads = roads;
        baseline = new double[network.trucks().size()];
        loaded = new double[network.loads().size()];
        for (int t = 0; t < baseline.length; t++) {
            CapacityLane truck = network.trucks().get(t);
            baseline[t] = miles(truck.emptyAt().coordinates(), truck.mustEndAt().coordinates());
        }
        for (int l = 0; l < loaded.length; l++) {
            LoadLane load = network.loads().get(l);
            loaded[l] = miles(load.origin().coordinates(), load.destination().coordinates());
        }
    }

    /** No matching: every truck home empty, every load on a dedicated truck that returns empty. */
    Figures withoutMatching() {
        return with(List.of());
    }

    /**
     * The network with these selections made. Rejects a selection that uses a truck or a load twice: its
     * figures would count a load carried twice or a truck in two places.
     */
    Figures with(List<PackingOption> selections) {
        boolean[] truckUsed = new boolean[baseline.length];
        boolean[] loadCarried = new boolean[loaded.length];
        double deadhead = 0;
        double loadedMiles = 0;
        double avoided = 0;
        long surplus = 0;
        int packages = 0;
        int carried = 0;
        for (PackingOption selection : selections) {
            if (truckUsed[selection.truck()]) {
                throw new IllegalArgumentException("truck " + selection.truck() + " is used twice");
            }
            truckUsed[selection.truck()] = true;
            CapacityLane truck = network.trucks().get(selection.truck());
            Coordinates at = truck.emptyAt().coordinates();
            double routeDeadhead = 0;
            for (int l : selection.loads()) {
                if (loadCarried[l]) {
                    throw new IllegalArgumentException("load " + l + " is carried twice");
                }
                loadCarried[l] = true;
                carried++;
                LoadLane load = network.loads().get(l);
                routeDeadhead += miles(at, load.origin().coordinates());
                loadedMiles += loaded[l];
                at = load.destination().coordinates();
            }
            routeDeadhead += miles(at, truck.mustEndAt().coordinates());
            deadhead += routeDeadhead;
            avoided += baseline[selection.truck()] - routeDeadhead;
            surplus += selection.surplusMinorUnits();
            packages += selection.isPackage() ? 1 : 0;
        }
        for (int t = 0; t < baseline.length; t++) {
            if (!truckUsed[t]) {
                deadhead += baseline[t];
            }
        }
        for (int l = 0; l < loaded.length; l++) {
            if (!loadCarried[l]) {
                // A dedicated truck: there loaded, back empty.
                loadedMiles += loaded[l];
                deadhead += loaded[l];
            }
        }
        return new Figures(deadhead, loadedMiles, avoided, surplus, selections.size(), carried, packages);
    }

    /** The platform's figure for one selection: its truck's baseline minus the deadhead of its route. */
    double emptyMilesAvoided(PackingOption selection) {
        CapacityLane truck = network.trucks().get(selection.truck());
        Coordinates at = truck.emptyAt().coordinates();
        double deadhead = 0;
        for (int l : selection.loads()) {
            LoadLane load = network.loads().get(l);
            deadhead += miles(at, load.origin().coordinates());
            at = load.destination().coordinates();
        }
        return baseline[selection.truck()] - deadhead - miles(at, truck.mustEndAt().coordinates());
    }

    private double miles(Coordinates from, Coordinates to) {
        return roads.roadMiles(from, to);
    }
}
