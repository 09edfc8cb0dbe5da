package com.backhaulexchange.matching;

import com.backhaulexchange.emissions.Co2eAvoided;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLaneId;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Why a pair is (or is not) a match, in a dispatcher's terms: the miles, the money, the CO₂e avoided (with the
 * factor set and version that produced it, ADR 26), the timing
 * with its slack at each stop, and the drive plan with its hours-of-service breaks. Miles are road miles,
 * unrounded (presentation rounds). {@code economics} is null only when the two sides price in different
 * currencies, which makes the pair infeasible.
 */
public record MatchExplanation(
        CapacityLaneId capacityLaneId,
        LoadLaneId loadLaneId,
        RouteMiles miles,
        Co2eAvoided co2eAvoided,
        MatchEconomics economics,
        Schedule schedule,
        DrivePlan drivePlan) {

    public MatchExplanation {
        Objects.requireNonNull(capacityLaneId, "capacityLaneId");
        Objects.requireNonNull(loadLaneId, "loadLaneId");
        Objects.requireNonNull(miles, "miles");
        Objects.requireNonNull(co2eAvoided, "co2eAvoided");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(drivePlan, "drivePlan");
    }

    /**
     * When service starts at the pickup and the delivery and when the truck reaches its end point, each in
     * the local time of its place, and the slack left against each deadline (window close, must-arrive-by):
     * negative when late.
     */
    public record Schedule(
            ZonedDateTime pickupAt,
            Duration pickupSlack,
            ZonedDateTime deliveryAt,
            Duration deliverySlack,
            ZonedDateTime arrivesAtEnd,
            Duration endArrivalSlack) {
    }

    public double originDeadheadMiles() {
        return miles.originDeadheadMiles();
    }

    public double loadedMiles() {
        return miles.loadedMiles();
    }

    public double destinationDeadheadMiles() {
        return miles.destinationDeadheadMiles();
    }

    public double baselineEmptyMiles() {
        return miles.baselineEmptyMiles();
    }

    public double outOfRouteMiles() {
        return miles.outOfRouteMiles();
    }

    public double emptyMilesAvoided() {
        return miles.emptyMilesAvoided();
    }

    /** Well-to-wheel kg CO₂e avoided against the run home empty; negative when the match adds empty miles. */
    public double co2eAvoidedKg() {
        return co2eAvoided.kgWellToWheel();
    }

    public List<DrivePlan.Activity> hoursOfServiceStops() {
        return drivePlan.hoursOfServiceStops();
    }
}
