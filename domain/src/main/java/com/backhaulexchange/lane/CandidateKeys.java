package com.backhaulexchange.lane;

import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.GeoCell;
import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.kernel.geo.TimeBucket;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The (geo cell, UTC day) keys under which postings are indexed and searched, so that candidates are found
 * without scanning every lane. A load is indexed at its origin's cell for each day of its pickup window; a
 * capacity at its empty point's cell for each day from available-from to must-arrive-by.
 *
 * <p>Complete: when a pair is feasible, the pickup starts inside the pickup window and inside the truck's
 * availability (so on a day both are indexed under), within the carrier's origin deadhead (so in a cell
 * covering that disc); hence {@link #loadsNear} of the capacity contains an index key of the load, and
 * {@link #capacitiesNear} of the load with a radius at least the carrier's limit contains one of the
 * capacity.
 */
public final class CandidateKeys {

    private final GeoCellScheme cells;
    private final RoadDistanceModel roads;

    public CandidateKeys(GeoCellScheme cells, RoadDistanceModel roads) {
        this.cells = Objects.requireNonNull(cells, "cells");
        this.roads = Objects.requireNonNull(roads, "roads");
    }

    /** A retrieval key; {@link #value()} is its string form, e.g. {@code 9vg#2026-11-24}. */
    public record CandidateKey(GeoCell cell, TimeBucket day) {
        public String value() {
            return cell.geohash() + "#" + day.key();
        }
    }

    public List<CandidateKey> loadIndexKeys(LoadLane load) {
        return keys(List.of(cells.cellOf(load.origin().coordinates())),
                load.pickupWindow().opensAt(), load.pickupWindow().closesAt());
    }

    public List<CandidateKey> capacityIndexKeys(CapacityLane capacity) {
        return keys(List.of(cells.cellOf(capacity.emptyAt().coordinates())),
                capacity.availableFrom().toInstant(), capacity.mustArriveBy().toInstant());
    }

    /**
     * Where to look for the loads a capacity might take: its origin-deadhead disc, over its availability.
     * Nearest cell first (then by day), so a search that stops early has read the nearest candidates.
     */
    public List<CandidateKey> loadsNear(CapacityLane capacity) {
        return keys(nearestFirst(capacity.emptyAt().coordinates(),
                        roads.greatCircleMilesWithin(capacity.maxOriginDeadheadMiles())),
                capacity.availableFrom().toInstant(), capacity.mustArriveBy().toInstant());
    }

    /**
     * Where to look for capacities that might take a load: trucks empty within {@code radiusRoadMiles} of
     * its origin, over its pickup window. Complete for carriers whose origin-deadhead limit is at most the
     * radius; the largest allowed limit makes it complete for all, at the price of more cells.
     */
    public List<CandidateKey> capacitiesNear(LoadLane load, int radiusRoadMiles) {
        return keys(nearestFirst(load.origin().coordinates(), roads.greatCircleMilesWithin(radiusRoadMiles)),
                load.pickupWindow().opensAt(), load.pickupWindow().closesAt());
    }

    /**
     * Where to look for the loads a truck might pick up next after a delivery at {@code centre}: loads picked up
     * within {@code radiusRoadMiles} of it between {@code from} (the delivery, at the earliest) and {@code to} (when
     * the truck must be at its end). Complete as {@link #loadsNear} is: a next load picked up within the radius
     * during that time is indexed under one of these keys (reload packages, ADR 25).
     */
    public List<CandidateKey> loadsPickedUpNear(Coordinates centre, int radiusRoadMiles, Instant from, Instant to) {
        return keys(nearestFirst(centre, roads.greatCircleMilesWithin(radiusRoadMiles)), from, to);
    }

    private List<GeoCell> nearestFirst(Coordinates centre, double radiusGreatCircleMiles) {
        return cells.cellsCovering(centre, radiusGreatCircleMiles).stream()
                .sorted(Comparator.comparingDouble((GeoCell cell) -> cell.bounds().milesFrom(centre))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private static List<CandidateKey> keys(List<GeoCell> cells, Instant from, Instant to) {
        if (to.isBefore(from)) {
            return List.of();
        }
        List<TimeBucket> days = TimeBucket.bucketsOverlapping(from, to);
        List<CandidateKey> keys = new ArrayList<>(cells.size() * days.size());
        for (GeoCell cell : cells) {
            for (TimeBucket day : days) {
                keys.add(new CandidateKey(cell, day));
            }
        }
        return List.copyOf(keys);
    }
}
