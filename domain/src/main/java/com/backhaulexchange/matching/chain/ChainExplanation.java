package com.backhaulexchange.matching.chain;

import com.backhaulexchange.emissions.Co2eAvoided;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.matching.DrivePlan;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Why a chain is (or is not) worth showing, leg by leg and in total: the miles, the money per load and in
 * total, the CO₂e avoided with its factor set and version (ADR 26), the time and slack at every window, the drive plan across the whole chain with its
 * hours-of-service stops, and how it compares with carrying only one of its loads. {@code economics} is null
 * only when the loads and the carrier price in different currencies, which makes the chain infeasible.
 */
public record ChainExplanation(
        ReloadPackageId packageId,
        CapacityLaneId capacityLaneId,
        List<LoadLaneId> loadLaneIds,
        ChainMiles miles,
        Co2eAvoided co2eAvoided,
        ChainEconomics economics,
        List<ScheduledStop> schedule,
        DrivePlan drivePlan,
        SingleLoadComparison singleLoads) {

    public ChainExplanation {
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(capacityLaneId, "capacityLaneId");
        loadLaneIds = List.copyOf(loadLaneIds);
        Objects.requireNonNull(miles, "miles");
        Objects.requireNonNull(co2eAvoided, "co2eAvoided");
        schedule = List.copyOf(schedule);
        Objects.requireNonNull(drivePlan, "drivePlan");
        Objects.requireNonNull(singleLoads, "singleLoads");
    }

    public enum StopKind {
        PICKUP,
        DELIVERY,
        END
    }

    /**
     * When service starts at a stop (the truck's arrival at the lane's end for {@link StopKind#END}), in the
     * place's local time, and the slack left against its deadline: the window's close, or must-arrive-by;
     * negative when late. {@code loadIndex} is null for the end.
     */
    public record ScheduledStop(StopKind kind, Integer loadIndex, ZonedDateTime at, Duration slack) {
        public ScheduledStop {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(slack, "slack");
        }
    }

    /**
     * The empty miles each load of the chain would avoid carried alone on the same lane (the single-match
     * figure: baseline minus its origin and destination deadhead). The chain is worth showing only if it
     * avoids strictly more than the best of them: otherwise that load alone does as well for empty miles, with
     * fewer stops and fewer parties. The comparison is on miles only, whether or not the load alone is a
     * feasible match: a round trip's single loads, for one, are often not (the run home is too long).
     */
    public record SingleLoadComparison(List<SingleLoad> alone, double chainEmptyMilesAvoided) {
        public SingleLoadComparison {
            alone = List.copyOf(alone);
            if (alone.isEmpty()) {
                throw new IllegalArgumentException("a chain has loads to compare with");
            }
        }

        public double bestSingleEmptyMilesAvoided() {
            return alone.stream().mapToDouble(SingleLoad::emptyMilesAvoided).max().orElseThrow();
        }

        public boolean chainAvoidsMore() {
            return chainEmptyMilesAvoided > bestSingleEmptyMilesAvoided();
        }
    }

    public record SingleLoad(LoadLaneId loadLaneId, double emptyMilesAvoided) {
        public SingleLoad {
            Objects.requireNonNull(loadLaneId, "loadLaneId");
        }
    }

    public double emptyMilesAvoided() {
        return miles.emptyMilesAvoided();
    }

    /** Well-to-wheel kg CO₂e avoided against the run home empty. */
    public double co2eAvoidedKg() {
        return co2eAvoided.kgWellToWheel();
    }

    public double outOfRouteMiles() {
        return miles.outOfRouteMiles();
    }

    public List<DrivePlan.Activity> hoursOfServiceStops() {
        return drivePlan.hoursOfServiceStops();
    }
}
